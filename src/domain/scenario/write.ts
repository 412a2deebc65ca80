// A scenario as a YAML file in the style of SCENARIO.md: block style for the structure, one flow
// mapping per line for legs, closures, lots, personnel groups, progress entries and `air`.
import { Document, isPair, isScalar, isSeq, visit } from 'yaml';
import type { ScenarioInput } from './schema.ts';

export function toYaml(s: ScenarioInput, header?: string): string {
  const doc = new Document(s);
  if (header) doc.commentBefore = header;
  const keyOf = (node: unknown): string | undefined => (isPair(node) ? String(isScalar(node.key) ? node.key.value : node.key) : undefined);
  const flowLists = new Set(['legs', 'closures', 'lots', 'personnel', 'located', 'busy']);
  visit(doc, {
    Map(_key, node, path) {
      const parent = path[path.length - 1];
      const grand = path[path.length - 2];
      if (isSeq(parent) && flowLists.has(keyOf(grand) ?? '')) node.flow = true;
      if (keyOf(parent) === 'air') node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0 });
}
