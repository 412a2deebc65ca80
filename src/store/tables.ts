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

export interface Tables {
  mission: MissionTable;
  log: LogTable;
  plans: PlansTable;
}
