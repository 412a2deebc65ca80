// The mission store: one mission, its scenario and its append-only, hash-chained log.
// Callers use this facade only; the dialect underneath is chosen by `openStore`.
import { type Kysely, sql } from 'kysely';
import { DrawdownError } from '../domain/errors.ts';
import { eventSchema, type MissionEvent } from '../domain/events/schema.ts';
import { parseScenario } from '../domain/scenario/parse.ts';
import type { Scenario } from '../domain/scenario/schema.ts';
import type { StoreConnection } from './dialect.ts';
import type { PlansTable, Tables } from './tables.ts';
import { type Plan, planSchema } from '../domain/plan/schema.ts';
import { openSqlite } from './dialects/sqlite.ts';
import { openPostgres } from './dialects/postgres.ts';
import { isPostgresUrl } from './target.ts';
import { type MissionVersion, missionVersion } from './version.ts';

export { isPostgresUrl };
import { canonicalJson, entryHash, GENESIS_HASH, sha256 } from './hash.ts';
import { migrate } from './migrations/index.ts';
import { AccessStore } from './access.ts';

export type LogEntry = {
  seq: number;
  recorded_at: string;
  actor: string;
  type: string;
  on: string;
  event: MissionEvent;
  prev_hash: string;
  hash: string;
};

export type StoredPlan = { name: string; kind: 'current' | 'backup'; asOf: string; logSeq: number; events: string; plan: Plan; summary: unknown; updatedAt?: string };

export type MissionRecord = { name: string; scenario_file: string; scenario_text: string; scenario_sha256: string; created_at: string };

export type { MissionVersion };

export type AuditEntry = { user: string; action: string; target: string; classification: string };

/** What an append decides besides the log, written in its transaction. */
export type AlongWithAppend = {
  audit?: (written: LogEntry[]) => AuditEntry[];
  acceptsCandidate?: { id: number; by: string };
  completesProposal?: { id: number; by: string };
};

export type ChainReport = { ok: true; entries: number; head: string } | { ok: false; entries: number; broken: { seq: number; reason: string } };

export type StoreOptions = {
  /** Refuse to create a new store (commands that only read). */
  mustExist?: boolean;
  /** The clock, for tests. */
  now?: () => Date;
};

export async function openStore(target: string, options: StoreOptions = {}): Promise<MissionStore> {
  const conn = isPostgresUrl(target) ? await openPostgres(target) : openSqlite(target, { mustExist: options.mustExist ?? false });
  try {
    if (options.mustExist) {
      // A command that only reads must not turn some other file into a store.
      const tables = (await conn.db.introspection.getTables()).map((t) => t.name);
      if (!tables.includes('log') || !tables.includes('mission')) throw new DrawdownError('DRW_STORE_UNOPENABLE', `${conn.location}: not a Drawdown store`);
    }
    await migrate(conn.db, conn.dialect, conn.location);
  } catch (e) {
    await conn.close();
    if (e instanceof DrawdownError) throw e;
    throw new DrawdownError('DRW_STORE_UNOPENABLE', `${conn.location}: not a Drawdown store (${(e as Error).message})`);
  }
  return new MissionStore(conn, options.now ?? (() => new Date()));
}

export class MissionStore {
  constructor(
    private readonly conn: StoreConnection,
    private readonly now: () => Date,
  ) {}

  get location(): string {
    return this.conn.location;
  }

  get dialect(): StoreConnection['dialect'] {
    return this.conn.dialect;
  }

  /** The connection underneath, for the store's own modules (copy, backup). */
  get connection(): StoreConnection {
    return this.conn;
  }

  /** Users, sessions, the audit trail and proposed dispositions. */
  get access(): AccessStore {
    return new AccessStore(this.conn, this.now);
  }

  async close(): Promise<void> {
    await this.conn.close();
  }

  async mission(): Promise<MissionRecord | undefined> {
    return this.conn.db.selectFrom('mission').select(['name', 'scenario_file', 'scenario_text', 'scenario_sha256', 'created_at']).where('id', '=', 1).executeTakeFirst();
  }

