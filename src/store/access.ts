// The access side of a mission store: users, sessions, the audit trail, and proposed
// dispositions. Same connection and transactions as the mission's log.
import type { Kysely } from 'kysely';
import type { StoreConnection } from './dialect.ts';
import { type MissionVersion, missionVersion } from './version.ts';
import type { AuditRow, CandidateRow, ProposalRow, Tables, UsersTable } from './tables.ts';

export type UserRow = Omit<UsersTable, 'disabled'> & { disabled: boolean };
export type Proposal = ProposalRow;

export class AccessStore {
  constructor(
    private readonly conn: StoreConnection,
    private readonly now: () => Date,
  ) {}

  private get db(): Kysely<Tables> {
    return this.conn.db;
  }

  async users(): Promise<UserRow[]> {
    return (await this.db.selectFrom('users').selectAll().orderBy('name').execute()).map(toUser);
  }

  async user(name: string): Promise<UserRow | undefined> {
    const r = await this.db.selectFrom('users').selectAll().where('name', '=', name).executeTakeFirst();
    return r ? toUser(r) : undefined;
  }

  async addUser(u: { name: string; passwordHash: string; role: string; clearance: string }): Promise<void> {
    await this.conn.writeTransaction((trx) => trx.insertInto('users').values({ name: u.name, password_hash: u.passwordHash, role: u.role, clearance: u.clearance, disabled: 0, created_at: this.now().toISOString() }).execute());
  }

  /** Disables a user and ends their sessions in the same transaction: they are out at once. */
  async disableUser(name: string): Promise<boolean> {
    return this.conn.writeTransaction(async (trx) => {
      const r = await trx.updateTable('users').set({ disabled: 1 }).where('name', '=', name).executeTakeFirst();
      await trx.deleteFrom('sessions').where('user_name', '=', name).execute();
      return Number(r.numUpdatedRows) > 0;
    });
  }

  async createSession(s: { id: string; user: string; csrf: string; expiresAt: string }): Promise<void> {
    await this.conn.writeTransaction((trx) => trx.insertInto('sessions').values({ id: s.id, user_name: s.user, csrf: s.csrf, created_at: this.now().toISOString(), expires_at: s.expiresAt }).execute());
  }

  async session(id: string): Promise<{ user: string; csrf: string; expiresAt: string } | undefined> {
    const r = await this.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? { user: r.user_name, csrf: r.csrf, expiresAt: r.expires_at } : undefined;
  }

  /**
   * A session with its user and the mission's version, in one query: what every request asks
   * first (the version keys the read cache).
   */
  async sessionWithUser(id: string): Promise<{ user: UserRow; csrf: string; expiresAt: string; version: MissionVersion } | undefined> {
    const r = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.name', 'sessions.user_name')
      .select(['sessions.csrf', 'sessions.expires_at', 'users.name', 'users.password_hash', 'users.role', 'users.clearance', 'users.disabled', 'users.created_at'])
      .select((eb) => [
        eb.selectFrom('log').select('hash').orderBy('seq', 'desc').limit(1).as('log_head'),
        eb.selectFrom('plans').select('updated_at').where('name', '=', 'current').as('plan_saved'),
      ])
      .where('sessions.id', '=', id)
      .executeTakeFirst();
    if (!r) return undefined;
    return {
      user: toUser({ name: r.name, password_hash: r.password_hash, role: r.role, clearance: r.clearance, disabled: r.disabled, created_at: r.created_at }),
      csrf: r.csrf,
      expiresAt: r.expires_at,
      version: missionVersion(r.log_head, r.plan_saved),
    };
  }

  /** Failed sign-ins since `since` (an ISO time): from this address for this name, and from this address for any. */
  async signInFailures(address: string, name: string, since: string): Promise<{ forName: number; forAddress: number }> {
    const rows = await this.db.selectFrom('sign_in_failures').select('user_name').where('address', '=', address).where('at', '>', since).execute();
    return { forName: rows.filter((r) => r.user_name === name).length, forAddress: rows.length };
  }

  /** Notes a failed sign-in at `at`, and forgets those older than `forgetBefore` (ISO times, the server's clock). */
  async failSignIn(address: string, name: string, at: string, forgetBefore: string): Promise<void> {
    await this.conn.writeTransaction(async (trx) => {
      await trx.deleteFrom('sign_in_failures').where('at', '<', forgetBefore).execute();
      await trx.insertInto('sign_in_failures').values({ at, address, user_name: name }).execute();
    });
  }

  async endSession(id: string): Promise<void> {
    await this.conn.writeTransaction((trx) => trx.deleteFrom('sessions').where('id', '=', id).execute());
  }

