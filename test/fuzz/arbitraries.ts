// Arbitraries for fuzzing: values made from a JSON Schema (as `z.toJSONSchema` writes a route's
// zod schema), mutations of valid samples (fields dropped, duplicated, retyped; huge and odd
// strings; numbers out of range; wrong dates; deep nesting; prototype-pollution keys), and
// mutations of text (for YAML and JSON lines).
import fc from 'fast-check';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
  [other: string]: unknown;
};

/** Words that matter to the mission under test: its ids and days, so generated input reaches past the schema. */
export type Vocabulary = { ids: string[]; dates: string[]; strings: string[] };

/** A schema this generator cannot turn into values: the route must say how it is fuzzed. */
export class Unfuzzable extends Error {}

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const KNOWN_KEYS = new Set(['$schema', 'type', 'enum', 'const', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'items', 'minItems', 'maxItems', 'properties', 'required', 'additionalProperties', 'anyOf', 'oneOf', 'default', 'description', 'format', 'title']);

/** Values that fit `schema` (up to refinements JSON Schema cannot say, such as "a calendar day"). */
export function fromJsonSchema(schema: JsonSchema, vocab: Vocabulary, where = '(root)'): fc.Arbitrary<Json> {
  const unknown = Object.keys(schema).filter((k) => !KNOWN_KEYS.has(k));
  if (unknown.length > 0) throw new Unfuzzable(`${where}: JSON Schema keywords ${unknown.join(', ')} are not supported`);
  if (schema.const !== undefined) return fc.constant(schema.const as Json);
  if (schema.enum) return fc.constantFrom(...(schema.enum as Json[]));
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return fc.oneof(...union.map((s, i) => fromJsonSchema(s, vocab, `${where}|${i}`)));
  if (Object.keys(schema).every((k) => k === '$schema' || k === 'description' || k === 'default')) return fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>;
  switch (schema.type) {
    case 'string':
      return stringArb(schema, vocab);
    case 'integer':
    case 'number':
      return numberArb(schema);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (!schema.items) return fc.array(fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<Json>, { maxLength: 4 });
      const min = schema.minItems ?? 0;
      return fc.array(fromJsonSchema(schema.items, vocab, `${where}[]`), { minLength: min, maxLength: Math.min(schema.maxItems ?? min + 4, min + 4) });
    }
    case 'object': {
      const props = schema.properties ?? {};
      const shape: Record<string, fc.Arbitrary<Json>> = {};
      for (const [k, s] of Object.entries(props)) shape[k] = fromJsonSchema(s, vocab, `${where}.${k}`);
      const record = fc.record(shape, { requiredKeys: (schema.required ?? []).filter((k) => k in props) }) as fc.Arbitrary<Record<string, Json>>;
      if (schema.additionalProperties === false || schema.additionalProperties === undefined) return record;
      // A loose object: sometimes with extra fields.
      const extra = fc.dictionary(fc.oneof(fc.constantFrom('notes', 'source', 'extra'), fc.string({ maxLength: 8 })), fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<Json>, { maxKeys: 3 });
      return fc.tuple(record, extra).map(([r, e]) => ({ ...e, ...r }));
    }
    default:
      throw new Unfuzzable(`${where}: JSON Schema type ${JSON.stringify(schema.type)} is not supported`);
  }
}

function stringArb(schema: JsonSchema, vocab: Vocabulary): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? (schema.pattern ? Number.MAX_SAFE_INTEGER : Math.max(min + 40, 40));
  const fits = (s: string) => s.length >= min && s.length <= max && (!schema.pattern || new RegExp(schema.pattern, 'u').test(s));
  if (schema.pattern === DATE_PATTERN) return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...vocab.dates) }, { weight: 1, arbitrary: dateString() });
  const known = [...vocab.ids, ...vocab.strings].filter(fits);
  const free = schema.pattern
    ? fc.stringMatching(new RegExp(schema.pattern)).filter(fits)
    : fc.oneof(fc.string({ minLength: min, maxLength: Math.min(max, min + 30) }), fc.string({ minLength: min, maxLength: Math.min(max, min + 30), unit: 'grapheme' }));
  return known.length > 0 ? fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: free }) : free;
}

function numberArb(schema: JsonSchema): fc.Arbitrary<number> {
  const lo = schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum : schema.minimum;
  const hi = schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum : schema.maximum;
  if (schema.type === 'integer') {
    const min = Math.max(lo ?? -1000, Number.MIN_SAFE_INTEGER) + (schema.exclusiveMinimum !== undefined ? 1 : 0);
    const max = Math.min(hi ?? 1000, Number.MAX_SAFE_INTEGER) - (schema.exclusiveMaximum !== undefined ? 1 : 0);
    // Mostly small numbers (the ones that mean something), sometimes anywhere in the range.
    return fc.oneof({ weight: 3, arbitrary: fc.integer({ min: Math.max(min, -5), max: Math.max(Math.max(min, -5), Math.min(max, 30)) }) }, { weight: 1, arbitrary: fc.integer({ min, max }) });
  }
  const min = lo ?? -1e6;
  const max = hi ?? 1e6;
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true, minExcluded: schema.exclusiveMinimum !== undefined, maxExcluded: schema.exclusiveMaximum !== undefined });
}

