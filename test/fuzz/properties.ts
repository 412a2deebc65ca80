// The fuzzing properties, shared by the tests (test/fuzz/*.test.ts) and the benchmark
// (bench/fuzz.ts). Each property is an arbitrary and a check that throws on a failure:
// - the scenario parser returns a scenario or its problems (each one located, one line), never
//   throws anything but a DrawdownError, and what it accepts folds;
// - the event validator likewise, and recording through the store is all or nothing;
// - every API route answers random and mutated input with 2xx or 4xx (a JSON error with a DRW_
//   code and the field), never 5xx, and a refused write leaves the log, proposals, candidates and
//   users as they were, with the hash chain intact.
// The number of cases is DRAWDOWN_FUZZ_RUNS in all (default 1,000), shared out by `share`.
import fc from 'fast-check';
import { stringify as toYaml } from 'yaml';
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import { isDrawdownError } from '../../src/domain/errors.ts';
import { foldState, lastDay } from '../../src/domain/events/fold.ts';
import { parseEventLines, validateEventLines } from '../../src/domain/events/lines.ts';
import { eventSchema, type MissionEvent } from '../../src/domain/events/schema.ts';
import { stateView } from '../../src/domain/events/view.ts';
import { parseScenario } from '../../src/domain/scenario/parse.ts';
import type { Scenario } from '../../src/domain/scenario/schema.ts';
import { loadMission, stateOn } from '../../src/operations/mission.ts';
import { recordLines } from '../../src/operations/record.ts';
import { replan } from '../../src/operations/replan.ts';
import { makePlan } from '../../src/planner/plan.ts';
import { buildServer, SESSION_COOKIE } from '../../src/server/app.ts';
import type { Route } from '../../src/server/route.ts';
import { ROUTES } from '../../src/server/routes/index.ts';
import type { MissionStore } from '../../src/store/store.ts';
import { everyone, type Session, testStore } from '../support/server.ts';
import { editedText, fromJsonSchema, type Json, type JsonSchema, mutated, oddValue, oneLine, type Vocabulary } from './arbitraries.ts';
import { MINUSMA_EVENTS, ROUTE_SEEDS, SCENARIO_OBJECTS, SCENARIO_TEXTS, TUTORIAL, TUTORIAL_EVENTS, TUTORIAL_VOCABULARY } from './seeds.ts';

export type FuzzProperty<T = any> = {
  name: string;
  /** Share of all the cases. */
  share: number;
  arbitrary: fc.Arbitrary<T>;
  /** Throws (a FuzzFailure) when the property does not hold for this input. */
  check(input: T): Promise<void> | void;
};

export type FuzzGroup = { properties: FuzzProperty[]; close(): Promise<void> };

export class FuzzFailure extends Error {}

function fail(message: string, input?: unknown): never {
  throw new FuzzFailure(input === undefined ? message : `${message}\n  input: ${preview(input)}`);
}