  async audit(entry: { user: string; action: string; target: string; classification: string }): Promise<void> {
    await this.conn.writeTransaction((trx) => trx.insertInto('audit').values({ at: this.now().toISOString(), user_name: entry.user, action: entry.action, target: entry.target, classification: entry.classification }).execute());
  }

  async auditTrail(limit = 500): Promise<AuditRow[]> {
    return this.db.selectFrom('audit').selectAll().orderBy('seq', 'desc').limit(limit).execute();
  }

  /** Adds candidates to the review queue, each with the log entry it seems to repeat. */
  async queueCandidates(candidates: readonly unknown[], by: string, duplicateOf: (c: unknown) => number | null = () => null): Promise<number> {
    const at = this.now().toISOString();
    await this.conn.writeTransaction(async (trx) => {
      for (const c of candidates) await trx.insertInto('candidates').values({ created_at: at, created_by: by, candidate: JSON.stringify(c), duplicate_of: duplicateOf(c), status: 'pending', reason: null, decided_by: null, log_seq: null }).execute();
    });
    return candidates.length;
  }

  async candidates(): Promise<QueuedCandidate[]> {
    return (await this.db.selectFrom('candidates').selectAll().orderBy('id').execute()).map(toQueued);
  }

  async candidate(id: number): Promise<QueuedCandidate | undefined> {
    const r = await this.db.selectFrom('candidates').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toQueued(r) : undefined;
  }

  async decideCandidate(id: number, d: { status: 'accepted' | 'rejected'; by: string; reason?: string; logSeq?: number }): Promise<void> {
    await this.conn.writeTransaction((trx) => trx.updateTable('candidates').set({ status: d.status, decided_by: d.by, reason: d.reason ?? null, log_seq: d.logSeq ?? null }).where('id', '=', id).execute());
  }

  /** Keeps a report copy (the file and its hash). */
  async keepReport(r: { copyId: string; kind: string; on: string; madeBy: string; recipient: string; marking: string; sha256: string; file: Buffer }): Promise<number> {
    return this.conn.writeTransaction(async (trx) => {
      await trx.insertInto('reports').values({ copy_id: r.copyId, kind: r.kind, on_date: r.on, made_by: r.madeBy, recipient: r.recipient, marking: r.marking, sha256: r.sha256, file: r.file, created_at: this.now().toISOString() }).execute();
      return Number((await trx.selectFrom('reports').select('id').where('copy_id', '=', r.copyId).executeTakeFirstOrThrow()).id);
    });
  }

  async reports(): Promise<{ id: number; copy_id: string; kind: string; on_date: string; made_by: string; recipient: string; marking: string; sha256: string; created_at: string }[]> {
    return (await this.db.selectFrom('reports').select(['id', 'copy_id', 'kind', 'on_date', 'made_by', 'recipient', 'marking', 'sha256', 'created_at']).orderBy('id', 'desc').execute()).map((r) => ({ ...r, id: Number(r.id) }));
  }

  async reportFile(id: number): Promise<{ copy_id: string; marking: string; file: Buffer } | undefined> {
    return this.db.selectFrom('reports').select(['copy_id', 'marking', 'file']).where('id', '=', id).executeTakeFirst();
  }

  async proposals(): Promise<Proposal[]> {
    return this.db.selectFrom('proposals').selectAll().orderBy('id').execute();
  }

  async proposal(id: number): Promise<Proposal | undefined> {
    return this.db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async propose(p: Omit<Proposal, 'id' | 'status' | 'decided_by' | 'log_seq' | 'updated_at'>): Promise<Proposal> {
    return this.conn.writeTransaction(async (trx) => {
      await trx.insertInto('proposals').values({ ...p, status: 'proposed', decided_by: null, log_seq: null, updated_at: this.now().toISOString() }).execute();
      return (await trx.selectFrom('proposals').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst())!;
    });
  }

  async decide(id: number, status: 'approved' | 'rejected' | 'done', by: string, logSeq?: number): Promise<void> {
    await this.conn.writeTransaction((trx) => trx.updateTable('proposals').set({ status, decided_by: by, ...(logSeq !== undefined ? { log_seq: logSeq } : {}), updated_at: this.now().toISOString() }).where('id', '=', id).execute());
  }
}

/** The review queue's side of the store (candidates read from reports). */
export type QueuedCandidate = Omit<CandidateRow, 'candidate'> & { candidate: unknown };

function toQueued(r: CandidateRow): QueuedCandidate {
  return { ...r, candidate: JSON.parse(r.candidate) };
}

function toUser(r: UsersTable): UserRow {
  return { ...r, disabled: Number(r.disabled) === 1 };
}
