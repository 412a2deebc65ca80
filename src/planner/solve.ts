// The planner: candidate plans from the baseline and the economic guess, improved by local
// search, checked against the LP bound. Pure apart from the clock.
import { toEpochDay } from '../domain/dates.ts';
import type { Plan } from '../domain/plan/schema.ts';
import type { Scenario } from '../domain/scenario/schema.ts';
import { assemblePlan } from './assemble.ts';
import { disposeEverything, economicDecisions, lpDecisions, moveEverything } from './decide.ts';
import { cheapestDisposal } from './disposal.ts';
import { buildModel, type Model } from './model.ts';
import { buildRouting } from './routing.ts';
import { verifyPlan } from './verify/verify.ts';
import { objectiveOf } from './objective.ts';
import { type Decisions, type Pinned, schedule, type Schedule, type ScheduleOptions, type Stranded } from './schedule.ts';

type Candidate = { name: string; decisions: Decisions; options: ScheduleOptions; schedule: Schedule };

export type SolveOptions = {
  timeLimitSeconds?: number;
  /** A proven lower bound, from the LP relaxation, when the caller has one. */
  bound?: number | null;
  /** The LP relaxation's share of each lot moved, to start the search from. */
  moveFraction?: Readonly<Record<string, number>>;
  onProgress?: (message: string) => void;
  /** The previous plan's movements and dispositions still to come: kept unless changing them is clearly better. */
  pinned?: Pinned;
  /** Number of the first new movement id. */
  firstId?: number;
};

/** A re-plan gives up kept movements only for a plan at least this share cheaper. */
export const CLEARLY_BETTER = 0.02;

/** `baseline` is null when the greedy baseline itself leaves people behind. */
export type SolveResult = { ok: true; plan: Plan; baseline: Plan | null } | { ok: false; stranded: Stranded[] };

/** The spreadsheet baseline: move everything, fewest days first, destroy what does not fit. */
const BASELINE: ScheduleOptions = { naiveRouting: true, destroyOnly: true };

