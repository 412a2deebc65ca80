// PostgreSQL through `pg`: the headquarters store, shared by several server processes.
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { DrawdownError } from '../../domain/errors.ts';
import type { StoreConnection } from '../dialect.ts';
import type { Tables } from '../tables.ts';
import { inTransaction } from './transaction.ts';

// One key for the store-wide write lock (pg_advisory_xact_lock): every write transaction takes it
// first, as SQLite's BEGIN IMMEDIATE does, so the log's head is read and extended by one writer
// at a time across every process sharing the database.
const WRITE_LOCK_KEY = 0x44525701;

/** The URL with its password hidden, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]*):[^@/]*@/, '$1:***@');
}

export type PostgresOptions = {
  /** Pool size per process. */
  maxConnections?: number;
};

export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<StoreConnection> {
  const location = redactUrl(url);
  // bigint (int8) counts come back as strings by default; the store's numbers fit in a double.
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10, connectionTimeoutMillis: 10_000 });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw new DrawdownError('DRW_STORE_UNOPENABLE', `${location}: cannot connect to PostgreSQL (${(e as Error).message})`);
  }
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return {
    dialect: 'postgres',
    location,
    db,
    // One round trip: without parameters, pg sends both statements as one simple query.
    writeTransaction: (fn) => inTransaction(db, `BEGIN; SELECT pg_advisory_xact_lock(${WRITE_LOCK_KEY})`, fn),
    readSnapshot: (fn) => inTransaction(db, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', fn),
    async clearLog(trx) {
      // The append-only trigger lets a delete through only when this transaction says so.
      await sql`SET LOCAL drawdown.clearing_log = 'on'`.execute(trx);
      await trx.deleteFrom('log').execute();
    },
    async resetIds(trx, table, column) {
      // Rows copied in with their ids leave the serial's sequence behind; move it past them.
      await sql`SELECT setval(pg_get_serial_sequence(${table}, ${column}), COALESCE((SELECT max(${sql.ref(column)}) FROM ${sql.table(table)}), 0) + 1, false)`.execute(trx);
    },
    close: () => db.destroy(),
  };
}
