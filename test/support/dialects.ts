// The store's dialects for table-driven tests: every store test runs once per dialect, each on a
// fresh, empty target (a temporary SQLite file, or a new database on the run's PostgreSQL).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { DialectName } from '../../src/store/dialect.ts';
import { parseScenario } from '../../src/domain/scenario/parse.ts';
import { type MissionStore, openStore, type StoreOptions } from '../../src/store/store.ts';
import { freshDatabase } from './postgres-server.ts';

export const DIALECTS: readonly DialectName[] = ['sqlite', 'postgres'];

/** Where a new, empty store of this dialect can be made. */
export async function emptyTarget(dialect: DialectName): Promise<string> {
  if (dialect === 'sqlite') return join(mkdtempSync(join(tmpdir(), 'drawdown-store-')), 'm.db');
  return freshDatabase(inject('pgAdminUrl'));
}

/** A store of this dialect holding the given scenario's mission. */
export async function missionStore(dialect: DialectName, file = 'scenarios/examples/two-camps.yaml', options: StoreOptions = {}): Promise<{ store: MissionStore; target: string }> {
  const target = await emptyTarget(dialect);
  const store = await openStore(target, options);
  const text = readFileSync(file, 'utf8');
  const parsed = parseScenario(text, file);
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  await store.createMission({ file, text, scenario: parsed.scenario, actor: 'test' });
  return { store, target };
}
