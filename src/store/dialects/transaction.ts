// A transaction on one connection, opened by the dialect's own statement (which lock it takes,
// which snapshot it sees), committed if `fn` returns and rolled back if it throws.
import { type Kysely, sql } from 'kysely';
import type { Tables } from '../tables.ts';

export function inTransaction<T>(db: Kysely<Tables>, begin: string, fn: (c: Kysely<Tables>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (c) => {
    try {
      await sql.raw(begin).execute(c);
      const result = await fn(c);
      await sql`COMMIT`.execute(c);
      return result;
    } catch (e) {
      // A failed BEGIN leaves nothing to roll back; the original error is the one to report.
      await sql`ROLLBACK`.execute(c).catch(() => undefined);
      throw e;
    }
  });
}