  async requireMission(): Promise<MissionRecord> {
    const m = await this.mission();
    if (!m) throw new DrawdownError('DRW_NO_MISSION', `${this.location}: this store holds no mission`);
    return m;
  }

  /** The scenario the mission started from, parsed again from the stored text. */
  async scenario(): Promise<Scenario> {
    // Parsing and checking a mission-sized scenario takes a good part of a second; the text
    // never changes under its hash, so the parse is kept by hash (and the text not even read).
    const current = await this.conn.db.selectFrom('mission').select(['scenario_sha256', 'created_at']).where('id', '=', 1).executeTakeFirst();
    if (current && this.parsed?.sha256 === current.scenario_sha256 && this.parsed.createdAt === current.created_at) return this.parsed.scenario;
    const m = await this.requireMission();
    const parsed = parseScenario(m.scenario_text, m.scenario_file);
    if (!parsed.ok) throw new DrawdownError('DRW_LOG_BROKEN', `${this.location}: the stored scenario no longer parses`);
    this.parsed = { sha256: m.scenario_sha256, createdAt: m.created_at, scenario: parsed.scenario };
    return parsed.scenario;
  }

  private parsed?: { sha256: string; createdAt: string; scenario: Scenario };

  /** Refuses to write to a store without a mission, reading no more than its id. */
  private async requireMissionRow(): Promise<void> {
    const row = await this.conn.db.selectFrom('mission').select('id').where('id', '=', 1).executeTakeFirst();
    if (!row) throw new DrawdownError('DRW_NO_MISSION', `${this.location}: this store holds no mission`);
  }

  /**
   * Creates the mission from a scenario and starts its log with `mission_created`. Refuses to
   * replace an existing mission unless `force` is set.
   */
  async createMission(input: { file: string; text: string; scenario: Scenario; actor: string; force?: boolean }): Promise<LogEntry> {
    const existing = await this.mission();
    if (existing && !input.force) {
      throw new DrawdownError('DRW_MISSION_EXISTS', `${this.location} already holds mission "${existing.name}" (created ${existing.created_at})`);
    }
    const digest = sha256(input.text);
    return this.conn.writeTransaction(async (trx) => {
      if (existing) {
        // Replacing a mission starts a new log; the append-only guard is lifted for this alone.
        await this.conn.clearLog(trx);
        await trx.deleteFrom('plans').execute();
        await trx.deleteFrom('proposals').execute();
        await trx.deleteFrom('mission').execute();
      }
      const createdAt = this.now().toISOString();
      await trx.insertInto('mission').values({ id: 1, name: input.scenario.mission, scenario_file: input.file, scenario_text: input.text, scenario_sha256: digest, created_at: createdAt }).execute();
      const genesis: MissionEvent = { type: 'mission_created', on: input.scenario.start, mission: input.scenario.mission, scenario_sha256: digest };
      const [entry] = await appendIn(trx, [genesis], input.actor, createdAt);
      return entry!;
    });
  }

  /** Appends events in one transaction: all are written or none. */
  async append(events: readonly MissionEvent[], actor: string): Promise<LogEntry[]> {
    await this.requireMissionRow();
    const at = this.now().toISOString();
    return this.conn.writeTransaction((trx) => appendIn(trx, events, actor, at));
  }

