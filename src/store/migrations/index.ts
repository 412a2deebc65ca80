// Versioned migrations, run automatically when a store is opened. Add a file `NNNN_name.ts`
// and list it here; never edit one that has shipped.
import { type Kysely, type Migration, Migrator } from 'kysely';
import { DrawdownError } from '../../domain/errors.ts';
import type { DialectName } from '../dialect.ts';
import * as m0001 from './0001_initial.ts';
import * as m0002 from './0002_plans.ts';
import * as m0003 from './0003_access.ts';
import * as m0004 from './0004_review.ts';
import * as m0005 from './0005_reports.ts';
import * as m0006 from './0006_sign_in_failures.ts';

type Step = { up(db: Kysely<any>, dialect: DialectName): Promise<void> };
const STEPS: Record<string, Step> = { '0001_initial': m0001, '0002_plans': m0002, '0003_access': m0003, '0004_review': m0004, '0005_reports': m0005, '0006_sign_in_failures': m0006 };

export const LATEST_MIGRATION = Object.keys(STEPS).sort().at(-1)!;

export async function migrate(db: Kysely<any>, dialect: DialectName, location: string): Promise<void> {
  const migrations: Record<string, Migration> = Object.fromEntries(
    Object.entries(STEPS).map(([name, step]) => [name, { up: (d: Kysely<any>) => step.up(d, dialect) }]),
  );
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    const message = (error as Error).message ?? String(error);
    if (/corrupted migrations/i.test(message)) throw new DrawdownError('DRW_STORE_NEWER', `${location}: ${message}`);
    throw new DrawdownError('DRW_STORE_UNOPENABLE', `${location}: migration failed (${message})`);
  }
}