export function solve(scenario: Scenario, options: SolveOptions = {}): SolveResult {
  const opts = options;
  const started = performance.now();
  const model = buildModel(scenario);
  // Leave a little of the budget for the final check and assembly, so the limit holds.
  const budget = (options.timeLimitSeconds ?? 10) * 1000;
  const deadline = started + budget - Math.min(2000, budget * 0.03);
  const total = (s: Schedule) => (s.stranded.length > 0 ? Infinity : objectiveOf(model, s.movements, s.dispositions).total);

  const base = schedule(model, moveEverything(), BASELINE);
  const candidates: Candidate[] = [repairStranded(model, { name: 'baseline', decisions: moveEverything(), options: BASELINE, schedule: base })];
  const starts: [string, Decisions][] = [['move-all', moveEverything()], ['economic', economicDecisions(model)], ['dispose-all', disposeEverything(model)]];
  if (options.moveFraction) starts.push(['lp-guided', lpDecisions(model, options.moveFraction)]);
  for (const [name, decisions] of starts) {
    for (const options of [{ firstId: opts.firstId }, { peopleAsap: true, firstId: opts.firstId }] as ScheduleOptions[]) {
      candidates.push(repairStranded(model, { name: options.peopleAsap ? `${name}/people-asap` : name, decisions, options, schedule: schedule(model, decisions, options) }));
    }
  }
  const pinnedIds = new Set(options.pinned?.movements.map((m) => m.id) ?? []);
  if (options.pinned) {
    // Keep everything, or only the next week and plan the rest afresh: when capacity shrinks,
    // keeping all of it can cost more than changing the later part.
    const first = toEpochDay(scenario.start);
    const within = (days: number): Pinned => ({
      movements: options.pinned!.movements.filter((m) => toEpochDay(m.depart) < first + days),
      dispositions: options.pinned!.dispositions.filter((d) => toEpochDay(d.on) < first + days),
    });
    const stableWith = (label: string, pinned: Pinned, variants: boolean[] = [false]) => {
      for (const peopleAsap of variants) {
        const o: ScheduleOptions = { pinned, firstId: options.firstId, peopleAsap };
        candidates.push(repairStranded(model, { name: peopleAsap ? `${label}/people-asap` : label, decisions: moveEverything(), options: o, schedule: schedule(model, moveEverything(), o) }));
      }
    };
    stableWith('stable', options.pinned, [false, true]);
    // Repairs: give up the kept movements around those that could not be made again (from the
    // first day one failed, or at the sites where they failed), and keep the rest.
    const made = new Set(candidates.find((c) => c.name === 'stable')!.schedule.movements.map((m) => m.id));
    const failed = options.pinned.movements.filter((m) => !made.has(m.id));
    if (failed.length > 0) {
      const t0 = Math.min(...failed.map((m) => toEpochDay(m.depart)));
      const sites = new Set(failed.flatMap((m) => [m.from, m.to]));
      const without = (drop: (m: { depart: string; from: string; to: string }) => boolean): Pinned => ({
        movements: options.pinned!.movements.filter((m) => !drop(m)),
        dispositions: options.pinned!.dispositions.filter((d) => !drop({ depart: d.on, from: d.site, to: d.site })),
      });
      stableWith('repair-sites', without((m) => toEpochDay(m.depart) >= t0 && (sites.has(m.from) || sites.has(m.to))));
    }
    stableWith('stable-3w', within(21));
    stableWith('stable-1w', within(7));
  }
  candidates.sort((a, b) => total(a.schedule) - total(b.schedule));
  let best = candidates[0]!;
  const kept = (c: Candidate) => c.schedule.movements.filter((m) => pinnedIds.has(m.id)).length;
  if (options.pinned && Number.isFinite(total(best.schedule))) {
    // Stability: of the plans no more than CLEARLY_BETTER dearer than the cheapest, the one that
    // keeps most of the previous plan.
    const near = candidates.filter((c) => total(c.schedule) <= total(best.schedule) * (1 + CLEARLY_BETTER) + 1e-6);
    best = near.sort((a, b) => kept(b) - kept(a) || total(a.schedule) - total(b.schedule))[0]!;
  }
  if (!Number.isFinite(total(best.schedule))) {
    const stranded = candidates.map((c) => c.schedule.stranded).sort((a, b) => a.length - b.length)[0]!;
    return { ok: false, stranded };
  }
  options.onProgress?.(`start: ${best.name} ${Math.round(total(best.schedule))} (best of ${candidates.length}: ${candidates.slice(0, 4).map((c) => `${c.name} ${Math.round(total(c.schedule))}`).join(', ')}${candidates.length > 4 ? ', …' : ''})`);
  const improved = improve(model, best, deadline, total, options.onProgress, options.moveFraction);
  // A re-plan's search may trade kept movements only for a clearly cheaper plan.
  if (!options.pinned || kept(improved) >= kept(best) || total(improved.schedule) < total(best.schedule) * (1 - CLEARLY_BETTER)) best = improved;
  // A last check against every rule, by the independent verifier: a plan that breaks one is
  // never handed out while another candidate keeps them all.
  const keeps = (c: Candidate) => verifyPlan(model.scenario, assemblePlan(model, c.schedule, { bound: null, solveSeconds: 0, method: c.name })).ok;
  if (!keeps(best)) {
    const fallback = candidates.filter((c) => Number.isFinite(total(c.schedule))).find(keeps);
    if (fallback) best = fallback;
  }
  const seconds = (performance.now() - started) / 1000;
  const plan = assemblePlan(model, best.schedule, { bound: options.bound ?? null, solveSeconds: seconds, method: best.name });
  const baseSchedule = candidates.find((c) => c.name === 'baseline')!.schedule;
  const greedy = baseSchedule.stranded.length > 0 ? null : assemblePlan(model, baseSchedule, { bound: null, solveSeconds: 0, method: 'baseline' });
  const baseline = greedy && verifyPlan(model.scenario, greedy).ok ? greedy : null;
  return { ok: true, plan, baseline };
}

/**
 * When cargo is stranded for lack of capacity while cheaper cargo took that capacity, give up
 * the cheapest cargo (by value per truckload and per unit of transport cost) at its origin, so
 * the fleet goes to what is worth more. Repeats while the whole plan gets cheaper.
 */
function exchange(model: Model, start: Candidate, deadline: number, total: (s: Schedule) => number, progress?: (m: string) => void): Candidate {
  const routing = buildRouting(model);
  const moveCost = (lotId: string) => {
    const lot = model.lot.get(lotId)!;
    return Math.max(1, routing.value[lot.cls][model.site.get(lot.site)!.index]![0]!);
  };
  // Worth per truckload, per unit of what moving a truckload costs: low means give it up first.
  const density = (lotId: string) => {
    const lot = model.lot.get(lotId)!;
    return lot.value / Math.max(lot.loads, 1e-9) / moveCost(lotId);
  };
  let best = start;
  let bestTotal = total(best.schedule);
  for (let round = 0; round < 30 && performance.now() < deadline; round++) {
    const stuck = best.schedule.dispositions.filter((d) => d.on !== model.scenario.start && model.lot.get(d.lot)!.loads > 0);
    if (stuck.length === 0) break;
    const need = stuck.reduce((a, d) => a + d.count * model.lot.get(d.lot)!.loads, 0);
    const ceiling = Math.max(...stuck.map((d) => density(d.lot)));
    const stuckLots = new Set(stuck.map((d) => d.lot));
    const movable = model.lots
      .filter((l) => l.loads > 0 && !stuckLots.has(l.id) && (best.decisions.dispose.get(l.id) ?? 0) < l.count && density(l.id) < ceiling && cheapestDisposal(model.scenario, l, model.site.get(l.site)!))
      .sort((a, b) => density(a.id) - density(b.id));
    let accepted = false;
    for (const share of [1, 0.5, 0.25, 0.1]) {
      if (performance.now() > deadline) break;
      const dispose = new Map(best.decisions.dispose);
      const reasons = new Map(best.decisions.reasons ?? []);
      let freed = 0;
      for (const lot of movable) {
        if (freed >= need * share) break;
        const already = dispose.get(lot.id) ?? 0;
        const n = Math.min(lot.count - already, Math.ceil((need * share - freed) / lot.loads));
        dispose.set(lot.id, already + n);
        reasons.set(lot.id, 'the fleet is fully used and this load is worth less per truck than others that would otherwise be lost');
        freed += n * lot.loads;
      }
      if (freed === 0) break;
      const decisions = { dispose, reasons };
      const s = schedule(model, decisions, start.options);
      const t = total(s);
      if (t < bestTotal - 1e-6) {
        best = { name: `${start.name}+exchange`, decisions, options: start.options, schedule: s };
        bestTotal = t;
        accepted = true;
        progress?.(`exchange: ${Math.round(t)}`);
        break;
      }
    }
    if (!accepted) break;
  }
  return best;
}

