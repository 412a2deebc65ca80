// What every database dialect of the store provides. Callers see only this, so PostgreSQL can
// join SQLite without touching them.
import type { Kysely, Transaction } from 'kysely';
import type { Tables } from './tables.ts';

export type DialectName = 'sqlite';

export interface StoreConnection {
  readonly dialect: DialectName;
  /** Where the data lives, for messages (a file path or a URL without its password). */
  readonly location: string;
  readonly db: Kysely<Tables>;
  /** Empties the log inside `trx`, past its append-only guard: for replacing a mission only. */
  clearLog(trx: Transaction<Tables>): Promise<void>;
  close(): Promise<void>;
}
