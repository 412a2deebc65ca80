// Text → scenario, or every problem found, each located at a line and column. Pure: the caller
// reads the file; this only reads the text it is given.
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { suggest } from '../suggest.ts';
import { formatPath, locate, type PathSegment } from './locate.ts';
import { type Scenario, scenarioSchema } from './schema.ts';
import { checkScenario } from './semantic.ts';

export type Problem = {
  file: string;
  line: number;
  col: number;
  path: string;
  message: string;
  hint: string;
};

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };

/** One line per problem: `FILE:LINE:COL field.path: what is wrong — what to do`. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col} ${p.path}: ${p.message} — ${p.hint}`;
}

export function parseScenario(text: string, file: string): ParseResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });

  if (doc.errors.length > 0) {
    // After the first syntax error the parser's later complaints are mostly echoes of it.
    const first = [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0]).slice(0, 1);
    return {
      ok: false,
      problems: first.map((e) => {
        const lp = lines.linePos(e.pos[0]);
        const first = e.message.split('\n')[0] ?? e.message;
        return { file, line: lp.line, col: lp.col, path: '(yaml)', message: `YAML syntax error: ${first.replace(/ at line \d+, column \d+:?$/, '')}`, hint: 'fix the YAML at this position (indentation, colons, quotes)' };
      }),
    };
  }
  if (doc.contents === null || (text.trim() === '')) {
    return { ok: false, problems: [{ file, line: 1, col: 1, path: '(file)', message: 'the file is empty', hint: 'start from scenarios/examples/two-camps.yaml and see SCENARIO.md for the fields' }] };
  }

  let raw: unknown;
  try {
    raw = doc.toJS();
  } catch (e) {
    // e.g. an alias expanded too many times (a "billion laughs" file)
    return { ok: false, problems: [{ file, line: 1, col: 1, path: '(yaml)', message: `YAML cannot be read: ${(e as Error).message.split('\n')[0]}`, hint: 'write the values out instead of through aliases' }] };
  }
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, problems: sortProblems(parsed.error.issues.flatMap((issue) => fromIssue(issue, raw, doc, lines, file))) };
  }
  const semantic = checkScenario(parsed.data);
  if (semantic.length > 0) {
    return {
      ok: false,
      problems: sortProblems(semantic.map((p) => ({ file, ...locate(doc, lines, p.path), path: formatPath(p.path), message: p.message, hint: p.hint }))),
    };
  }
  return { ok: true, scenario: parsed.data };
}

function sortProblems(ps: Problem[]): Problem[] {
  return ps.sort((a, b) => a.line - b.line || a.col - b.col);
}

function fromIssue(issue: z.core.$ZodIssue, raw: unknown, doc: Document, lines: LineCounter, file: string): Problem[] {
  const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(path);
    return issue.keys.map((key) => {
      const near = suggest(key, known);
      return {
        file,
        ...locate(doc, lines, path, key),
        path: formatPath([...path, key]),
        message: `unknown field ${JSON.stringify(key)}`,
        hint: near ? `did you mean "${near}"?` : `remove it; the fields here are ${known.join(', ')}`,
      };
    });
  }
  const value = valueAt(raw, path);
  const where = { file, ...locate(doc, lines, path), path: formatPath(path) };
  const field = String(path[path.length - 1] ?? '');
  if (value === undefined && issue.code === 'invalid_type') {
    return [{ ...where, message: 'is missing', hint: `add ${field}: (see SCENARIO.md)` }];
  }
  switch (issue.code) {
    case 'invalid_type':
      return [{ ...where, message: `must be ${article(issue.expected)}, not ${describe(value)}`, hint: `write ${article(issue.expected)} here` }];
    case 'invalid_value': {
      const options = issue.values.map(String);
      const near = typeof value === 'string' ? suggest(value, options) : undefined;
      const message = field === 'version' ? `version ${describe(value)} is not supported` : `${describe(value)} is not one of ${options.join(', ')}`;
      const hint = field === 'version' ? 'this Drawdown reads version: 1' : near ? `did you mean "${near}"?` : `use one of ${options.join(', ')}`;
      return [{ ...where, message, hint }];
    }
    default:
      return [{ ...where, message: `${issue.message} (got ${describe(value)})`, hint: hintFor(field, issue.code) }];
  }
}

function hintFor(field: string, code: string): string {
  const hints: Record<string, string> = {
    lat: 'use decimal degrees, north positive',
    lon: 'use decimal degrees, east positive',
    deadline: 'write the day as YYYY-MM-DD, e.g. 2023-11-15',
    start: 'write the day as YYYY-MM-DD, e.g. 2023-07-01',
    end: 'write the day as YYYY-MM-DD, e.g. 2023-12-31',
    first: 'write the day as YYYY-MM-DD',
    last: 'write the day as YYYY-MM-DD',
    count: 'use a whole number of at least 1',
    risk: 'use a share between 0 (safe) and 1 (most dangerous)',
    owner: 'write UN for UN-owned equipment or COE/<Country> for contingent-owned',
    id: 'use lower-case letters, digits and dashes, e.g. kidal-ammo',
    group: 'use lower-case letters, digits and dashes, e.g. kidal-force',
  };
  return hints[field] ?? (code === 'too_small' || code === 'too_big' ? 'use a value in the allowed range' : 'correct the value (see SCENARIO.md)');
}

function article(expected: string): string {
  const names: Record<string, string> = { number: 'a number', int: 'a whole number', string: 'text', boolean: 'true or false', array: 'a list', object: 'a mapping of fields' };
  return names[expected] ?? expected;
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'empty (null)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  // Quoted as JSON, so a value with line breaks or control characters stays on the problem's one line.
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return String(v);
}

function valueAt(raw: unknown, path: readonly PathSegment[]): unknown {
  let v: unknown = raw;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

/** The field names the schema allows at `path`, for "did you mean". */
function knownKeys(path: readonly PathSegment[]): string[] {
  let schema: unknown = scenarioSchema;
  for (const seg of [...path, null]) {
    schema = unwrap(schema);
    const def = (schema as { _zod: { def: Record<string, unknown> } })._zod.def;
    if (seg === null) return def.type === 'object' ? Object.keys(def.shape as object) : [];
    if (def.type === 'object') schema = (def.shape as Record<string, unknown>)[String(seg)];
    else if (def.type === 'array') schema = def.element;
    else return [];
    if (!schema) return [];
  }
  return [];
}

function unwrap(schema: unknown): unknown {
  for (;;) {
    const def = (schema as { _zod: { def: Record<string, unknown> } })._zod.def;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') schema = def.innerType;
    else if (def.type === 'pipe') schema = def.in;
    else return schema;
  }
}