export function preview(v: unknown, max = 600): string {
  let s: string;
  try {
    s = typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > max ? `${s.slice(0, max)}… (${s.length} chars)` : s;
}

/** All the cases (DRAWDOWN_FUZZ_RUNS, default 1,000), and a property's part of them. */
export function totalRuns(fallback = 1_000): number {
  const n = Number(process.env.DRAWDOWN_FUZZ_RUNS ?? fallback);
  return Number.isFinite(n) && n > 0 ? Math.round(n) : fallback;
}
export function runsFor(p: FuzzProperty, total = totalRuns()): number {
  return Math.max(1, Math.ceil(total * p.share));
}

/** The shares of the groups; the API's is split between its routes. */
export const SHARES = { scenarioMutated: 0.15, scenarioText: 0.1, eventParse: 0.15, eventValidate: 0.1, eventRecord: 0.1, api: 0.4 };

/** A throw from code under test is allowed only as a DrawdownError of a 4xx kind. */
function expectedThrow(e: unknown, what: string, input: unknown): void {
  if (!isDrawdownError(e)) fail(`${what} threw ${(e as Error)?.name ?? typeof e}: ${(e as Error)?.message ?? String(e)}\n${(e as Error)?.stack?.split('\n').slice(1, 4).join('\n') ?? ''}`, input);
  if (e.status >= 500) fail(`${what} threw ${e.code} (${e.status}): ${e.message}`, input);
  if (!oneLine(e.message)) fail(`${what}: error message is not one helpful line: ${preview(e.message)}`, input);
  for (const l of e.lines) if (!oneLine(l)) fail(`${what}: error line is not one helpful line: ${preview(l)}`, input);
}

// ---------------------------------------------------------------------------------------------
// (a) The scenario parser

function serialize(v: Json, as: 'yaml' | 'json'): string {
  if (as === 'json') return JSON.stringify(v) ?? 'null';
  try {
    return toYaml(v, { aliasDuplicateObjects: false, lineWidth: 0 });
  } catch {
    return JSON.stringify(v) ?? 'null';
  }
}

export function checkScenarioText(text: string): void {
  let r: ReturnType<typeof parseScenario>;
  try {
    r = parseScenario(text, 'fuzz.yaml');
  } catch (e) {
    expectedThrow(e, 'parseScenario', text);
    return;
  }
  if (r.ok) {
    // What the parser accepts, the rest of the program can read: the mission's state on its first day.
    try {
      stateView(foldState(r.scenario, [], r.scenario.start));
    } catch (e) {
      fail(`an accepted scenario does not fold: ${(e as Error).message}`, text);
    }
    return;
  }
  if (r.problems.length === 0) fail('refused with no problem', text);
  for (const p of r.problems) {
    if (!Number.isInteger(p.line) || p.line < 1 || !Number.isInteger(p.col) || p.col < 1) fail(`problem without a position: ${preview(p)}`, text);
    if (!oneLine(p.path) || !oneLine(p.message) || !oneLine(p.hint)) fail(`problem is not one helpful line: ${preview(p)}`, text);
  }
}

export function scenarioProperties(): FuzzProperty[] {
  const objects = fc.constantFrom(...SCENARIO_OBJECTS);
  const texts = fc.constantFrom(...SCENARIO_TEXTS.map((s) => s.text));
  return [
    {
      name: 'scenario: mutated fields',
      share: SHARES.scenarioMutated,
      arbitrary: fc.tuple(mutated(objects, SCENARIO_VOCABULARY), fc.constantFrom('yaml' as const, 'json' as const)).map(([v, as]) => serialize(v, as)),
      check: checkScenarioText,
    },
    {
      name: 'scenario: edited and random text',
      share: SHARES.scenarioText,
      arbitrary: fc.oneof({ weight: 5, arbitrary: editedText(texts) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) }, { weight: 1, arbitrary: fc.array(fc.constantFrom('a', ':', ' ', '\n', '-', '[', '{', '&x', '*x', '"', '#', '!', '|', '1'), { maxLength: 80 }).map((a) => a.join('')) }),
      check: checkScenarioText,
    },
  ];
}

const SCENARIO_VOCABULARY: Vocabulary = {
  ids: ['north', 'south', 'hub', 'exit', 'alpha', 'base', 'port'],
  dates: ['2023-07-01', '2023-07-31', '2023-06-30', '2024-03-01', '2024-02-29'],
  strings: ['camp', 'hub', 'exit', 'road', 'air', 'UN', 'COE/Chad', 'ammunition', 'move', 'sell', 'hand_over'],
};

// ---------------------------------------------------------------------------------------------
// (b) The event validator, and recording through the store

const EVENT_JSON_SCHEMA = z.toJSONSchema(eventSchema, { io: 'input' }) as JsonSchema;

function eventLines(): fc.Arbitrary<string> {
  const samples = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...TUTORIAL_EVENTS) }, { weight: 1, arbitrary: fc.constantFrom(...MINUSMA_EVENTS) }, { weight: 2, arbitrary: fromJsonSchema(EVENT_JSON_SCHEMA, TUTORIAL_VOCABULARY) });
  const line = fc.oneof(
    { weight: 3, arbitrary: samples.map((e) => JSON.stringify(e)) },
    { weight: 6, arbitrary: mutated(samples, TUTORIAL_VOCABULARY).map((e) => JSON.stringify(e) ?? 'null') },
    { weight: 1, arbitrary: editedText(samples.map((e) => JSON.stringify(e))).map((t) => t.replace(/\n/g, ' ')) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }).map((t) => t.replace(/\n/g, ' ')) },
    { weight: 1, arbitrary: fc.constantFrom('', '   ', 'null', '[]', '"x"', '1', '{}', '{"type":null}', '\r', '{"type":"__proto__"}', '{"__proto__":{"type":"restriction"}}', '{"type":"restriction","type":"incident"}') },
  );
  const lines = fc.oneof({ weight: 2, arbitrary: line.map((l) => [l]) }, { weight: 1, arbitrary: fc.array(line, { minLength: 1, maxLength: 5 }) });
  return fc.tuple(lines, fc.constantFrom('\n', '\r\n', '\n\n')).map(([ls, sep]) => ls.join(sep));
}

