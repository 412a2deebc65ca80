// The whole planning step: the LP bound first (it also guides the search), then the search in
// the time left, and for tiny scenarios the exact MIP. No I/O; the caller runs this in a worker when the event loop matters.
import type { Scenario } from '../domain/scenario/schema.ts';
import type { Plan } from '../domain/plan/schema.ts';
import { daysBetween } from '../domain/dates.ts';
import { relaxedScenario } from '../domain/scenario/pieces.ts';
import { lowerBound } from './bound/bound.ts';
import { exactPlan } from './exact/mip.ts';
import type { Pinned } from './schedule.ts';
import { type SolveResult, solve } from './solve.ts';

export type PlanOptions = {
  timeLimitSeconds?: number;
  onProgress?: (message: string) => void;
  /** For a re-plan: what to keep of the previous plan, and where new movement ids start. */
  pinned?: Pinned;
  firstId?: number;
};

export type PlanResult = SolveResult & { boundStatus: string; boundSeconds: number };

export async function makePlan(scenario: Scenario, options: PlanOptions = {}): Promise<PlanResult> {
  const started = performance.now();
  const limit = options.timeLimitSeconds ?? 10;
  options.onProgress?.('bounding: solving the LP relaxation');
  // The bound may use most of the budget; the search needs little on its own.
  const buckets = bucketDaysFor(scenario);
  // Mid-operation, the bound is that of the relaxed scenario (pieces free from the start).
  const relaxed = relaxedScenario(scenario);
  // A re-plan (with kept movements) must be quick: the bound gets a smaller share and no second try.
  const share = options.pinned ? 0.3 : 0.5;
  let lp = await lowerBound(relaxed, { timeLimitSeconds: limit * share, bucketDays: buckets });
  if (lp.bound === null && lp.status !== 'infeasible' && !options.pinned) {
    // A coarser relaxation solves far faster and is still a proven (if weaker) bound.
    options.onProgress?.(`bound: ${lp.status} with ${buckets}-day steps; trying ${buckets * 4}-day steps`);
    lp = await lowerBound(relaxed, { timeLimitSeconds: limit * 0.2, bucketDays: buckets * 4 });
  }
  options.onProgress?.(`bound: ${lp.status}${lp.bound === null ? '' : ` ${Math.round(lp.bound)}`} in ${lp.seconds.toFixed(1)} s`);
  const left = Math.max(options.pinned ? 0.2 : 0.5, limit - (performance.now() - started) / 1000);
  const result = solve(scenario, { timeLimitSeconds: left, bound: lp.bound, moveFraction: lp.bound === null ? undefined : lp.moveFraction, onProgress: options.onProgress, pinned: options.pinned, firstId: options.firstId });
  let final: SolveResult = result;
  // The exact MIP knows scenarios that start from the beginning only, without holds, and knows nothing of stability.
  if (isTiny(scenario) && !scenario.progress && !options.pinned && !scenario.sites.some((s) => s.hold_until)) {
    // Small enough for the full MIP of every rule: take its plan when it is better, and its
    // proof of optimality when it has one.
    options.onProgress?.('exact: solving the full MIP');
    const exact = await exactPlan(scenario, { timeLimitSeconds: Math.min(5, Math.max(0.5, limit * 0.3)) });
    const heuristic = result.ok ? result.plan.objective.total : Infinity;
    if (exact.plan && exact.total !== null && exact.total < heuristic - 1e-6 * Math.max(1, Math.abs(exact.total))) {
      final = { ok: true, plan: withReasons(exact.plan, exact.status === 'optimal' ? exact.total : lp.bound), baseline: result.ok ? result.baseline : null };
    } else if (result.ok && exact.status === 'optimal' && exact.total !== null) {
      // The heuristic's plan is as good as the proven optimum.
      result.plan.bound = result.plan.objective.total;
      result.plan.gap = 0;
    }
  }
  if (final.ok) final.plan.solve_seconds = (performance.now() - started) / 1000;
  return { ...final, boundStatus: lp.status, boundSeconds: lp.seconds };
}

/** A scenario small enough for the exact MIP to settle in a few seconds. */
function isTiny(scenario: Scenario): boolean {
  const items = scenario.sites.reduce((a, s) => a + s.lots.length + s.personnel.length, 0);
  return items * scenario.legs.length * (daysBetween(scenario.start, scenario.end) + 1) <= 2_000;
}

function withReasons(plan: Plan, bound: number | null): Plan {
  const total = plan.objective.total;
  const b = bound === null || bound > total ? null : bound;
  return {
    ...plan,
    method: 'exact-mip',
    bound: b,
    gap: b === null ? null : (total - b) / Math.max(Math.abs(total), 1),
    dispositions: plan.dispositions.map((d) => ({ ...d, reason: d.reason ?? 'in the proven optimal plan, moving it would cost more (transport, risk or capacity) than disposing of it' })),
  };
}

/**
 * Days per time bucket of the LP. Daily for a mission the size of MINUSMA (~5,000 leg-days);
 * coarser above, where the daily LP does not solve in time. Buckets keep it a valid bound and
 * cost little when the fleet is not tight (see bound/README.md).
 */
export function bucketDaysFor(scenario: Scenario): number {
  const days = daysBetween(scenario.start, scenario.end) + 1;
  const legDays = scenario.legs.length * days;
  return legDays <= 15_000 ? 1 : Math.ceil(legDays / 8_000);
}
