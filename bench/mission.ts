// Shared by the store benchmarks: a throwaway store of either dialect holding a mission.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseScenario } from '../src/domain/scenario/parse.ts';
import type { DialectName } from '../src/store/dialect.ts';
import { openStore } from '../src/store/store.ts';
import { freshDatabase, type PostgresServer, startPostgres } from '../test/support/postgres-server.ts';

export const MACHINE = process.env.DRAWDOWN_BENCH_MACHINE ?? 'this machine';
export const today = () => new Date().toISOString().slice(0, 10);

let pg: PostgresServer | undefined;

/** An empty store target of the dialect (starts one PostgreSQL for the whole run when first asked). */
export async function benchTarget(dialect: DialectName): Promise<string> {
  if (dialect === 'sqlite') return join(mkdtempSync(join(tmpdir(), 'drawdown-bench-')), 'm.db');
  pg ??= await startPostgres();
  return freshDatabase(pg.adminUrl, 'bench');
}

export async function stopBenchPostgres(): Promise<void> {
  await pg?.stop();
  pg = undefined;
}

/** A store of the dialect holding the scenario's mission; closed again, ready for other processes. */
export async function benchMission(dialect: DialectName, file = 'scenarios/examples/two-camps.yaml'): Promise<string> {
  const target = await benchTarget(dialect);
  const store = await openStore(target);
  const text = readFileSync(file, 'utf8');
  const parsed = parseScenario(text, file);
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  await store.createMission({ file, text, scenario: parsed.scenario, actor: 'bench' });
  await store.close();
  return target;
}