/** Strings that look like days: real ones, impossible ones, and near misses. */
export function dateString(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    fc.constantFrom(...WRONG_DATES),
    fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  );
}

export const WRONG_DATES = ['2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '0000-00-00', '2024-3-1', '24-03-01', '2024-03-01T00:00:00Z', '2024/03/01', '01-03-2024', '+02024-03-01', '99999-01-01', '2024-03-01 ', ' 2024-03-01', '2024-03-0١', ''];

/** Values no field expects: of another type, out of range, huge, odd, nested deep. */
export function oddValue(vocab: Vocabulary): fc.Arbitrary<Json> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom<Json>(null, true, false, 0, -1, 1.5, '', ' ', '0', '1', 'null', 'true', [], {}, [null], { '': null }) },
    { weight: 2, arbitrary: fc.constantFrom<Json>(-0, 1e308, -1e308, 2 ** 53, 2 ** 53 + 2, -(2 ** 31), 2 ** 31, 1e-300, 0.1 + 0.2, 99_999_999_999, -99_999_999_999) },
    { weight: 1, arbitrary: fc.double() as fc.Arbitrary<Json> },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.constantFrom(...ODD_STRINGS) },
    { weight: 1, arbitrary: fc.constantFrom(1_000, 100_000, 300_000).map((n) => 'é'.repeat(n)) },
    { weight: 2, arbitrary: dateString() },
    { weight: 2, arbitrary: fc.constantFrom(...vocab.ids, ...vocab.strings) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(10, 200, 2_000), fc.boolean()).map(([n, arr]) => nested(n, arr)) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom<Json>(1, 'a', null), { minLength: 1_000, maxLength: 1_000 }) },
  );
}

export const ODD_STRINGS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '../../etc/passwd', '%00', '\u0000', '\uFEFF', '\u202E', '\uD800', '\n', '\r\n', '\t', '<script>alert(1)</script>', "' OR 1=1 --", '${x}', '{{x}}', '%s%s%s', '*', '&a', '!!binary', '~', 'NaN', 'Infinity', '-0', '1e999', '0x10', 'ΑΒΓ', '卡', '👩‍👩‍👧‍👦', 'e\u0301'];

export function nested(depth: number, arrays: boolean): Json {
  let v: Json = 'deep';
  for (let i = 0; i < depth; i++) v = arrays ? [v] : { a: v };
  return v;
}

/** A copy that keeps own keys such as `__proto__` as plain fields. */
export function clone(v: Json): Json {
  if (Array.isArray(v)) return v.map(clone);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, Json> = {};
    for (const k of Object.keys(v)) setOwn(out, k, clone(v[k]!));
    return out;
  }
  return v;
}

function setOwn(o: Record<string, Json>, k: string, value: Json): void {
  Object.defineProperty(o, k, { value, enumerable: true, writable: true, configurable: true });
}

type Path = (string | number)[];

function paths(v: Json, at: Path = [], out: Path[] = [], limit = 200): Path[] {
  out.push(at);
  if (out.length >= limit) return out;
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out, limit));
  else if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) paths(v[k]!, [...at, k], out, limit);
  return out;
}

function getAt(v: Json, p: Path): Json | undefined {
  let cur: Json | undefined = v;
  for (const s of p) cur = cur !== null && typeof cur === 'object' ? (cur as Record<string | number, Json>)[s] : undefined;
  return cur;
}

export type Mutation =
  | { kind: 'drop'; where: number }
  | { kind: 'duplicate'; where: number }
  | { kind: 'set'; where: number; value: Json }
  | { kind: 'add'; where: number; key: string; value: Json }
  | { kind: 'rename'; where: number; key: string };

export function mutationArb(vocab: Vocabulary): fc.Arbitrary<Mutation> {
  const where = fc.nat();
  const key = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'type', 'on', 'id', 'extra', ''), fc.string({ maxLength: 10 }), fc.string({ unit: 'binary', maxLength: 5 }));
  return fc.oneof(
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('drop' as const), where }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), where }) },
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('set' as const), where, value: oddValue(vocab) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('add' as const), where, key, value: oddValue(vocab) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename' as const), where, key }) },
  );
}

