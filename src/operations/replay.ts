// Replaying what happened: real events interleaved with advancing the clock. For each day with
// events, the plan is followed up to the day before, the day's events are recorded, and the
// mission is re-planned when one of them is a disruption. Handovers are recorded after the
// day's planned movements, since a camp is handed over once it is empty.
import { DrawdownError } from '../domain/errors.ts';
import { parseEventLines } from '../domain/events/lines.ts';
import type { MissionEvent } from '../domain/events/schema.ts';
import { addDays } from '../domain/dates.ts';
import { verifyPlan } from '../planner/verify/verify.ts';
import { canonicalJson } from '../store/hash.ts';
import type { MissionStore } from '../store/store.ts';
import { advance } from './advance.ts';
import { isDisruption, loadMission, type Planner } from './mission.ts';
import { recordLines } from './record.ts';
import { replan } from './replan.ts';
import { reevaluateBackups, standingLine } from './whatif.ts';

export type ReplayRow = {
  date: string;
  events: string;
  mission_total: number;
  units_lost: number;
  movements_changed: number;
  movements_added: number;
  previous_movements: number;
  replan_ms: number;
  verified: boolean;
};

export type ReplayOptions = { to?: string; actor: string; timeLimitSeconds?: number; planner?: Planner; onStep?: (row: ReplayRow | { date: string; note: string }) => void };

export async function replay(store: MissionStore, text: string, name: string, o: ReplayOptions): Promise<ReplayRow[]> {
  const parsed = parseEventLines(text);
  if (parsed.problems.length > 0) {
    throw new DrawdownError('DRW_EVENT_INVALID', `${name}: ${parsed.problems.length} event problem(s); nothing was replayed`, parsed.problems.map((p) => `${name}:${p.line} ${p.field}: ${p.message}`));
  }
  const mission = await loadMission(store);
  // Resumable: events already in the log (the same event, field for field) are not recorded again.
  const logged = new Set(mission.events.map((e) => canonicalJson(e)));
  parsed.events = parsed.events.filter((e) => !logged.has(canonicalJson(e.event)));
  const lineOf = new Map<MissionEvent, number>(parsed.events.map((e) => [e.event, e.line]));
  const to = o.to ?? parsed.events.reduce((d, e) => (e.event.on > d ? e.event.on : d), mission.today);
  const days = [...new Set(parsed.events.map((e) => e.event.on))].filter((d) => d <= to).sort();
  const rows: ReplayRow[] = [];
  const plannerOptions = { actor: o.actor, timeLimitSeconds: o.timeLimitSeconds, planner: o.planner };
  if (!(await store.plan('current'))) await replan(store, plannerOptions);
  const lines = (events: MissionEvent[]) => events.map((e) => JSON.stringify(e)).join('\n');
  const origin = (events: MissionEvent[]) => `${name} (lines ${events.map((e) => lineOf.get(e)).join(', ')})`;

  for (const day of days) {
    const today = parsed.events.map((e) => e.event).filter((e) => e.on === day);
    const handovers = today.filter((e) => e.type === 'site_handed_over');
    const others = today.filter((e) => e.type !== 'site_handed_over');
    const before = addDays(day, -1);
    if (before >= (await loadMission(store)).today) await advance(store, before, o.actor);
    if (others.length > 0) {
      await recordLines(store, lines(others), origin(others), o.actor);
      if (others.some(isDisruption)) {
        const r = await replan(store, plannerOptions);
        const verdict = verifyPlan(r.residual, r.plan);
        const changes = r.summary.changes;
        const row: ReplayRow = {
          date: day,
          events: others.map(label).join('; '),
          mission_total: r.summary.mission_total,
          units_lost: [...r.state.disposed.values()].reduce((a, n) => a + n, 0) + r.plan.dispositions.reduce((a, d) => a + d.count, 0),
          movements_changed: changes ? changes.moved.length + changes.removed.length : 0,
          movements_added: changes ? changes.added.length : 0,
          previous_movements: changes?.previous ?? 0,
          replan_ms: r.summary.replan_ms,
          verified: verdict.ok,
        };
        rows.push(row);
        o.onStep?.(row);
      } else o.onStep?.({ date: day, note: others.map(label).join('; ') });
    }
    if (handovers.length > 0) {
      await advance(store, day, o.actor);
      await recordLines(store, lines(handovers), origin(handovers), o.actor);
      o.onStep?.({ date: day, note: handovers.map(label).join('; ') });
    }
    // Backup plans are judged against the mission as it now stands.
    for (const b of await reevaluateBackups(store, plannerOptions)) o.onStep?.({ date: day, note: standingLine(b) });
  }
  if (to >= (await loadMission(store)).today) await advance(store, to, o.actor);
  return rows;
}

/** A short label for a table row. */
export function label(e: MissionEvent): string {
  switch (e.type) {
    case 'deadline_changed':
      return `${e.site} deadline → ${e.deadline}`;
    case 'leg_closed':
      return `${e.from}–${e.to} ${e.mode} closed${e.until ? ` to ${e.until}` : ''}`;
    case 'leg_reopened':
      return `${e.from}–${e.to} ${e.mode} reopened`;
    case 'permit_denied':
    case 'permit_granted':
    case 'permit_requested':
      return `${e.mode} permit ${e.type.slice(7)} ${e.from}–${e.to} for ${e.for_date}`;
    case 'incident':
      return `${e.sub_event_type} at ${e.location.name}`;
    case 'restriction':
      return `${e.domain} restriction by ${e.imposed_by}`;
    case 'site_handed_over':
      return `${e.site} handed over to ${e.recipient}`;
    case 'fleet_changed':
      return `fleet changed`;
    case 'movement_departed':
    case 'movement_arrived':
    case 'movement_delayed':
      return `${e.type.replace('_', ' ')} ${e.movement}`;
    case 'disposition_done':
      return `${e.action} ${e.count} ${e.lot}`;
    case 'mission_created':
      return 'mission created';
  }
}
