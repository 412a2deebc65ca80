// The read cache on a real server and store: answers shared between readers of one clearance
// only, every confidential read still audited under its reader's name, and never a stale answer
// after a write.
import { describe, expect, it } from 'vitest';
import { everyone, testServer, testStore } from '../../test/support/server.ts';
import { ReadCache } from './read-cache.ts';

describe('the read cache', () => {
  it('keeps clearances apart, audits every reader, and answers anew after a write', async () => {
    const store = await testStore();
    const sessions = await everyone(store);
    const app = testServer(store);
    const cleared = sessions.filter((s) => s.role === 'viewer' && s.clearance === 'confidential');
    const other = sessions.find((s) => s.role === 'planner' && s.clearance === 'confidential')!;
    const viewer = sessions.find((s) => s.role === 'viewer' && s.clearance === 'unclassified')!;
    const ops = sessions.find((s) => s.role === 'operations_centre' && s.clearance === 'strictly_confidential')!;
    await store.append([{ type: 'incident', on: '2024-03-01', event_type: 'Battles', sub_event_type: 'Armed clash', actors: [], location: { name: 'Hidden wadi', lat: 16.2, lon: -1.1 }, fatalities: 1, classification: 'confidential' }], 'test');
    const get = async (cookie: string) => (await app.inject({ url: '/api/incidents', headers: { cookie } })).json() as { incidents: { location: { name: string } }[] };
    // Same clearance twice (a cache hit the second time), then a lower clearance.
    expect((await get(cleared[0]!.cookie)).incidents.map((i) => i.location.name)).toEqual(['Hidden wadi']);
    expect((await get(other.cookie)).incidents.map((i) => i.location.name)).toEqual(['Hidden wadi']);
    expect((await get(viewer.cookie)).incidents).toEqual([]);
    const reads = (await store.access.auditTrail()).filter((a) => a.action === 'read' && a.classification === 'confidential').map((a) => a.user_name);
    expect(reads.sort()).toEqual([cleared[0]!.user, other.user].sort());
    // A write through the API shows at once.
    const write = await app.inject({ method: 'POST', url: '/api/events', headers: { cookie: ops.cookie, 'x-csrf-token': ops.csrf }, payload: { type: 'incident', on: '2024-03-02', event_type: 'Explosions/Remote violence', sub_event_type: 'Remote explosive/landmine/IED', actors: [], location: { name: 'Open road', lat: 16.3, lon: -1.0 }, fatalities: 0 } });
    expect(write.statusCode).toBe(200);
    expect((await get(viewer.cookie)).incidents.map((i) => i.location.name)).toEqual(['Open road']);
    // And so does a write straight to the store (another process, a CLI run).
    await store.append([{ type: 'incident', on: '2024-03-03', event_type: 'Battles', sub_event_type: 'Armed clash', actors: [], location: { name: 'Far well', lat: 16.4, lon: -1.2 }, fatalities: 0 }], 'cli');
    expect((await get(viewer.cookie)).incidents.map((i) => i.location.name)).toEqual(['Open road', 'Far well']);
    await app.close();
    await store.close();
  });

  it('computes an answer once for readers who miss at the same moment, and again after a failure', async () => {
    const cache = new ReadCache();
    let runs = 0;
    const compute = async () => {
      runs += 1;
      await new Promise((r) => setTimeout(r, 10));
      return { body: `B${runs}`, audits: [] };
    };
    const all = await Promise.all([cache.answer('k', compute), cache.answer('k', compute), cache.answer('k', compute)]);
    expect(runs).toBe(1);
    expect(all.map((a) => [a.answer.body, a.computed])).toEqual([['B1', true], ['B1', false], ['B1', false]]);
    await expect(cache.answer('f', async () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect((await cache.answer('f', compute)).answer.body).toBe('B2');
  });

  it('forgets the least recently used answer when full', () => {
    const cache = new ReadCache(2);
    cache.set('a', { body: 'A', audits: [] });
    cache.set('b', { body: 'B', audits: [] });
    cache.get('a');
    cache.set('c', { body: 'C', audits: [] });
    expect([cache.get('a')?.body, cache.get('b')?.body, cache.get('c')?.body]).toEqual(['A', undefined, 'C']);
  });
});
