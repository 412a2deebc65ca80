// The review queue: candidate events read from reports, waiting for an analyst.
import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';
import { autoId } from './types.ts';

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('candidates')
    .addColumn('id', autoId(dialect), (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('candidate', 'text', (c) => c.notNull())
    .addColumn('duplicate_of', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('log_seq', 'integer')
    .execute();
}
