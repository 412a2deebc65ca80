// Copies a whole mission from one store to another, of either dialect: the online backup, the
// restore, and the PostgreSQL ⇄ SQLite export and import are all this one copy. The source is read
// in one snapshot (writers may go on meanwhile); the target is written in one transaction, so it
// holds the whole mission or is left as it was.
import { DrawdownError } from '../domain/errors.ts';
import type { Tables } from './tables.ts';
import type { ChainReport, MissionStore } from './store.ts';

/** Copied in this order (a mission before its log). Sessions are not: they are bearer secrets, and a restored store's users sign in again; nor are failed sign-ins. */
const TABLES = ['mission', 'log', 'plans', 'users', 'audit', 'proposals', 'candidates', 'reports'] as const;
type TableName = (typeof TABLES)[number];

/** Generated ids that must follow the copied rows. */
const GENERATED: { table: 'audit' | 'proposals' | 'candidates' | 'reports'; column: string }[] = [
  { table: 'audit', column: 'seq' },
  { table: 'proposals', column: 'id' },
  { table: 'candidates', column: 'id' },
  { table: 'reports', column: 'id' },
];

// Well under SQLite's and PostgreSQL's limits on bound parameters per statement.
const BATCH_ROWS = 100;

export type CopyReport = {
  from: string;
  to: string;
  mission: string;
  rows: Record<TableName, number>;
  /** The target's log, checked again after the copy. */
  chain: ChainReport;
};

export type CopyOptions = {
  /** Replace a mission the target already holds. */
  replace?: boolean;
  /** Told after each table, for a progress line. */
  onTable?: (table: TableName, rows: number) => void;
};

export async function copyMission(from: MissionStore, to: MissionStore, options: CopyOptions = {}): Promise<CopyReport> {
  const snapshot = await from.connection.readSnapshot(async (db) => {
    const out = {} as Record<TableName, Record<string, unknown>[]>;
    for (const t of TABLES) out[t] = (await db.selectFrom(t).selectAll().execute()) as Record<string, unknown>[];
    return out;
  });
  const mission = snapshot.mission[0] as Tables['mission'] | undefined;
  if (!mission) throw new DrawdownError('DRW_NO_MISSION', `${from.location}: this store holds no mission to copy`);
  const existing = await to.mission();
  if (existing && !options.replace) {
    throw new DrawdownError('DRW_MISSION_EXISTS', `${to.location} already holds mission "${existing.name}" (created ${existing.created_at})`);
  }
  const conn = to.connection;
  await conn.writeTransaction(async (trx) => {
    if (existing) {
      await conn.clearLog(trx);
      for (const t of [...TABLES.filter((x) => x !== 'log'), 'sessions' as const, 'sign_in_failures' as const]) await trx.deleteFrom(t).execute();
    }
    for (const t of TABLES) {
      const rows = snapshot[t].map((r) => normalise(t, r));
      for (let i = 0; i < rows.length; i += BATCH_ROWS) {
        await trx.insertInto(t).values(rows.slice(i, i + BATCH_ROWS) as never).execute();
      }
      options.onTable?.(t, rows.length);
    }
    for (const g of GENERATED) await conn.resetIds(trx, g.table, g.column);
  });
  const chain = await to.verifyChain();
  const rows = Object.fromEntries(TABLES.map((t) => [t, snapshot[t].length])) as Record<TableName, number>;
  return { from: from.location, to: to.location, mission: mission.name, rows, chain };
}

/** Values as the target expects them whichever dialect they came from. */
function normalise(table: TableName, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    // PostgreSQL may hand back int8 as a string; SQLite may hand back a blob as a Uint8Array.
    if (typeof v === 'bigint') out[k] = Number(v);
    else if (table === 'reports' && k === 'file' && v instanceof Uint8Array) out[k] = Buffer.from(v);
    else out[k] = v;
  }
  return out;
}