function checkLineProblems(problems: { line: number; field: string; message: string }[], text: string): void {
  const lines = text.split('\n').length;
  for (const p of problems) {
    if (!Number.isInteger(p.line) || p.line < 1 || p.line > lines) fail(`problem on line ${p.line} of ${lines}: ${preview(p)}`, text);
    if (!oneLine(p.field) || !oneLine(p.message)) fail(`problem is not one helpful line naming its field: ${preview(p)}`, text);
  }
}

export async function eventProperties(): Promise<FuzzGroup> {
  const store = await testStore(TUTORIAL);
  const scenario: Scenario = await store.scenario();
  const log: MissionEvent[] = await store.events();
  return {
    properties: [
      {
        name: 'events: parse lines',
        share: SHARES.eventParse,
        arbitrary: eventLines(),
        check(text: string) {
          let r: ReturnType<typeof parseEventLines>;
          try {
            r = parseEventLines(text);
          } catch (e) {
            expectedThrow(e, 'parseEventLines', text);
            return;
          }
          checkLineProblems(r.problems, text);
        },
      },
      {
        name: 'events: validate against the log',
        share: SHARES.eventValidate,
        arbitrary: eventLines(),
        check(text: string) {
          let r: ReturnType<typeof validateEventLines>;
          try {
            r = validateEventLines(text, scenario, log);
          } catch (e) {
            expectedThrow(e, 'validateEventLines', text);
            return;
          }
          if (!r.ok) return checkLineProblems(r.problems, text);
          // What the validator accepts folds, on every day up to the last one recorded.
          const all = [...log, ...r.events];
          try {
            stateView(foldState(scenario, all, lastDay(scenario, all)));
          } catch (e) {
            fail(`accepted events do not fold: ${(e as Error).message}`, text);
          }
        },
      },
      {
        name: 'events: record through the store',
        share: SHARES.eventRecord,
        arbitrary: eventLines(),
        async check(text: string) {
          const before = await logSnapshot(store);
          try {
            await recordLines(store, text, 'fuzz', 'fuzzer');
          } catch (e) {
            expectedThrow(e, 'recordLines', text);
            const after = await logSnapshot(store);
            if (after !== before) fail('a refused record changed the log', text);
          }
          const chain = await store.verifyChain();
          if (!chain.ok) fail(`the hash chain is broken: ${preview(chain)}`, text);
          try {
            const m = await loadMission(store);
            stateView(stateOn(m, m.today <= m.scenario.end ? m.today : m.scenario.end));
          } catch (e) {
            fail(`the mission no longer folds after recording: ${(e as Error).message}`, text);
          }
        },
      },
    ],
    close: () => store.close(),
  };
}

async function logSnapshot(store: MissionStore): Promise<string> {
  return JSON.stringify({ entries: await store.entries(), head: await store.head() });
}

// ---------------------------------------------------------------------------------------------
// (c) Every API route's input

/** A request: who sends it, the path's parameters (already encoded), the query string, the body. */
export type ApiRequest = {
  who: 'admin' | 'anonymous' | 'no-csrf' | number;
  params: Record<string, string>;
  query: string;
  body: { kind: 'none' } | { kind: 'json'; value: Json } | { kind: 'raw'; text: string; type: string };
};

