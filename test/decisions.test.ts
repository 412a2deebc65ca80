// A decision that records an event commits with it: two analysts accepting the same candidate at
// once record it once, and two officers completing the same disposition dispose of it once (on
// PostgreSQL the requests truly overlap). Before, the status was checked, the event recorded, and
// the status changed in three steps, so both did.
import { describe, expect, it } from 'vitest';
import { DIALECTS, missionStore } from './support/dialects.ts';
import { everyone, testServer } from './support/server.ts';

describe.each(DIALECTS)('decisions that record events (%s)', (dialect) => {
  it('accepts a candidate once, however many accept it at the same moment', async () => {
    const { store } = await missionStore(dialect);
    const sessions = await everyone(store);
    const app = testServer(store);
    const ops = sessions.filter((s) => s.role === 'operations_centre');
    await store.access.queueCandidates([{ kind: 'restriction', evidence: 'Two flights were refused.' }], 'reader');
    const [c] = await store.access.candidates();
    const event = { type: 'restriction', on: '2024-03-02', domain: 'air', imposed_by: 'host state', requested: 2, denied: 2 };
    const answers = await Promise.all(ops.map((s) => app.inject({ method: 'POST', url: `/api/candidates/${c!.id}/accept`, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: { event } })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, ...Array(ops.length - 1).fill(409)]);
    expect(await store.entries({ type: 'restriction' })).toHaveLength(1);
    const decided = await store.access.candidate(c!.id);
    expect(decided).toMatchObject({ status: 'accepted', log_seq: (await store.head()) });
    expect((await store.verifyChain()).ok).toBe(true);
    await app.close();
    await store.close();
  });

  it('completes an approved disposition once', async () => {
    const { store } = await missionStore(dialect);
    const sessions = await everyone(store);
    const app = testServer(store);
    const officers = sessions.filter((s) => s.role === 'property');
    const p = await store.access.propose({ lot: 'alpha-containers', site: 'alpha', count: 2, action: 'destroy', on_date: '2024-03-02', reason: 'no trucks', classification: 'unclassified', proposed_by: 'pat' });
    await store.access.decide(p.id, 'approved', 'chief');
    const body = { on: '2024-03-02', certificate: { reference: 'BOI-9', witnesses: ['w'], board: 'b' } };
    const answers = await Promise.all(officers.map((s) => app.inject({ method: 'POST', url: `/api/dispositions/${p.id}/done`, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: body })));
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(1);
    expect(await store.entries({ type: 'disposition_done' })).toHaveLength(1);
    expect(await store.access.proposal(p.id)).toMatchObject({ status: 'done' });
    await app.close();
    await store.close();
  });
});