/**
 * Local search over the decisions: for each lot, try disposing of all of it at origin or moving
 * all of it, and keep the change when the whole re-scheduled plan gets cheaper.
 */
function improve(
  model: Model,
  start: Candidate,
  deadline: number,
  total: (s: Schedule) => number,
  progress?: (m: string) => void,
  moveFraction?: Readonly<Record<string, number>>,
): Candidate {
  let best = exchange(model, start, deadline, total, progress);
  let bestTotal = total(best.schedule);
  // Lots stranded in the best plan, then the rest by value per unit, cheapest first.
  const strandedLots = new Set(best.schedule.dispositions.filter((d) => !best.decisions.dispose.has(d.lot)).map((d) => d.lot));
  // Where the LP relaxation disagrees most with the current decision, look first.
  const lpDispose = (id: string, count: number) => (moveFraction?.[id] === undefined ? undefined : count - Math.round(moveFraction[id]! * count));
  const disagreement = (l: (typeof model.lots)[number]) => {
    const target = lpDispose(l.id, l.count);
    return target === undefined ? 0 : Math.abs(target - (best.decisions.dispose.get(l.id) ?? 0)) * l.value;
  };
  const order = [...model.lots].sort((a, b) => Number(strandedLots.has(b.id)) - Number(strandedLots.has(a.id)) || disagreement(b) - disagreement(a) || a.value - b.value);
  let improved = true;
  for (let round = 0; improved && round < 3; round++) {
    improved = false;
    for (const lot of order) {
      if (performance.now() > deadline) return best;
      const current = best.decisions.dispose.get(lot.id) ?? 0;
      const target = lpDispose(lot.id, lot.count);
      const tries = [current > 0 ? 0 : lot.count, ...(target !== undefined && target !== current && target > 0 && target < lot.count ? [target] : [])];
      for (const n of tries) {
        const dispose = new Map(best.decisions.dispose);
        if (n === 0) dispose.delete(lot.id);
        else dispose.set(lot.id, n);
        const reasons = new Map(best.decisions.reasons ?? []);
        if (n > 0) reasons.set(lot.id, `moving it would take truck or escort capacity that saves more elsewhere (the whole plan is cheaper without moving it)`);
        const decisions = { dispose, reasons };
        const s = schedule(model, decisions, start.options);
        const t = total(s);
        if (t < bestTotal - 1e-6) {
          best = { name: `${best.name.replace(/\+search$/, '')}+search`, decisions, options: start.options, schedule: s };
          bestTotal = t;
          improved = true;
          progress?.(`improved: ${Math.round(t)}`);
        }
      }
    }
  }
  return best;
}

/**
 * People stranded at a site because its guard had to wait for cargo that could never leave:
 * dispose of that cargo at its origin on the first day instead, so the guard can go earlier.
 */
function repairStranded(model: Model, c: Candidate): Candidate {
  let current = c;
  for (let i = 0; i < 6 && current.schedule.stranded.length > 0; i++) {
    const sites = new Set(current.schedule.stranded.map((s) => s.site));
    const dispose = new Map(current.decisions.dispose);
    const reasons = new Map(current.decisions.reasons ?? []);
    let changed = false;
    for (const d of current.schedule.dispositions) {
      if (!sites.has(d.site) || d.on === model.scenario.start) continue;
      const lot = model.lot.get(d.lot)!;
      dispose.set(d.lot, Math.min(lot.count, (dispose.get(d.lot) ?? 0) + d.count));
      reasons.set(d.lot, `${d.reason}; disposed of at once so the guard of ${d.site} can leave in time`);
      changed = true;
    }
    if (!changed) break;
    const decisions = { dispose, reasons };
    current = { ...current, decisions, schedule: schedule(model, decisions, current.options) };
  }
  return current;
}