  /**
   * Appends only if the log still ends at `head`: for events checked against the log outside the
   * write lock. Returns null, writing nothing, when another writer got there first.
   */
  async appendAt(head: number, events: readonly MissionEvent[], actor: string, along: AlongWithAppend = {}): Promise<LogEntry[] | null> {
    // A log with entries has its mission (entry 1 creates it).
    if (head === 0) await this.requireMissionRow();
    const at = this.now().toISOString();
    return this.conn.writeTransaction(async (trx) => {
      const last = await trx.selectFrom('log').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirst();
      if ((last ? Number(last.seq) : 0) !== head) return null;
      const written = await appendIn(trx, events, actor, at);
      // What the write decides commits with it, or none of it does: its audit entries, the
      // candidate it accepts, the proposal it carries out (each only if still waiting for it).
      const rows = along.audit?.(written) ?? [];
      if (rows.length > 0) await trx.insertInto('audit').values(rows.map((a) => ({ at, user_name: a.user, action: a.action, target: a.target, classification: a.classification }))).execute();
      const seq = written[0]?.seq ?? null;
      if (along.acceptsCandidate) {
        const c = along.acceptsCandidate;
        const r = await trx.updateTable('candidates').set({ status: 'accepted', decided_by: c.by, log_seq: seq }).where('id', '=', c.id).where('status', '=', 'pending').executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw new DrawdownError('DRW_EVENT_CONFLICT', `candidate ${c.id} is no longer pending; nothing was recorded`);
      }
      if (along.completesProposal) {
        const p = along.completesProposal;
        const r = await trx.updateTable('proposals').set({ status: 'done', decided_by: p.by, log_seq: seq, updated_at: at }).where('id', '=', p.id).where('status', '=', 'approved').executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw new DrawdownError('DRW_EVENT_CONFLICT', `proposal ${p.id} is no longer approved; nothing was recorded`);
      }
      return written;
    });
  }

  async entries(filter: { type?: string; afterSeq?: number } = {}): Promise<LogEntry[]> {
    let q = this.conn.db.selectFrom('log').selectAll().orderBy('seq');
    if (filter.type) q = q.where('type', '=', filter.type);
    if (filter.afterSeq !== undefined) q = q.where('seq', '>', filter.afterSeq);
    const rows = await q.execute();
    return rows.map((r) => ({ seq: Number(r.seq), recorded_at: r.recorded_at, actor: r.actor, type: r.type, on: r.on_date, event: this.readEvent(Number(r.seq), r.payload), prev_hash: r.prev_hash, hash: r.hash }));
  }

  /** Each stored event is validated again on the way out: a row changed behind our back is named. */
  private readEvent(seq: number, payload: string): MissionEvent {
    let value: unknown;
    try {
      value = JSON.parse(payload);
    } catch {
      throw new DrawdownError('DRW_LOG_BROKEN', `${this.location}: log entry ${seq} is not JSON`);
    }
    const event = eventSchema.safeParse(value);
    if (!event.success) throw new DrawdownError('DRW_LOG_BROKEN', `${this.location}: log entry ${seq} is not a valid event`);
    return event.data;
  }

  /** The validated events of the log, in order, for the fold. */
  async events(): Promise<MissionEvent[]> {
    return (await this.entries()).map((e) => e.event);
  }

  /**
   * What changes whenever the log or the current plan does: the last entry's hash and the current
   * plan's save time, in one cheap query. Readers key their caches on it.
   */
  async version(): Promise<MissionVersion> {
    const r = await sql<{ log: string | null; plan: string | null }>`SELECT (SELECT hash FROM log ORDER BY seq DESC LIMIT 1) AS log, (SELECT updated_at FROM plans WHERE name = 'current') AS plan`.execute(this.conn.db);
    return missionVersion(r.rows[0]?.log, r.rows[0]?.plan);
  }

  /** The seq of the last log entry (0 for an empty log). */
  async head(): Promise<number> {
    const last = await this.conn.db.selectFrom('log').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirst();
    return last ? Number(last.seq) : 0;
  }

  /** Saves (or replaces) a plan kept with the mission. */
  async savePlan(p: StoredPlan): Promise<void> {
    await this.conn.writeTransaction(async (trx) => {
      // updated_at is part of the mission's version (see `version`): it must change with every
      // save, even two in the same millisecond.
      const before = await trx.selectFrom('plans').select('updated_at').where('name', '=', p.name).executeTakeFirst();
      let at = this.now().toISOString();
      if (before && at <= before.updated_at) at = new Date(Date.parse(before.updated_at) + 1).toISOString();
      const row = { name: p.name, kind: p.kind, as_of: p.asOf, log_seq: p.logSeq, events: p.events, plan: JSON.stringify(p.plan), summary: JSON.stringify(p.summary), updated_at: at };
      await trx.deleteFrom('plans').where('name', '=', p.name).execute();
      await trx.insertInto('plans').values(row).execute();
    });
  }

