// Every API route × every role × every clearance, made from the route table: a route without a
// sample request here fails the test, so no route ships without its access rule being tested.
// Records above a caller's clearance never appear in what the route returns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, CLASSIFICATIONS, type Classification, cleared, recordPermission } from '../src/domain/security/access.ts';
import { replan } from '../src/operations/replan.ts';
import { ROUTES } from '../src/server/routes/index.ts';
import type { FastifyInstance } from 'fastify';
import type { MissionStore } from '../src/store/store.ts';
import { everyone, inProcessPlanner, type Session, testServer, testStore } from './support/server.ts';

const SECRET_PLACE = 'Secret ridge';
/** A place named by one record of each classification. */
const PLACES: Record<Classification, string> = { unclassified: 'Open well', confidential: SECRET_PLACE, strictly_confidential: 'Hidden pass' };
/** Routes that show incidents to those cleared for them: each record must appear there for every clearance that covers it. */
const SHOWS_INCIDENTS = new Set(['GET /api/map', 'GET /api/incidents', 'GET /api/log']);

/** A request for each route: enough to get past its schema, so only access decides the answer. */
const SAMPLES: Record<string, { url?: string; body?: unknown }> = {
  'POST /api/session': { body: { name: 'nobody', password: 'x' } },
  'DELETE /api/session': {},
  'GET /api/me': {},
  'GET /api/users': {},
  'POST /api/users': { body: { name: 'someone-new', password: 'long enough password', role: 'viewer', clearance: 'unclassified' } },
  'POST /api/users/:name/disable': { url: '/api/users/nobody-here/disable' },
  'GET /api/audit': {},
  'GET /api/borders': {},
  'GET /api/map': {},
  'GET /api/state': {},
  'GET /api/plan': {},
  'GET /api/equipment': {},
  'GET /api/restrictions': {},
  'GET /api/incidents': {},
  'GET /api/backups': {},
  'GET /api/log': {},
  'POST /api/events': { body: { type: 'restriction', on: '2024-03-02', domain: 'air', imposed_by: 'host state', requested: 1, denied: 1 } },
  'POST /api/plan/replan': {},
  'GET /api/jobs/:id': { url: '/api/jobs/no-such-job' },
  'POST /api/whatif': { body: { lines: JSON.stringify({ type: 'leg_closed', on: '2024-03-02', from: 'bravo', to: 'base', mode: 'road', until: '2024-03-04', reason: 'what if' }) } },
  'GET /api/dispositions': {},
  'POST /api/dispositions': { body: { lot: 'alpha-containers', site: 'alpha', count: 1, action: 'destroy', on: '2024-03-02', reason: 'test' } },
  'POST /api/dispositions/:id/decide': { url: '/api/dispositions/999/decide', body: { decision: 'approved' } },
  'POST /api/ingest': { body: { text: 'A convoy of 20 trucks left Alpha for Base on Friday.', published: '2024-03-02' } },
  'GET /api/candidates': {},
  'POST /api/candidates/:id/accept': { url: '/api/candidates/999/accept', body: { event: { type: 'restriction' } } },
  'POST /api/candidates/:id/reject': { url: '/api/candidates/999/reject', body: { reason: 'not news' } },
  'POST /api/reports/sitrep': { body: { for: 'nobody-at-all' } },
  'GET /api/reports': {},
  'GET /api/reports/:id/file': { url: '/api/reports/999/file' },
  'POST /api/dispositions/:id/done': { url: '/api/dispositions/999/done', body: { on: '2024-03-02', certificate: { reference: 'r', witnesses: ['w'], board: 'b' } } },
};

/** Routes whose permission depends on what is sent: recording needs the permission of the event's type. */
const DEPENDS: Record<string, (s: Session) => boolean> = {
  'POST /api/events': (s) => can(s.role, recordPermission('restriction')),
  'POST /api/candidates/:id/accept': (s) => can(s.role, 'event.record.operations') && can(s.role, recordPermission('restriction')),
};

let store: MissionStore;
let app: FastifyInstance;
let sessions: Session[];

beforeAll(async () => {
  store = await testStore();
  sessions = await everyone(store);
  // One incident at each classification, each at a place named only there.
  await store.append(
    CLASSIFICATIONS.map((classification) => ({ type: 'incident', on: '2024-03-01', event_type: 'Battles', sub_event_type: 'Armed clash', actors: [], location: { name: PLACES[classification], lat: 16.2, lon: -1.1 }, fatalities: 1, classification })),
    'test',
  );
  await replan(store, { planner: inProcessPlanner, timeLimitSeconds: 1 });
  app = testServer(store);
}, 120_000);
afterAll(async () => {
  await app.close();
  await store.close();
});

