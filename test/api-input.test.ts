// Regression tests for what fuzzing the API (test/fuzz/api.test.ts) found: bad input gets a 4xx
// with the API's error shape, a DRW_ code and the field it is about.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { MissionStore } from '../src/store/store.ts';
import { everyone, type Session, testServer, testStore } from './support/server.ts';

let store: MissionStore;
let app: FastifyInstance;
let admin: Session;

beforeAll(async () => {
  store = await testStore();
  admin = (await everyone(store)).find((s) => s.role === 'admin')!;
  app = testServer(store);
});
afterAll(async () => {
  await app.close();
  await store.close();
});

const post = (url: string, payload?: object) => app.inject({ method: 'POST', url, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf }, ...(payload ? { payload } : {}) });

describe('API input found by fuzzing', () => {
  it('answers a path that is not valid percent-encoding with 400 DRW_BAD_REQUEST, not fastify\'s own body', async () => {
    const res = await post('/api/dispositions/%C0%AF/decide', { decision: 'approved' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'DRW_BAD_REQUEST', errors: [{ field: 'path' }] });
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('answers a path parameter past the length limit with 414 DRW_BAD_REQUEST', async () => {
    const res = await app.inject({ url: `/api/reports/${'1'.repeat(150)}/file`, headers: { cookie: admin.cookie } });
    expect(res.statusCode).toBe(414);
    expect(res.json()).toMatchObject({ code: 'DRW_BAD_REQUEST', errors: [{ field: 'path' }] });
  });

  it('names the field of a candidate\'s event that is wrong', async () => {
    await post('/api/ingest', { text: 'A convoy of 20 trucks left Alpha for Base on Friday.', published: '2024-03-04' });
    const [candidate] = (await app.inject({ url: '/api/candidates', headers: { cookie: admin.cookie } })).json().candidates;
    const res = await post(`/api/candidates/${candidate.id}/accept`, { event: { type: 'permit_requested', on: '2024-03-02', from: 'alpha', to: 'base', mode: 'road', for_date: 'soon' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual({ field: 'event.for_date', message: 'must be a date written YYYY-MM-DD' });
  });

  it('names an unknown field whose name holds a colon', async () => {
    const res = await post('/api/events', { type: 'permit_granted', on: '2024-03-02', from: 'alpha', to: 'base', mode: 'road', for_date: '2024-03-04', '$~):_Sneq': '\t' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: '"$~):_Sneq"', message: 'unknown field "$~):_Sneq" — remove it' }]);
  });

  it('quotes a path parameter it cannot find, so the message stays on one line', async () => {
    const job = await app.inject({ url: '/api/jobs/%0D%0A', headers: { cookie: admin.cookie } });
    expect(job.statusCode).toBe(404);
    expect(job.json()).toMatchObject({ code: 'DRW_NOT_FOUND', message: 'no job "\\r\\n"' });
    const user = await post('/api/users/a%0Ab/disable');
    expect(user.json()).toMatchObject({ code: 'DRW_NOT_FOUND', message: 'no user "a\\nb"' });
    const sitrep = await post('/api/reports/sitrep', { for: 'x\ny' });
    expect(sitrep.json().errors).toEqual([{ field: 'for', message: 'no user "x\\ny"' }]);
  });

  it('reads a report published before 1970 without a 500 (a weekday walked back forever)', async () => {
    const res = await post('/api/ingest', { text: 'A convoy left Alpha for Base on Friday.', published: '1050-11-07' });
    expect(res.statusCode).toBeLessThan(500);
    if (res.statusCode >= 400) expect(res.json().errors).toEqual([{ field: 'published', message: expect.any(String) }]);
  });

  it('quotes an unknown key of a route\'s body, line breaks and all, on one line', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/session', payload: { name: 'nobody', password: 'wrong password', '⫐\u0001\nx': 1 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'body', message: 'unknown field "⫐\\u0001\\nx" — remove it' }]);
  });
});
