// A real server on a real store for tests: the tutorial mission (or another scenario), users of
// every role and clearance, and helpers to call the API as each of them.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseScenario } from '../../src/domain/scenario/parse.ts';
import { CLASSIFICATIONS, type Classification, ROLES, type Role } from '../../src/domain/security/access.ts';
import { makePlan } from '../../src/planner/plan.ts';
import { buildServer, SESSION_COOKIE } from '../../src/server/app.ts';
import { hashPassword } from '../../src/server/passwords.ts';
import { type MissionStore, openStore } from '../../src/store/store.ts';
import type { Scenario } from '../../src/domain/scenario/schema.ts';
import type { PlanOptions } from '../../src/planner/plan.ts';

export const PASSWORD = 'correct horse battery';
export const inProcessPlanner = (s: Scenario, o: PlanOptions) => makePlan(s, o);

export type Session = { user: string; role: Role; clearance: Classification; cookie: string; csrf: string };

export async function testStore(file = 'scenarios/examples/two-camps.yaml'): Promise<MissionStore> {
  const dir = mkdtempSync(join(tmpdir(), 'drawdown-server-'));
  const store = await openStore(join(dir, 'm.db'));
  const text = readFileSync(file, 'utf8');
  const parsed = parseScenario(text, file);
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  await store.createMission({ file, text, scenario: parsed.scenario, actor: 'test' });
  return store;
}

/** One user (and a signed-in session) for every role × clearance, named `role-clearance`. */
export async function everyone(store: MissionStore): Promise<Session[]> {
  const hash = await hashPassword(PASSWORD);
  const out: Session[] = [];
  for (const role of ROLES) {
    for (const clearance of CLASSIFICATIONS) {
      const name = `${role.replace('_', '-')}-${clearance.replace('_', '-')}`;
      await store.access.addUser({ name, passwordHash: hash, role, clearance });
      const id = `sess-${name}`;
      const csrf = `csrf-${name}`;
      await store.access.createSession({ id, user: name, csrf, expiresAt: '2999-01-01T00:00:00.000Z' });
      out.push({ user: name, role, clearance, cookie: `${SESSION_COOKIE}=${id}`, csrf });
    }
  }
  return out;
}

export function testServer(store: MissionStore, webDir?: string) {
  return buildServer({ store, planner: inProcessPlanner, ...(webDir ? { webDir } : {}) });
}
