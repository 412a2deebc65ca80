// The whole planning step: the LP bound first (it also guides the search), then the search in
// the time left. No I/O; the caller runs this in a worker when the event loop matters.
import type { Scenario } from '../domain/scenario/schema.ts';
import { lowerBound } from './bound/bound.ts';
import { type SolveResult, solve } from './solve.ts';

export type PlanOptions = {
  timeLimitSeconds?: number;
  onProgress?: (message: string) => void;
};

export type PlanResult = SolveResult & { boundStatus: string; boundSeconds: number };

export async function makePlan(scenario: Scenario, options: PlanOptions = {}): Promise<PlanResult> {
  const started = performance.now();
  const limit = options.timeLimitSeconds ?? 10;
  options.onProgress?.('bounding: solving the LP relaxation');
  // The bound may use most of the budget; the search needs little on its own.
  const buckets = bucketDaysFor(scenario);
  let lp = await lowerBound(scenario, { timeLimitSeconds: limit * 0.5, bucketDays: buckets });
  if (lp.bound === null && lp.status !== 'infeasible') {
    // A coarser relaxation solves far faster and is still a proven (if weaker) bound.
    options.onProgress?.(`bound: ${lp.status} with ${buckets}-day steps; trying ${buckets * 4}-day steps`);
    lp = await lowerBound(scenario, { timeLimitSeconds: limit * 0.2, bucketDays: buckets * 4 });
  }
  options.onProgress?.(`bound: ${lp.status}${lp.bound === null ? '' : ` ${Math.round(lp.bound)}`} in ${lp.seconds.toFixed(1)} s`);
  const left = Math.max(0.5, limit - (performance.now() - started) / 1000);
  const result = solve(scenario, { timeLimitSeconds: left, bound: lp.bound, moveFraction: lp.bound === null ? undefined : lp.moveFraction, onProgress: options.onProgress });
  if (result.ok) result.plan.solve_seconds = (performance.now() - started) / 1000;
  return { ...result, boundStatus: lp.status, boundSeconds: lp.seconds };
}

/**
 * Days per time bucket of the LP. Daily for a mission the size of MINUSMA (~5,000 leg-days);
 * coarser above, where the daily LP does not solve in time. Buckets keep it a valid bound and
 * cost little when the fleet is not tight (see bound/README.md).
 */
export function bucketDaysFor(scenario: Scenario): number {
  const days = (Date.parse(scenario.end) - Date.parse(scenario.start)) / 86_400_000 + 1;
  const legDays = scenario.legs.length * days;
  return legDays <= 15_000 ? 1 : Math.ceil(legDays / 8_000);
}
