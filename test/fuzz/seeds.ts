// Valid samples the fuzzers start from: scenario files, events that fit the tutorial mission
// (scenarios/examples/two-camps.yaml), and requests that reach past each route's schema.
import { readdirSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { Json, Vocabulary } from './arbitraries.ts';

export const TUTORIAL = 'scenarios/examples/two-camps.yaml';

/** Scenario texts that parse: the examples and the test fixture. */
export const SCENARIO_TEXTS: { file: string; text: string }[] = [
  ...readdirSync('scenarios/examples').filter((f) => f.endsWith('.yaml')).map((f) => `scenarios/examples/${f}`),
  'test/fixtures/valid.yaml',
].map((file) => ({ file, text: readFileSync(file, 'utf8') }));

export const SCENARIO_OBJECTS: Json[] = SCENARIO_TEXTS.map((s) => parseYaml(s.text) as Json);

const certificate = { reference: 'Board 12/2024', witnesses: ['Maj. A. Diallo'], board: 'Local property survey board' };

/** One event of each type that the tutorial mission can take (some only after others). */
export const TUTORIAL_EVENTS: Json[] = [
  { type: 'deadline_changed', on: '2024-03-02', site: 'alpha', deadline: '2024-03-07', reason: 'host state request' },
  { type: 'leg_closed', on: '2024-03-02', from: 'bravo', to: 'base', mode: 'road', until: '2024-03-04', reason: 'mines reported' },
  { type: 'leg_reopened', on: '2024-03-05', from: 'bravo', to: 'base', mode: 'road' },
  { type: 'permit_requested', on: '2024-03-02', from: 'alpha', to: 'base', mode: 'road', for_date: '2024-03-04' },
  { type: 'permit_granted', on: '2024-03-03', from: 'alpha', to: 'base', mode: 'road', for_date: '2024-03-04' },
  { type: 'permit_denied', on: '2024-03-03', from: 'bravo', to: 'base', mode: 'road', for_date: '2024-03-05', until: '2024-03-06', reason: 'no reason given' },
  { type: 'movement_departed', on: '2024-03-02', movement: 'adhoc-1', mode: 'road', from: 'alpha', to: 'base', trucks: 2, escorts: 1, people: [{ group: 'alpha-staff', count: 5 }], cargo: [{ lot: 'alpha-containers', count: 2 }] },
  { type: 'movement_arrived', on: '2024-03-03', movement: 'adhoc-1' },
  { type: 'movement_delayed', on: '2024-03-03', movement: 'adhoc-1', days: 1, reason: 'sandstorm' },
  { type: 'disposition_done', on: '2024-03-02', lot: 'alpha-containers', site: 'alpha', count: 1, action: 'destroy', certificate },
  { type: 'incident', on: '2024-03-02', event_type: 'Battles', sub_event_type: 'Armed clash', actors: [{ name: 'Unidentified armed group', type: 'Rebel group' }], location: { name: 'Near Alpha', lat: 16.1, lon: -1.2 }, fatalities: 0, classification: 'confidential' },
  { type: 'restriction', on: '2024-03-02', domain: 'air', imposed_by: 'host state', requested: 1, denied: 1, source: 'press release' },
  { type: 'site_handed_over', on: '2024-03-09', site: 'alpha', recipient: 'District governor', environmental_closeout: 'done', explosives_survey: 'partial', certificate },
  { type: 'fleet_changed', on: '2024-03-02', trucks: 10, reason: 'two trucks broke down' },
];

/** Events of the embedded 2023 mission (valid for its scenario; for the tutorial, references are wrong). */
export const MINUSMA_EVENTS: Json[] = readFileSync('scenarios/minusma-2023.events.jsonl', 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Json);

/** The tutorial mission's ids and days, and strings that mean something to the server. */
export const TUTORIAL_VOCABULARY: Vocabulary = {
  ids: ['alpha', 'bravo', 'base', 'port', 'alpha-containers', 'alpha-apc', 'bravo-ammo', 'bravo-generators', 'base-containers', 'alpha-staff', 'alpha-force', 'bravo-force', 'base-staff', 'base-guard', 'adhoc-1', 'm0001', 'current', 'plan-b'],
  dates: ['2024-03-01', '2024-03-02', '2024-03-05', '2024-03-08', '2024-03-10', '2024-03-18', '2024-03-20', '2024-02-29', '2024-03-21', '2023-12-31', '2030-01-01'],
  strings: ['restriction', 'incident', 'leg_closed', 'movement_departed', 'road', 'air', 'destroy', 'approved', 'rejected', 'Battles', 'Armed clash', 'District governor', 'viewer', 'unclassified', 'confidential', '1', '2', '3', '999', '0', '-1'],
};

/**
 * Requests that get past each route's schema (so the handler's own checks are fuzzed too), by
 * `METHOD url`. Mutated by the fuzzer; the schema's own samples are used as well.
 */
export const ROUTE_SEEDS: Record<string, { body?: Json[]; query?: Json[]; params?: Json[] }> = {
  'POST /api/session': { body: [{ name: 'nobody', password: 'wrong password' }] },
  'POST /api/users': { body: [{ name: 'fuzz-user', password: 'long enough password', role: 'viewer', clearance: 'unclassified' }] },
  'POST /api/users/:name/disable': { params: [{ name: 'nobody-here' }] },
  'GET /api/map': { query: [{ as_of: '2024-03-05' }, {}] },
  'GET /api/state': { query: [{ as_of: '2024-03-05' }, {}] },
  'GET /api/incidents': { query: [{ event_type: 'Battles', actor: 'armed', place: 'alpha', from: '2024-03-01', to: '2024-03-20' }] },
  'GET /api/log': { query: [{ type: 'incident' }] },
  'POST /api/events': { body: [...TUTORIAL_EVENTS, { lines: TUTORIAL_EVENTS.slice(0, 3).map((e) => JSON.stringify(e)).join('\n') }] },
  'GET /api/jobs/:id': { params: [{ id: 'no-such-job' }] },
  'POST /api/whatif': { body: [{ lines: JSON.stringify(TUTORIAL_EVENTS[1]) }, { lines: JSON.stringify(TUTORIAL_EVENTS[0]), save: 'plan-b' }] },
  'POST /api/dispositions': { body: [{ lot: 'alpha-containers', site: 'alpha', count: 1, action: 'destroy', on: '2024-03-02', reason: 'fuzz' }] },
  'POST /api/dispositions/:id/decide': { params: [{ id: 1 }, { id: 2 }], body: [{ decision: 'approved' }, { decision: 'rejected' }] },
  'POST /api/dispositions/:id/done': { params: [{ id: 3 }], body: [{ on: '2024-03-04', certificate }] },
  'POST /api/ingest': { body: [{ text: 'A convoy of 20 trucks left Alpha for Base on Friday. Gunmen attacked the camp at Bravo on Saturday, killing two.', published: '2024-03-04', source: 'wire' }] },
  'POST /api/candidates/:id/accept': { params: [{ id: 1 }, { id: 2 }], body: TUTORIAL_EVENTS.map((event) => ({ event })) },
  'POST /api/candidates/:id/reject': { params: [{ id: 1 }, { id: 2 }], body: [{ reason: 'not news' }] },
  'POST /api/reports/sitrep': { body: [{ for: 'nobody-at-all', on: '2024-03-05' }] },
  'GET /api/reports/:id/file': { params: [{ id: 1 }] },
};
