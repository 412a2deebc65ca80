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

export interface Tables {
  mission: MissionTable;
  log: LogTable;
}
