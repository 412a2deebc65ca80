// The mission's state on a day: what the log says happened, folded over the scenario.
import type { Closure, Fleet, Mode, Scenario } from '../scenario/schema.ts';
import type { EventOf } from './schema.ts';

export const SITE_STATUSES = ['open', 'drawing_down', 'closed', 'handed_over'] as const;
export type SiteStatus = (typeof SITE_STATUSES)[number];

/** `lot:<id>` or `grp:<id>`: a lot's units or a group's people. */
export type ItemKey = `lot:${string}` | `grp:${string}`;

export type MovementRecord = {
  id: string;
  mode: Mode;
  from: string;
  to: string;
  depart: string;
  /** When it is expected (or was seen) at `to`: departure + the leg's days + delays. */
  arrive: string;
  arrived: boolean;
  delayDays: number;
  trucks: number;
  escorts: number;
  /** The last day its trucks and escorts are busy (there and back). */
  busyUntil: string;
  people: { group: string; count: number }[];
  cargo: { lot: string; count: number }[];
};

export type SiteState = {
  id: string;
  status: SiteStatus;
  deadline?: string;
  /** The day the last unit or person left, once the site is empty. */
  emptiedOn?: string;
  handedOver?: EventOf<'site_handed_over'>;
};

export type LegRisk = { from: string; to: string; mode: Mode; base: number; current: number; incidents: number };

export type MissionState = {
  asOf: string;
  /** The scenario as it stands: current deadlines, closures (refused permits included), fleet and leg risks. */
  scenario: Scenario;
  /** The scenario the mission started from. */
  base: Scenario;
  /** How many log events were applied (those dated on or before asOf). */
  applied: number;
  sites: SiteState[];
  /** Where every lot unit and person is: site → item → count (exits included: what has left). */
  stock: Map<string, Map<ItemKey, number>>;
  /** Units disposed of, by lot. */
  disposed: Map<string, number>;
  movements: Map<string, MovementRecord>;
  fleet: Fleet;
  legRisks: LegRisk[];
  closures: Closure[];
  permits: EventOf<'permit_requested' | 'permit_granted' | 'permit_denied'>[];
  incidents: EventOf<'incident'>[];
  restrictions: EventOf<'restriction'>[];
  dispositions: EventOf<'disposition_done'>[];
};

export function held(state: MissionState, site: string, key: ItemKey): number {
  return state.stock.get(site)?.get(key) ?? 0;
}

/** Movements that have left and not arrived on the state's day. */
export function underWay(state: MissionState): MovementRecord[] {
  return [...state.movements.values()].filter((m) => !m.arrived);
}
