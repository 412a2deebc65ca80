import type { Generated, Selectable } from 'kysely';
// The tables of a mission store, as Kysely sees them. Every dialect has exactly these.

export interface MissionTable {
  id: number;
  name: string;
  scenario_file: string;
  scenario_text: string;
  scenario_sha256: string;
  created_at: string;
}

export interface LogTable {
  seq: number;
  recorded_at: string;
  actor: string;
  type: string;
  on_date: string;
  /** The validated event as canonical JSON; the hash covers this exact text. */
  payload: string;
  prev_hash: string;
  hash: string;
}

export interface PlansTable {
  /** `current`, or the name of a backup plan. */
  name: string;
  kind: 'current' | 'backup';
  as_of: string;
  /** The log entry the plan was made after. */
  log_seq: number;
  /** A backup plan's what-if events, as JSON lines; empty for the current plan. */
  events: string;
  plan: string;
  summary: string;
  updated_at: string;
}

export interface UsersTable {
  name: string;
  /** `scrypt$N$r$p$salt$hash`, never the password. */
  password_hash: string;
  role: string;
  clearance: string;
  disabled: number;
  created_at: string;
}

export interface SessionsTable {
  id: string;
  user_name: string;
  csrf: string;
  created_at: string;
  expires_at: string;
}

export interface AuditTable {
  seq: Generated<number>;
  at: string;
  user_name: string;
  action: string;
  target: string;
  classification: string;
}

export interface ProposalsTable {
  id: Generated<number>;
  lot: string;
  site: string;
  count: number;
  action: string;
  on_date: string;
  reason: string;
  classification: string;
  status: 'proposed' | 'approved' | 'rejected' | 'done';
  proposed_by: string;
  decided_by: string | null;
  log_seq: number | null;
  updated_at: string;
}

export interface CandidatesTable {
  id: Generated<number>;
  created_at: string;
  created_by: string;
  /** The candidate event as JSON (ingest's shape). */
  candidate: string;
  /** The log entry it seems to repeat, if any. */
  duplicate_of: number | null;
  status: 'pending' | 'accepted' | 'rejected';
  reason: string | null;
  decided_by: string | null;
  log_seq: number | null;
}

export type CandidateRow = Selectable<CandidatesTable>;

export interface ReportsTable {
  id: Generated<number>;
  copy_id: string;
  kind: string;
  on_date: string;
  made_by: string;
  recipient: string;
  marking: string;
  sha256: string;
  file: Buffer;
  created_at: string;
}
export interface SignInFailuresTable {
  id: Generated<number>;
  at: string;
  address: string;
  user_name: string;
}

export type AuditRow = Selectable<AuditTable>;
export type ProposalRow = Selectable<ProposalsTable>;

export interface Tables {
  mission: MissionTable;
  log: LogTable;
  plans: PlansTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit: AuditTable;
  proposals: ProposalsTable;
  candidates: CandidatesTable;
  reports: ReportsTable;
  sign_in_failures: SignInFailuresTable;
}
