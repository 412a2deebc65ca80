// Advancing the clock: the current plan's movements and dispositions due by a day are recorded
// as done (departures, arrivals, dispositions with a planned-disposal certificate), all in one
// transaction. Between real disruptions, this is how the mission follows its plan.
import { DrawdownError } from '../domain/errors.ts';
import { checkAgainstLog, withManifest } from '../domain/events/lines.ts';
import { foldState } from '../domain/events/fold.ts';
import type { MissionEvent } from '../domain/events/schema.ts';
import type { LogEntry, MissionStore } from '../store/store.ts';
import { notYetDone } from '../planner/replan/pinned.ts';
import { loadMission } from './mission.ts';

export type Advance = { to: string; events: MissionEvent[]; written: LogEntry[] };

export async function advance(store: MissionStore, to: string, actor: string): Promise<Advance> {
  const mission = await loadMission(store);
  const { scenario } = mission;
  if (to < scenario.start || to > scenario.end) throw new DrawdownError('DRW_STATE_OUT_OF_RANGE', `--to ${to} is outside the mission's horizon ${scenario.start} to ${scenario.end}`);
  const stored = await store.plan('current');
  if (!stored) throw new DrawdownError('DRW_NO_PLAN', `${store.location}: the mission has no current plan to follow`);
  const plan = stored.plan;
  const state = foldState(scenario, mission.events, scenario.end);
  const events: MissionEvent[] = [];
  for (const m of plan.movements) {
    if (m.depart > to || state.movements.has(m.id)) continue;
    events.push(withManifest({ type: 'movement_departed', on: m.depart, movement: m.id, source: `plan of ${stored.asOf}` }, plan));
  }
  // Arrivals due: of the plan's movements, and of those already under way.
  const arriving = [...plan.movements.filter((m) => m.depart <= to && !state.movements.has(m.id)).map((m) => ({ id: m.id, arrive: m.arrive })), ...[...state.movements.values()].filter((m) => !m.arrived).map((m) => ({ id: m.id, arrive: m.arrive }))];
  for (const a of arriving) if (a.arrive <= to) events.push({ type: 'movement_arrived', on: a.arrive, movement: a.id });
  notYetDone(plan.dispositions.filter((d) => d.on <= to && d.on >= stored.asOf), state).forEach((d, i) => {
    events.push({
      type: 'disposition_done',
      on: d.on,
      lot: d.lot,
      site: d.site,
      count: d.count,
      action: d.action,
      certificate: { reference: `PLAN-${stored.asOf}-${d.lot}-${d.on}-${i + 1}`, witnesses: ['recorded by drawdown advance as planned'], board: 'planned disposition' },
      ...(d.reason ? { notes: d.reason } : {}),
    });
  });
  const rank = (e: MissionEvent) => (e.type === 'movement_arrived' ? 0 : 1);
  events.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : rank(a) - rank(b)));
  // The plan still holds from `to` on (what was due is done): it becomes the plan of that day,
  // which is how the mission's clock moves when nothing is recorded on the day itself.
  const moveClock = async () => {
    if (to > stored.asOf) await store.savePlan({ ...stored, asOf: to });
  };
  if (events.length === 0) {
    await moveClock();
    return { to, events, written: [] };
  }
  const problems = checkAgainstLog(scenario, mission.events, events.map((event, i) => ({ line: i + 1, event })));
  if (problems.length > 0) {
    throw new DrawdownError('DRW_PLAN_STALE', `the current plan (of ${stored.asOf}) no longer fits the log; nothing was recorded`, problems.slice(0, 10).map((p) => `${describe(events[p.line - 1]!)}: ${p.field}: ${p.message}`));
  }
  const written = await store.append(events, actor);
  await moveClock();
  return { to, events, written };
}

function describe(e: MissionEvent): string {
  return 'movement' in e ? `${e.type} ${e.movement}` : `${e.type} on ${e.on}`;
}
