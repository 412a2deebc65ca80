// Crash safety, reduced for `npm test` (the benchmark kills 200 times per backend): a real server
// recording events through the API is killed with SIGKILL at random moments.
import { describe, expect, it } from 'vitest';
import { drawdown } from './cli.ts';
import { crashRounds } from './support/crash.ts';
import { DIALECTS, missionStore } from './support/dialects.ts';

describe.each(DIALECTS)('SIGKILL while recording (%s)', (dialect) => {
  it('loses no acknowledged event and leaves a log that verifies', async () => {
    const { store, target } = await missionStore(dialect);
    await store.close();
    const r = await crashRounds({ target, rounds: 6, seed: dialect === 'sqlite' ? 11 : 12, maxRunMs: 2000 });
    expect(r.kills).toBe(6);
    expect(r.broken).toEqual([]);
    expect(r.lost).toEqual([]);
    // The kills did land among acknowledged writes, or the test proves nothing.
    expect(r.acknowledged).toBeGreaterThanOrEqual(5);
    const verify = drawdown(['log', 'verify', '--db', target]);
    expect(verify.code).toBe(0);
  }, 240_000);
});
