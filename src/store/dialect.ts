// What every database dialect of the store provides. Callers see only this, so PostgreSQL can
// join SQLite without touching them.
import type { Kysely } from 'kysely';
import type { Tables } from './tables.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface StoreConnection {
  readonly dialect: DialectName;
  /** Where the data lives, for messages (a file path or a URL without its password). */
  readonly location: string;
  readonly db: Kysely<Tables>;
  /**
   * Runs `fn` in a transaction that takes the write lock at its start, so two writers cannot
   * both read the same log head and then collide.
   */
  writeTransaction<T>(fn: (db: Kysely<Tables>) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` in a read-only transaction that sees one consistent snapshot while writers go on:
   * for online backups.
   */
  readSnapshot<T>(fn: (db: Kysely<Tables>) => Promise<T>): Promise<T>;
  /** After rows were copied in with their own ids: the next generated id follows them. */
  resetIds(db: Kysely<Tables>, table: 'audit' | 'proposals' | 'candidates' | 'reports', column: string): Promise<void>;
  /** Empties the log inside a write transaction, past its append-only guard: for replacing a mission only. */
  clearLog(db: Kysely<Tables>): Promise<void>;
  close(): Promise<void>;
}
