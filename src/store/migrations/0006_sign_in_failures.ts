// Failed sign-ins, kept in the store rather than in a server's memory, so that the limit holds
// across every server process sharing the mission.
import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';
import { autoId } from './types.ts';

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('sign_in_failures')
    .addColumn('id', autoId(dialect), (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('user_name', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sign_in_failures_address_at').on('sign_in_failures').columns(['address', 'at']).execute();
}