/** Applies one mutation at one of the value's places (the whole value included). */
export function applyMutation(value: Json, m: Mutation): Json {
  const v = clone(value);
  const all = paths(v);
  const p = all[m.where % all.length]!;
  if (p.length === 0) {
    if (m.kind === 'set') return m.value;
    if (m.kind === 'add' && v !== null && typeof v === 'object' && !Array.isArray(v)) {
      setOwn(v, m.key, m.value);
      return v;
    }
    if (m.kind === 'duplicate') return Array.isArray(v) ? [...v, ...v] : typeof v === 'string' ? v + v : [v, v];
    return m.kind === 'drop' ? null : v;
  }
  const parent = getAt(v, p.slice(0, -1)) as Json[] | Record<string, Json>;
  const last = p[p.length - 1]!;
  const here = getAt(v, p)!;
  if (Array.isArray(parent)) {
    const i = last as number;
    if (m.kind === 'drop') parent.splice(i, 1);
    else if (m.kind === 'duplicate') parent.splice(i, 0, clone(here));
    else if (m.kind === 'set') parent[i] = m.value;
    else if (m.kind === 'add' && here !== null && typeof here === 'object' && !Array.isArray(here)) setOwn(here, m.key, m.value);
    else parent.push(m.kind === 'add' ? m.value : clone(here));
    return v;
  }
  const k = last as string;
  if (m.kind === 'drop') delete parent[k];
  else if (m.kind === 'duplicate') setOwn(parent, `${k}_copy`, clone(here));
  else if (m.kind === 'set') setOwn(parent, k, m.value);
  else if (m.kind === 'add') {
    if (here !== null && typeof here === 'object' && !Array.isArray(here)) setOwn(here, m.key, m.value);
    else setOwn(parent, m.key, m.value);
  } else {
    delete parent[k];
    setOwn(parent, m.key, here);
  }
  return v;
}

/** A valid sample with one to three mutations. */
export function mutated(samples: fc.Arbitrary<Json>, vocab: Vocabulary): fc.Arbitrary<Json> {
  return fc.tuple(samples, fc.array(mutationArb(vocab), { minLength: 1, maxLength: 3 })).map(([v, ms]) => ms.reduce(applyMutation, v));
}

/** Edits of a text: slices removed, odd text inserted, lines duplicated or re-indented, cut short. */
export type TextEdit =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'line-duplicate'; line: number }
  | { kind: 'line-drop'; line: number }
  | { kind: 'line-indent'; line: number; by: number }
  | { kind: 'cut'; at: number };

export function textEditArb(): fc.Arbitrary<TextEdit> {
  const at = fc.nat();
  const inserted = fc.oneof(
    fc.constantFrom(':', ': ', '- ', '-', '#', '&a ', '*a', '!!str ', '!!binary ', '? ', '|', '>', '"', "'", '[', ']', '{', '}', ',', '\t', '\n', '\r\n', '\n  ', '%YAML 1.2\n', '---\n', '...\n', '<<: *a\n', '\uFEFF', '\u0000', '\uD800', 'null', '~', '.nan', '.inf', '-.inf', '0x1F', '1e999', '2024-02-30', 'yes', 'no'),
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.constantFrom(10_000, 100_000).map((n) => 'ж'.repeat(n)),
  );
  return fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ kind: fc.constant('insert' as const), at, text: inserted }),
    fc.record({ kind: fc.constant('line-duplicate' as const), line: fc.nat() }),
    fc.record({ kind: fc.constant('line-drop' as const), line: fc.nat() }),
    fc.record({ kind: fc.constant('line-indent' as const), line: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
    fc.record({ kind: fc.constant('cut' as const), at }),
  );
}

export function applyTextEdit(text: string, e: TextEdit): string {
  const pos = (n: number) => (text.length === 0 ? 0 : n % (text.length + 1));
  const lines = text.split('\n');
  const li = (n: number) => n % Math.max(1, lines.length);
  switch (e.kind) {
    case 'delete':
      return text.slice(0, pos(e.at)) + text.slice(pos(e.at) + e.length);
    case 'insert':
      return text.slice(0, pos(e.at)) + e.text + text.slice(pos(e.at));
    case 'line-duplicate':
      lines.splice(li(e.line), 0, lines[li(e.line)] ?? '');
      return lines.join('\n');
    case 'line-drop':
      lines.splice(li(e.line), 1);
      return lines.join('\n');
    case 'line-indent': {
      const i = li(e.line);
      const l = lines[i] ?? '';
      lines[i] = e.by >= 0 ? ' '.repeat(e.by) + l : l.replace(new RegExp(`^ {0,${-e.by}}`), '');
      return lines.join('\n');
    }
    case 'cut':
      return text.slice(0, pos(e.at));
  }
}

/** A text with one to four edits. */
export function editedText(texts: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(texts, fc.array(textEditArb(), { minLength: 1, maxLength: 4 })).map(([t, es]) => es.reduce(applyTextEdit, t));
}

/** Whether a message a person reads is one helpful line: not empty, no line breaks, no stack trace, no `[object Object]`. */
export function oneLine(s: unknown): boolean {
  return typeof s === 'string' && s.trim() !== '' && !/[\r\n]/.test(s) && !/\bat .*\(.*:\d+:\d+\)/.test(s) && !s.includes('[object Object]');
}
