// A schedule becomes a plan: closure dates, the objective and its parts, and what bound it.
import { addDays } from '../domain/dates.ts';
import type { Binding, Disposition, Movement, Plan } from '../domain/plan/schema.ts';
import type { Model } from './model.ts';
import { objectiveOf } from './objective.ts';
import type { Schedule } from './schedule.ts';

export function assemblePlan(model: Model, s: Schedule, extra: { bound: number | null; solveSeconds: number; method: string }): Plan {
  const { scenario } = model;
  const objective = objectiveOf(model, s.movements, s.dispositions);
  const closures = model.sites
    .filter((site) => !site.isExit && s.closesOn.has(site.id))
    .map((site) => ({ site: site.id, closes_on: addDays(scenario.start, s.closesOn.get(site.id)!), deadline: site.deadline! }));
  // A bound above the plan's total would mean the relaxation and the plan disagree on the rules:
  // claim nothing rather than a false optimality.
  const bound = extra.bound === null || extra.bound > objective.total + 1e-6 * Math.max(1, Math.abs(objective.total)) ? null : Math.min(extra.bound, objective.total);
  return {
    scenario: scenario.mission,
    horizon: { start: scenario.start, end: scenario.end },
    objective,
    bound,
    gap: bound === null ? null : (objective.total - bound) / Math.max(Math.abs(objective.total), 1),
    solve_seconds: extra.solveSeconds,
    closures,
    movements: model.midOperation ? s.movements.map((m) => originMovement(model, m)) : s.movements,
    dispositions: model.midOperation ? originDispositions(model, s.dispositions) : s.dispositions,
    method: extra.method,
    binding: binding(model, s),
  };
}

/** Days on which a pooled resource was fully used: what to add to do better. */
export function binding(model: Model, s: Schedule): Binding[] {
  const { fleet, start } = model.scenario;
  const out: Binding[] = [];
  const full = (arr: Int32Array, cap: number) => {
    const days: string[] = [];
    for (let d = 0; d <= model.horizon; d++) if (cap > 0 && arr[d]! >= cap) days.push(addDays(start, d));
    return days;
  };
  const trucks = full(s.use.trucks, fleet.trucks);
  if (trucks.length) out.push({ resource: 'trucks', detail: `all ${fleet.trucks} trucks busy on ${trucks.length} days`, days: trucks });
  const escorts = full(s.use.escorts, fleet.escorts);
  if (escorts.length) out.push({ resource: 'escorts', detail: `all ${fleet.escorts} escorts busy on ${escorts.length} days`, days: escorts });
  const sorties = full(s.use.sorties, fleet.air.sorties_per_day);
  if (sorties.length) out.push({ resource: 'sorties', detail: `all ${fleet.air.sorties_per_day} daily sorties flown on ${sorties.length} days`, days: sorties });
  for (const site of model.sites) {
    const closes = s.closesOn.get(site.id);
    if (!site.isExit && closes !== undefined && closes === site.deadlineDay) {
      out.push({ resource: 'deadline', detail: `${site.id} closes on its deadline ${site.deadline}` });
    }
  }
  return out;
}

/** A movement of pieces, told in the scenario's own lots and groups (pieces of one lot merged). */
function originMovement(model: Model, m: Movement): Movement {
  const groupOrigin = new Map(model.groups.map((g) => [g.id, g.origin]));
  return {
    ...m,
    people: merge(m.people.map((p) => ({ ...p, group: groupOrigin.get(p.group) ?? p.group })), (p) => p.group),
    cargo: merge(m.cargo.map((c) => ({ ...c, lot: model.lot.get(c.lot)?.origin ?? c.lot })), (c) => c.lot),
  };
}

function originDispositions<D extends Disposition>(model: Model, ds: D[]): D[] {
  return merge(ds.map((d) => ({ ...d, lot: model.lot.get(d.lot)?.origin ?? d.lot })), (d) => `${d.lot}|${d.site}|${d.action}|${d.on}`);
}

function merge<T extends { count: number }>(items: T[], key: (t: T) => string): T[] {
  const out = new Map<string, T>();
  for (const t of items) {
    const k = key(t);
    const prior = out.get(k);
    if (prior) prior.count += t.count;
    else out.set(k, { ...t });
  }
  return [...out.values()];
}
