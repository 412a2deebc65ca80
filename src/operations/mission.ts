// Reading a mission from its store: the scenario, the validated log, and the state on a day.
// The operations (re-plan, advance, replay, what-if) are thin: the store for I/O, the pure
// fold and planner for everything else.
import { DrawdownError } from '../domain/errors.ts';
import { foldState, lastDay } from '../domain/events/fold.ts';
import type { MissionEvent } from '../domain/events/schema.ts';
import type { MissionState } from '../domain/events/state.ts';
import type { Scenario } from '../domain/scenario/schema.ts';
import type { PlanResult } from '../planner/plan.ts';
import type { WorkerOptions } from '../planner/worker.ts';
import type { MissionStore } from '../store/store.ts';

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
  if (cached && cached.version === version) return cached.mission;
  const scenario = await store.scenario();
  const events = await store.events();
  const recorded = lastDay(scenario, events);
  const clock = (await store.plan('current'))?.asOf;
  const mission: Mission = { scenario, events, head: await store.head(), today: clock !== undefined && clock > recorded ? clock : recorded };
  missions.set(store, { version, mission });
  return mission;
}

// Parsing the scenario and the whole log, and folding it, are most of a read's cost; a server
// answers many reads between two writes. Missions and states are never mutated once made.
const missions = new WeakMap<MissionStore, { version: string; mission: Mission }>();
const states = new WeakMap<Mission, Map<string, MissionState>>();
const STATES_KEPT = 16;

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
    state = foldState(m.scenario, m.events, day);
    if (byDay.size >= STATES_KEPT) byDay.delete(byDay.keys().next().value!);
    byDay.set(day, state);
  }
  return state;
}

/** Events that change what the plan can or should do: a re-plan follows each. */
export function isDisruption(e: MissionEvent): boolean {
  return !['mission_created', 'permit_requested', 'permit_granted', 'restriction', 'site_handed_over', 'movement_arrived'].includes(e.type);
}
