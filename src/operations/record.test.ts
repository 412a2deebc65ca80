// Two writers checking events against the same log at once (two server processes, or a server
// and a CLI run): only one of two conflicting disposals may be recorded. Before the re-check under
// the write lock both were, and the log disposed of the same containers twice.
import { describe, expect, it } from 'vitest';
import { DIALECTS, missionStore } from '../../test/support/dialects.ts';
import { openStore } from '../store/store.ts';
import { recordLines } from './record.ts';

const cert = { reference: 'BOI-7', witnesses: ['property officer'], board: 'local property survey board' };
const disposeAll = (on: string) => JSON.stringify({ type: 'disposition_done', on, lot: 'alpha-containers', site: 'alpha', count: 6, action: 'destroy', certificate: cert });

describe.each(DIALECTS)('recording against a log that moves (%s)', (dialect) => {
  it('checks again under the write lock: one of two double disposals is refused', async () => {
    const { store, target } = await missionStore(dialect);
    // PostgreSQL: a second pool, as a second server process has, so the re-check under the write
    // lock is what refuses the second disposal. SQLite: the same connection (a second one in this
    // process would wait on the first synchronously and stall it), where writers take turns.
    const other = dialect === 'postgres' ? await openStore(target, { mustExist: true }) : store;
    try {
      const results = await Promise.allSettled([recordLines(store, disposeAll('2024-03-02'), 'a', 'alice'), recordLines(other, disposeAll('2024-03-03'), 'b', 'bob')]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason).toMatchObject({ code: 'DRW_EVENT_INVALID' });
      expect((await store.entries({ type: 'disposition_done' })).length).toBe(1);
      expect((await store.verifyChain()).ok).toBe(true);
    } finally {
      if (other !== store) await other.close();
      await store.close();
    }
  });

  it('records both of two writes that do not conflict', async () => {
    const { store, target } = await missionStore(dialect);
    // PostgreSQL: a second pool, as a second server process has, so the re-check under the write
    // lock is what refuses the second disposal. SQLite: the same connection (a second one in this
    // process would wait on the first synchronously and stall it), where writers take turns.
    const other = dialect === 'postgres' ? await openStore(target, { mustExist: true }) : store;
    try {
      const restriction = (n: number) => JSON.stringify({ type: 'restriction', on: '2024-03-02', domain: 'air', imposed_by: 'host state', requested: n, denied: n });
      await Promise.all([recordLines(store, restriction(1), 'a', 'alice'), recordLines(other, restriction(2), 'b', 'bob')]);
      expect((await store.entries({ type: 'restriction' })).length).toBe(2);
    } finally {
      if (other !== store) await other.close();
      await store.close();
    }
  });
});
