// SQLite through better-sqlite3: the default store, one file per mission.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { DrawdownError } from '../../domain/errors.ts';
import type { StoreConnection } from '../dialect.ts';
import type { Tables } from '../tables.ts';
import { inTransaction } from './transaction.ts';

export type SqliteOptions = {
  /** Refuse to create the file: for commands that only read an existing store. */
  mustExist: boolean;
};

export function openSqlite(file: string, options: SqliteOptions): StoreConnection {
  let raw: Database.Database;
  try {
    if (!options.mustExist) mkdirSync(dirname(file), { recursive: true });
    raw = new Database(file, { fileMustExist: options.mustExist });
    // WAL lets readers (the server) work while a writer appends; the busy timeout waits out a
    // short lock held by another process instead of failing at once.
    raw.pragma('journal_mode = WAL');
    raw.pragma('busy_timeout = 5000');
    raw.pragma('foreign_keys = ON');
  } catch (e) {
    const why = (e as Error).message;
    if (options.mustExist && /unable to open|does not exist|directory does not exist/i.test(why)) {
      throw new DrawdownError('DRW_NO_MISSION', `${file}: no mission store here`);
    }
    throw new DrawdownError('DRW_STORE_UNOPENABLE', `${file}: cannot open the store (${why})`);
  }
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
  return {
    dialect: 'sqlite',
    location: file,
    db,
    writeTransaction: (fn) => inTransaction(db, 'BEGIN IMMEDIATE', fn),
    // In WAL mode a read transaction sees the database as of its first read, whatever writers
    // in other processes commit meanwhile.
    readSnapshot: (fn) => inTransaction(db, 'BEGIN DEFERRED', fn),
    // INTEGER PRIMARY KEY takes max(id) + 1 by itself.
    resetIds: async () => undefined,
    async clearLog(trx) {
      await sql`DROP TRIGGER IF EXISTS log_no_delete`.execute(trx);
      await trx.deleteFrom('log').execute();
      await sql`CREATE TRIGGER log_no_delete BEFORE DELETE ON log BEGIN SELECT RAISE(ABORT, 'the log is append-only'); END`.execute(trx);
    },
    close: () => db.destroy(),
  };
}

// Kysely prepares every query afresh; preparing costs more than running the small queries a
// server repeats on every request (its session, the mission's version). Prepared statements are
// kept by their SQL, a bounded number of them.
const STATEMENTS_KEPT = 256;

function withStatementCache(raw: Database.Database): Database.Database {
  const kept = new Map<string, Database.Statement>();
  return new Proxy(raw, {
    get(target, key) {
      if (key === 'prepare') {
        return (source: string) => {
          let statement = kept.get(source);
          if (!statement) {
            statement = target.prepare(source);
            if (kept.size >= STATEMENTS_KEPT) kept.delete(kept.keys().next().value!);
            kept.set(source, statement);
          }
          return statement;
        };
      }
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
