// Reading a mission from its store: the scenario, the validated log, and the state on a day.
// The operations (re-plan, advance, replay, what-if) are thin: the store for I/O, the pure
// fold and planner for everything else.
import { DrawdownError } from '../domain/errors.ts';
import { extendFold, foldCheckpoint, type FoldCheckpoint, foldState, lastDay, stateFromCheckpoint } from '../domain/events/fold.ts';
import type { MissionEvent } from '../domain/events/schema.ts';
import type { MissionState } from '../domain/events/state.ts';
import type { Scenario } from '../domain/scenario/schema.ts';
import type { PlanResult } from '../planner/plan.ts';
import type { WorkerOptions } from '../planner/worker.ts';
import type { LogEntry, MissionStore, MissionVersion, StoredPlan } from '../store/store.ts';

export type Planner = (scenario: Scenario, options: WorkerOptions) => Promise<PlanResult>;

export type Mission = { scenario: Scenario; events: MissionEvent[]; head: number; today: string };

/**
 * The mission's current day is the latest day anything was recorded on, or the day the clock
 * was advanced to (kept as the current plan's day), whichever is later.
 */
export async function loadMission(store: MissionStore): Promise<Mission> {
  // The version is read first, so a cached mission is never older than its version says; an
  // append racing with the read only makes it newer, and the next call reloads it.
  const version = await store.version();
  const cached = missions.get(store);
  if (cached && cached.version.key === version.key) return cached.mission;
  let entries: LogEntry[] | null = null;
  let previous: Cached | undefined;
  if (cached) {
    // Usually the log has only grown: read and check just the new entries, and only if they
    // continue the chain the cached mission ended with. Then the mission was not replaced, and
    // its scenario is the same; a log replaced whole starts again.
    const fresh = await store.entries({ afterSeq: cached.mission.head });
    if (fresh.length === 0 ? version.log === cached.headHash : fresh[0]!.prev_hash === cached.headHash) {
      entries = fresh;
      previous = cached;
    }
  }
  const scenario = previous ? previous.mission.scenario : await store.scenario();
  entries ??= await store.entries();
  const events = previous ? [...previous.mission.events, ...entries.map((e) => e.event)] : entries.map((e) => e.event);
  const head = entries.at(-1)?.seq ?? previous?.mission.head ?? 0;
  const headHash = entries.at(-1)?.hash ?? previous?.headHash ?? '';
  const recorded = lastDay(scenario, events);
  // The current plan is large; it is read again only when it was saved again.
  const current = cached && cached.version.plan === version.plan ? cached.current : await store.plan('current');
  const clock = current?.asOf;
  const mission: Mission = { scenario, events, head, today: clock !== undefined && clock > recorded ? clock : recorded };
  const before = previous && folds.get(previous.mission);
  if (before && entries.length === 0) folds.set(mission, before); // only the plan changed: the same fold
  else if (before) {
    const extended = extendFold(before, entries.map((e) => ({ event: e.event, tag: e.seq })));
    if (extended) folds.set(mission, extended.checkpoint);
  }
  missions.set(store, { version, mission, headHash, current });
  plans.set(mission, current);
  return mission;
}

/** The current plan as it was when the mission was loaded (none before the first plan). */
export function missionPlan(m: Mission): StoredPlan | undefined {
  return plans.get(m);
}

// Parsing the scenario and the whole log, and folding it, are most of a read's cost; a server
// answers many reads between two writes. Missions, folds and states are never mutated once made.
type Cached = { version: MissionVersion; mission: Mission; headHash: string; current: StoredPlan | undefined };
const missions = new WeakMap<MissionStore, Cached>();
const plans = new WeakMap<Mission, StoredPlan | undefined>();
const folds = new WeakMap<Mission, FoldCheckpoint>();
const states = new WeakMap<Mission, Map<string, MissionState>>();
const STATES_KEPT = 16;

/** The mission's whole log folded once, for states and for checking new events against it. */
export function missionFold(m: Mission): FoldCheckpoint {
  let cp = folds.get(m);
  if (!cp) folds.set(m, (cp = foldCheckpoint(m.scenario, m.events)));
  return cp;
}

/** The state on `asOf` (default: the mission's current day), refusing days outside the horizon. */
export function stateOn(m: Mission, asOf?: string): MissionState {
  const day = asOf ?? m.today;
  if (day < m.scenario.start || day > m.scenario.end) {
    throw new DrawdownError('DRW_STATE_OUT_OF_RANGE', `--as-of ${day} is outside the mission's horizon ${m.scenario.start} to ${m.scenario.end}`);
  }
  let byDay = states.get(m);
  if (!byDay) states.set(m, (byDay = new Map()));
  let state = byDay.get(day);
  if (!state) {
    // A day on or after everything logged is the mission's fold as it stands; an earlier day
    // folds the log again up to that day.
    state = stateFromCheckpoint(missionFold(m), day) ?? foldState(m.scenario, m.events, day);
    if (byDay.size >= STATES_KEPT) byDay.delete(byDay.keys().next().value!);
    byDay.set(day, state);
  }
  return state;
}

/** Events that change what the plan can or should do: a re-plan follows each. */
export function isDisruption(e: MissionEvent): boolean {
  return !['mission_created', 'permit_requested', 'permit_granted', 'restriction', 'site_handed_over', 'movement_arrived'].includes(e.type);
}