/** How a route's input is fuzzed: an arbitrary per part, or why it cannot be. */
export function routeArbitrary(r: Route, vocab: Vocabulary): { ok: true; arbitrary: fc.Arbitrary<ApiRequest> } | { ok: false; reason: string } {
  const key = `${r.method} ${r.url}`;
  const seeds = ROUTE_SEEDS[key] ?? {};
  const names = [...r.url.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!);
  if (names.length > 0 && !r.params) return { ok: false, reason: `${key}: the path has :${names.join(', :')} but the route has no params schema` };
  const part = (which: 'body' | 'query' | 'params'): fc.Arbitrary<Json> | null | string => {
    const schema = r[which];
    const own = seeds[which] ?? [];
    if (!schema) return null;
    let fromSchema: fc.Arbitrary<Json> | undefined;
    try {
      fromSchema = fromJsonSchema(z.toJSONSchema(schema, { io: 'input' }) as JsonSchema, vocab, which);
    } catch (e) {
      if (own.length === 0) return `${key}: its ${which} schema cannot be fuzzed (${(e as Error).message}); add samples to ROUTE_SEEDS in test/fuzz/seeds.ts`;
    }
    const valid = fromSchema && own.length > 0 ? fc.oneof(fromSchema, fc.constantFrom(...own)) : (fromSchema ?? fc.constantFrom(...own));
    return fc.oneof({ weight: 3, arbitrary: valid }, { weight: 5, arbitrary: mutated(valid, vocab) }, { weight: 1, arbitrary: oddValue(vocab) });
  };
  const body = part('body');
  const query = part('query');
  const params = part('params');
  for (const p of [body, query, params]) if (typeof p === 'string') return { ok: false, reason: p };
  const bodyArb = r.method === 'GET' ? fc.constant({ kind: 'none' as const }) : fc.oneof(
    { weight: 10, arbitrary: (body as fc.Arbitrary<Json> | null ?? fc.oneof(fc.constant<Json>({}), oddValue(vocab))).map((value) => ({ kind: 'json' as const, value })) },
    { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('raw' as const), text: fc.constantFrom('{', '{"a":', '[1,]', 'null', '"text"', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}', '\uFEFF{}', 'x'.repeat(2_000_000)), type: fc.constantFrom('application/json', 'application/json; charset=utf-8') }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('raw' as const), text: fc.string({ maxLength: 30 }), type: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', '', 'application/json;;', 'application/vnd.api+json') }) },
  );
  const queryArb = fc.oneof(
    { weight: 6, arbitrary: (query as fc.Arbitrary<Json> | null ?? fc.constant<Json>({})).map(queryString) },
    { weight: 1, arbitrary: fc.constantFrom('?', '&&&', 'a', '=x', '%', '%zz', 'as_of', 'as_of=', 'as_of=2024-03-05&as_of=2024-03-06', '__proto__[x]=1', '__proto__=1', 'constructor[prototype][x]=1', 'type[]=a&type[]=b', `x=${'y'.repeat(5_000)}`, 'a=%F0%9F%98%80', 'a=%00', '#frag') },
  );
  const paramsArb = (params as fc.Arbitrary<Json> | null ?? fc.constant<Json>({})).chain((p) => {
    const value = (n: string): string => {
      const v = p !== null && typeof p === 'object' && !Array.isArray(p) ? p[n] : p;
      return v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v) ?? '';
    };
    return fc.tuple(...names.map((n) => fc.oneof({ weight: 6, arbitrary: fc.constant(encode(value(n))) }, { weight: 1, arbitrary: fc.constantFrom(...ODD_SEGMENTS) }))).map((vs) => Object.fromEntries(names.map((n, i) => [n, vs[i]!])));
  });
  const who = fc.oneof({ weight: 8, arbitrary: fc.constant('admin' as const) }, { weight: 2, arbitrary: fc.nat() }, { weight: 1, arbitrary: fc.constantFrom('anonymous' as const, 'no-csrf' as const) });
  return { ok: true, arbitrary: fc.record({ who, params: paramsArb, query: queryArb, body: bodyArb }) };
}

const ODD_SEGMENTS = ['', '%', '%zz', '%00', '..', '%2e%2e', '%2F', 'a%2Fb', '%F0%9F%98%80', '%E2%80%AE', '%EF%BB%BF', 'x'.repeat(150), '1'.repeat(40), '-1', '0', '1e3', '1.5', '0x10', 'NaN', 'Infinity', '%20', '+', ';', ',', '~', '__proto__', 'constructor', '%C0%AF', '%ED%A0%80'];