  async plan(name = 'current'): Promise<StoredPlan | undefined> {
    const row = await this.conn.db.selectFrom('plans').selectAll().where('name', '=', name).executeTakeFirst();
    return row ? readPlanRow(row) : undefined;
  }

  async plans(kind?: 'current' | 'backup'): Promise<StoredPlan[]> {
    let q = this.conn.db.selectFrom('plans').selectAll().orderBy('name');
    if (kind) q = q.where('kind', '=', kind);
    return (await q.execute()).map(readPlanRow);
  }

  async deletePlan(name: string): Promise<boolean> {
    const r = await this.conn.writeTransaction((trx) => trx.deleteFrom('plans').where('name', '=', name).executeTakeFirst());
    return Number(r.numDeletedRows) > 0;
  }

  /** Re-computes the hash chain and names the first entry that does not hold. */
  async verifyChain(): Promise<ChainReport> {
    const mission = await this.requireMission();
    const rows = await this.conn.db.selectFrom('log').selectAll().orderBy('seq').execute();
    let prev = GENESIS_HASH;
    let expectedSeq = 1;
    const broken = (seq: number, reason: string): ChainReport => ({ ok: false, entries: rows.length, broken: { seq, reason } });
    if (sha256(mission.scenario_text) !== mission.scenario_sha256) return broken(0, 'the stored scenario text does not match its recorded hash');
    if (rows.length === 0) return broken(1, 'the log is empty: its first entry (mission_created) is missing');
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) return broken(expectedSeq, `entry ${expectedSeq} is missing (next entry is ${seq})`);
      if (row.prev_hash !== prev) return broken(seq, 'its link to the previous entry does not match (an entry before it was removed or replaced)');
      const recomputed = entryHash(prev, { seq, recorded_at: row.recorded_at, actor: row.actor, type: row.type, on_date: row.on_date, payload: row.payload });
      if (recomputed !== row.hash) return broken(seq, 'its contents do not match its hash (changed after it was written)');
      let payload: unknown;
      try {
        payload = JSON.parse(row.payload);
      } catch {
        return broken(seq, 'its payload is not JSON');
      }
      const event = eventSchema.safeParse(payload);
      if (!event.success || event.data.type !== row.type || event.data.on !== row.on_date) return broken(seq, 'its payload is not a valid event of its type');
      if (seq === 1 && (event.data.type !== 'mission_created' || event.data.scenario_sha256 !== mission.scenario_sha256)) {
        return broken(seq, 'the first entry does not record the mission\'s scenario');
      }
      prev = row.hash;
      expectedSeq += 1;
    }
    return { ok: true, entries: rows.length, head: prev };
  }
}

function readPlanRow(r: PlansTable): StoredPlan {
  return { name: r.name, kind: r.kind, asOf: r.as_of, logSeq: Number(r.log_seq), events: r.events, plan: planSchema.parse(JSON.parse(r.plan)), summary: JSON.parse(r.summary), updatedAt: r.updated_at };
}

async function appendIn(trx: Kysely<Tables>, events: readonly MissionEvent[], actor: string, at: string): Promise<LogEntry[]> {
  const last = await trx.selectFrom('log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  let seq = last ? Number(last.seq) : 0;
  let prev = last?.hash ?? GENESIS_HASH;
  const written: LogEntry[] = [];
  for (const event of events) {
    seq += 1;
    const payload = canonicalJson(event);
    const fields = { seq, recorded_at: at, actor, type: event.type, on_date: event.on, payload };
    const hash = entryHash(prev, fields);
    await trx.insertInto('log').values({ ...fields, prev_hash: prev, hash }).execute();
    written.push({ seq, recorded_at: at, actor, type: event.type, on: event.on, event, prev_hash: prev, hash });
    prev = hash;
  }
  return written;
}
