// What every database dialect of the store provides. Callers see only this, so PostgreSQL can
// join SQLite without touching them.
import type { Kysely } from 'kysely';
import type { Tables } from './tables.ts';

export type DialectName = 'sqlite';

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
  /** Empties the log inside a write transaction, past its append-only guard: for replacing a mission only. */
  clearLog(db: Kysely<Tables>): Promise<void>;
  close(): Promise<void>;
}
