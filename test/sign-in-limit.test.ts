// The sign-in limit holds across server processes: failures counted by one server slow down the
// next try at another sharing the mission (they used to be counted in each server's memory).
import { describe, expect, it } from 'vitest';
import { buildServer } from '../src/server/app.ts';
import { hashPassword } from '../src/server/passwords.ts';
import { SIGN_IN_LIMIT } from '../src/server/routes/session.ts';
import { openStore } from '../src/store/store.ts';
import { DIALECTS, missionStore } from './support/dialects.ts';
import { PASSWORD } from './support/server.ts';

describe.each(DIALECTS)('the sign-in limit (%s)', (dialect) => {
  it('counts failures at every server of the mission', async () => {
    const { store, target } = await missionStore(dialect);
    await store.access.addUser({ name: 'ops', passwordHash: await hashPassword(PASSWORD), role: 'operations_centre', clearance: 'confidential' });
    // A second server process has its own connection to the same store.
    const other = dialect === 'postgres' ? await openStore(target, { mustExist: true }) : store;
    const servers = [buildServer({ store }), buildServer({ store: other })];
    const signIn = (i: number, password: string) => servers[i % 2]!.inject({ method: 'POST', url: '/api/session', payload: { name: 'ops', password }, remoteAddress: '10.9.0.1' });
    for (let i = 0; i < SIGN_IN_LIMIT.failures; i += 1) expect((await signIn(i, `guess ${i}`)).statusCode).toBe(401);
    for (const i of [0, 1]) {
      const blocked = await signIn(i, PASSWORD);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().code).toBe('DRW_RATE_LIMITED');
    }
    for (const s of servers) await s.close();
    if (other !== store) await other.close();
    await store.close();
  });
});
