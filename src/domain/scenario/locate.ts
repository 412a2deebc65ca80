// Maps a field path (as zod reports it) back to a line and column in the YAML source, so every
// problem points at the node a person has to edit.
import { type Document, isMap, isScalar, isSeq, type LineCounter, type Node } from 'yaml';

export type PathSegment = string | number;
export type Position = { line: number; col: number };

/** `sites[2].lots[0].count` — the form people read in messages. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    // A key that is not a plain word (an unknown field with spaces or line breaks) is quoted.
    else if (!/^[\p{L}\p{N}_-]+$/u.test(seg)) out += `[${JSON.stringify(seg)}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out === '' ? '(file)' : out;
}

/**
 * The position of the deepest node that exists along `path`. With `key` set, the position of that
 * key inside the map at `path` (for unknown fields); a missing field points at its parent map.
 */
export function locate(doc: Document, lines: LineCounter, path: readonly PathSegment[], key?: string): Position {
  let node: unknown = doc.contents;
  let best: Node | null = isNode(node) ? node : null;
  for (const seg of path) {
    const next = child(node, seg);
    if (next === undefined) break;
    node = next.value ?? next.key;
    const here = next.value && isNode(next.value) && next.value.range ? next.value : next.key;
    if (here && isNode(here) && here.range) best = here;
  }
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    if (pair && isNode(pair.key) && pair.key.range) best = pair.key;
  }
  const offset = best?.range?.[0] ?? 0;
  const lp = lines.linePos(offset);
  return { line: lp.line, col: lp.col };
}

function child(node: unknown, seg: PathSegment): { key: unknown; value: unknown } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
    return pair ? { key: pair.key, value: pair.value } : undefined;
  }
  if (isSeq(node) && typeof seg === 'number') {
    const item = node.items[seg];
    return item === undefined ? undefined : { key: null, value: item };
  }
  return undefined;
}

function isNode(x: unknown): x is Node {
  return typeof x === 'object' && x !== null && 'range' in x;
}