/** Percent-encoding as a browser would send it: a lone surrogate becomes U+FFFD. */
function encode(s: string): string {
  return encodeURIComponent(s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
}

/** A query object as a query string: arrays repeat their key, objects are written as JSON. */
export function queryString(q: Json): string {
  if (q === null || typeof q !== 'object' || Array.isArray(q)) return q === null ? '' : `v=${encode(JSON.stringify(q))}`;
  const parts: string[] = [];
  for (const [k, v] of Object.entries(q)) {
    for (const one of Array.isArray(v) ? v : [v]) parts.push(`${encode(k)}=${encode(typeof one === 'string' ? one : JSON.stringify(one) ?? '')}`);
  }
  // Node's HTTP server refuses request lines past 16 KiB (inject does not): longer ones are cut.
  return parts.join('&').slice(0, 16_000);
}

/** The planner, quick: the fuzzing is of input, not of plans. */
const quickPlanner = (s: Scenario, o: { timeLimitSeconds?: number }) => makePlan(s, { ...o, timeLimitSeconds: Math.min(o.timeLimitSeconds ?? 0.1, 0.1) });

export type ApiGroup = FuzzGroup & { unfuzzable: string[]; app: FastifyInstance; store: MissionStore };

export async function apiProperties(routes: readonly Route[] = ROUTES): Promise<ApiGroup> {
  const store = await testStore(TUTORIAL);
  const sessions = await everyone(store);
  // Something for the routes with ids to find: a plan, proposals (one approved), candidates.
  await replan(store, { planner: quickPlanner, timeLimitSeconds: 0.5 });
  for (const i of [0, 1, 2]) await store.access.propose({ lot: 'alpha-containers', site: 'alpha', count: 1, action: 'destroy', on_date: '2024-03-04', reason: `seed ${i}`, classification: 'unclassified', proposed_by: 'planner-unclassified' });
  const third = (await store.access.proposals()).map((p) => p.id).sort((a, b) => a - b)[2]!;
  await store.access.decide(third, 'approved', 'operations-centre-unclassified');
  const app = buildServer({ store, planner: quickPlanner });
  await app.ready();
  const admin = sessions.find((s) => s.role === 'admin' && s.clearance === 'strictly_confidential')!;
  const ingest = await app.inject({ method: 'POST', url: '/api/ingest', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf }, payload: ROUTE_SEEDS['POST /api/ingest']!.body![0] as object });
  if (ingest.statusCode !== 200) throw new Error(`seeding the review queue: ${ingest.body}`);

  const unfuzzable: string[] = [];
  const properties: FuzzProperty[] = [];
  let counter = 0;
  const share = SHARES.api / routes.length;
  for (const r of routes) {
    const made = routeArbitrary(r, TUTORIAL_VOCABULARY);
    if (!made.ok) {
      unfuzzable.push(made.reason);
      continue;
    }
    properties.push({
      name: `api: ${r.method} ${r.url}`,
      share,
      arbitrary: made.arbitrary,
      check: (req: ApiRequest) => checkRequest(r, req, `fuzz-${process.pid}-${counter++}`),
    });
  }

  async function session(who: ApiRequest['who'], id: string): Promise<Record<string, string>> {
    if (who === 'anonymous') return {};
    const s: Session = typeof who === 'number' ? sessions[who % sessions.length]! : admin;
    // A fresh session each time, so signing out (or a disabled account) does not end the others.
    const csrf = `csrf-${id}`;
    await store.access.createSession({ id, user: s.user, csrf, expiresAt: '2999-01-01T00:00:00.000Z' });
    return who === 'no-csrf' ? { cookie: `${SESSION_COOKIE}=${id}` } : { cookie: `${SESSION_COOKIE}=${id}`, 'x-csrf-token': csrf };
  }

  async function writeSnapshot(): Promise<string> {
    return JSON.stringify({ entries: await store.entries(), head: await store.head(), proposals: await store.access.proposals(), candidates: await store.access.candidates(), users: await store.access.users() });
  }

  async function checkRequest(r: Route, req: ApiRequest, id: string): Promise<void> {
    const headers = await session(req.who, id);
    let url = r.url.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_m, n: string) => req.params[n] ?? '');
    if (req.query !== '') url += req.query.startsWith('?') || req.query.startsWith('#') ? req.query : `?${req.query}`;
    const write = r.method !== 'GET';
    const before = write ? await writeSnapshot() : '';
    const payload = req.body.kind === 'json' ? JSON.stringify(req.body.value) ?? 'null' : req.body.kind === 'raw' ? req.body.text : undefined;
    if (payload !== undefined) headers['content-type'] = req.body.kind === 'raw' ? req.body.type : 'application/json';
    const shown = { method: r.method, url: url.length > 300 ? `${url.slice(0, 300)}…` : url, who: typeof req.who === 'number' ? sessions[req.who % sessions.length]!.user : req.who, body: payload && payload.length > 600 ? `${payload.slice(0, 600)}… (${payload.length} chars)` : payload };
    const res = await app.inject({ method: r.method, url, headers, ...(payload !== undefined ? { payload } : {}) });
    if (res.statusCode >= 500) fail(`answered ${res.statusCode}: ${res.body.slice(0, 300)}`, shown);
    if (res.statusCode < 200 || (res.statusCode >= 300 && res.statusCode < 400)) fail(`answered ${res.statusCode}`, shown);
    if (res.statusCode >= 400) {
      let body: { code?: unknown; message?: unknown; hint?: unknown; errors?: unknown };
      try {
        body = res.json();
      } catch {
        fail(`answered ${res.statusCode} without a JSON body: ${res.body.slice(0, 200)}`, shown);
      }
      if (typeof body.code !== 'string' || !/^DRW_[A-Z_]+$/.test(body.code)) fail(`answered ${res.statusCode} without a DRW_ code: ${res.body.slice(0, 300)}`, shown);
      if (!oneLine(body.message) || typeof body.hint !== 'string' || !Array.isArray(body.errors)) fail(`answered ${res.statusCode} with an error that is not one helpful line: ${res.body.slice(0, 300)}`, shown);
      for (const e of body.errors as { field?: unknown; message?: unknown }[]) {
        if (!oneLine(e.field) || !oneLine(e.message)) fail(`answered ${res.statusCode} with a problem that does not name its field in one line: ${preview(e)}`, shown);
      }
    } else if (!/^application\/pdf/.test(String(res.headers['content-type']))) {
      try {
        res.json();
      } catch {
        fail(`answered ${res.statusCode} without JSON: ${res.body.slice(0, 200)}`, shown);
      }
    }
    if (!write) return;
    if (res.statusCode >= 400 && (await writeSnapshot()) !== before) fail(`a refused write (${res.statusCode} ${res.json().code}) changed the log, proposals, candidates or users`, shown);
    const chain = await store.verifyChain();
    if (!chain.ok) fail(`the hash chain is broken: ${preview(chain)}`, shown);
    if (res.statusCode < 300) {
      try {
        const m = await loadMission(store);
        stateView(stateOn(m, m.today <= m.scenario.end ? m.today : m.scenario.end));
      } catch (e) {
        fail(`the mission no longer folds after an accepted write: ${(e as Error).message}`, shown);
      }
    }
    // Backup plans would be re-made after every record: keep the run's cost flat.
    for (const p of await store.plans('backup')) await store.deletePlan(p.name);
  }

  return {
    properties,
    unfuzzable,
    app,
    store,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Running a property

/** The seed of a run: DRAWDOWN_FUZZ_SEED when set (to replay one), random otherwise. */
export function fuzzSeed(): number | undefined {
  const s = process.env.DRAWDOWN_FUZZ_SEED;
  return s === undefined || s === '' ? undefined : Number(s);
}

/** For the tests: fast-check runs the property and shrinks the first failure to its smallest case. */
export async function assertProperty(p: FuzzProperty, runs = runsFor(p)): Promise<void> {
  const seed = fuzzSeed();
  await fc.assert(fc.asyncProperty(p.arbitrary, async (input) => {
    await p.check(input);
  }), { numRuns: runs, ...(seed !== undefined ? { seed } : {}) });
}

/** For the benchmark: every case is run, failures are counted (the first few kept), nothing stops early. */
export async function countProperty(p: FuzzProperty, runs = runsFor(p)): Promise<{ cases: number; failures: number; seconds: number; examples: string[] }> {
  const seed = fuzzSeed();
  let cases = 0;
  let failures = 0;
  const examples: string[] = [];
  const started = performance.now();
  await fc.assert(fc.asyncProperty(p.arbitrary, async (input) => {
    cases++;
    try {
      await p.check(input);
    } catch (e) {
      failures++;
      if (examples.length < 3) examples.push((e as Error).message);
    }
  }), { numRuns: runs, ...(seed !== undefined ? { seed } : {}) });
  return { cases, failures, seconds: (performance.now() - started) / 1000, examples };
}