describe('API access, route by route', () => {
  it('has a sample request for every route of the table', () => {
    const missing = ROUTES.map((r) => `${r.method} ${r.url}`).filter((k) => !(k in SAMPLES));
    expect(missing).toEqual([]);
  });

  for (const r of ROUTES) {
    const key = `${r.method} ${r.url}`;
    it(`${key} (${r.access})`, { timeout: 120_000 }, async () => {
      const sample = SAMPLES[key] ?? {};
      const call = (s?: Session) => app.inject({ method: r.method, url: sample.url ?? r.url, headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}, ...(sample.body !== undefined ? { payload: sample.body as object } : {}) });
      const anonymous = await call();
      if (r.access === 'public') expect(anonymous.statusCode).not.toBe(403);
      else expect(anonymous.statusCode, 'without a session').toBe(401);
      for (const each of sessions) {
        // Signing out ends the session it is called with: use a fresh one, so the others stay.
        let s = each;
        if (key === 'DELETE /api/session') {
          s = { ...each, cookie: `drawdown_session=out-${each.user}`, csrf: `csrf-out-${each.user}` };
          await store.access.createSession({ id: `out-${each.user}`, user: each.user, csrf: s.csrf, expiresAt: '2999-01-01T00:00:00.000Z' });
        }
        const res = await call(s);
        const allowed = DEPENDS[key] ? DEPENDS[key]!(s) : r.access === 'public' || r.access === 'signed_in' || can(s.role, r.access);
        // A public route may still say 401 for what it checks itself (a wrong password).
        if (r.access === 'public') expect(res.statusCode).not.toBe(403);
        else if (allowed) expect([401, 403], `${s.user} may call ${key}: ${res.body.slice(0, 200)}`).not.toContain(res.statusCode);
        else {
          expect(res.statusCode, `${s.user} must not call ${key}`).toBe(403);
          expect(res.json().code).toBe('DRW_FORBIDDEN');
        }
        expect(res.statusCode, `${key} as ${s.user}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
        // Route × role × clearance × record classification: never a record above the caller's
        // clearance; on the routes that show records, every one the clearance covers.
        if (allowed && res.statusCode === 200) {
          for (const c of CLASSIFICATIONS) {
            if (!cleared(s.clearance, c)) expect(res.body, `${key} leaks a ${c} record to ${s.user}`).not.toContain(PLACES[c]);
            else if (SHOWS_INCIDENTS.has(key)) expect(res.body, `${key} hides a ${c} record from ${s.user}`).toContain(PLACES[c]);
          }
        }
      }
    });
  }

  it('shows the confidential incident to those cleared for it, on the map, the incidents and the log, and audits the read', async () => {
    const cleared = sessions.find((s) => s.role === 'viewer' && s.clearance === 'confidential')!;
    const viewer = sessions.find((s) => s.role === 'viewer' && s.clearance === 'unclassified')!;
    for (const url of ['/api/map', '/api/incidents']) {
      expect((await app.inject({ url, headers: { cookie: cleared.cookie } })).body).toContain(SECRET_PLACE);
      expect((await app.inject({ url, headers: { cookie: viewer.cookie } })).body).not.toContain(SECRET_PLACE);
    }
    const analyst = sessions.find((s) => s.role === 'analyst' && s.clearance === 'unclassified')!;
    const log = (await app.inject({ url: '/api/log', headers: { cookie: analyst.cookie } })).json();
    expect(log.hidden).toBeGreaterThanOrEqual(1);
    const audit = await store.access.auditTrail();
    expect(audit.some((a) => a.user_name === cleared.user && a.action === 'read' && a.classification === 'confidential')).toBe(true);
  });

  it('refuses a write without the session\'s CSRF token', async () => {
    const admin = sessions.find((s) => s.role === 'admin')!;
    const res = await app.inject({ method: 'POST', url: '/api/events', headers: { cookie: admin.cookie }, payload: SAMPLES['POST /api/events']!.body as object });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('DRW_CSRF');
  });

  it('answers bad input with 400 and the field, and sends the security headers', async () => {
    const planner = sessions.find((s) => s.role === 'planner')!;
    const res = await app.inject({ method: 'POST', url: '/api/events', headers: { cookie: planner.cookie, 'x-csrf-token': planner.csrf }, payload: { type: 'deadline_changed', on: '2024-03-02', site: 'alpha', deadline: '2024-02-30' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'deadline' })]);
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-frame-options']).toBe('DENY');
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths).length).toBe(new Set(ROUTES.map((r) => r.url.replace(/:([a-z_]+)/g, '{$1}'))).size);
  });
});
