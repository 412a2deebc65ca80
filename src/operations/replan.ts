// Re-planning from the state: the residual scenario, the previous plan's movements kept where
// they still hold, and what changed. Saved as the mission's current plan when made for today.
import { DrawdownError } from '../domain/errors.ts';
import { foldState } from '../domain/events/fold.ts';
import { residualScenario } from '../domain/events/residual.ts';
import type { MissionEvent } from '../domain/events/schema.ts';
import type { MissionState } from '../domain/events/state.ts';
import type { Objective, Plan } from '../domain/plan/schema.ts';
import { checkScenario } from '../domain/scenario/semantic.ts';
import type { Scenario } from '../domain/scenario/schema.ts';
import { diffPlans, type PlanChanges } from '../planner/replan/diff.ts';
import { lastMovementNumber, movementIds, stillToCome } from '../planner/replan/pinned.ts';
import { realizedObjective } from '../planner/replan/realized.ts';
import { strandedLines } from '../planner/schedule.ts';
import { planInWorker } from '../planner/worker.ts';
import type { MissionStore } from '../store/store.ts';
import { loadMission, type Mission, type Planner, stateOn } from './mission.ts';

/** A re-plan's time limit: the target is about a second, start-up included. */
export const REPLAN_SECONDS = 0.6;
export const FIRST_PLAN_SECONDS = 10;

export type ReplanOptions = {
  asOf?: string;
  timeLimitSeconds?: number;
  onProgress?: (m: string) => void;
  planner?: Planner;
  /** Hypothetical events (a what-if): folded in for the constraints, never recorded. */
  hypothetical?: MissionEvent[];
  /** The plan to keep movements of; the stored current plan by default. */
  previous?: Plan | null;
  save?: boolean;
};

export type PlanSummary = {
  as_of: string;
  /** The whole mission: what is done plus what the plan still has to do. */
  mission_total: number;
  realized: Omit<Objective, 'value_recovered'>;
  remaining: Objective;
  changes: PlanChanges | null;
  replan_ms: number;
  /** Legs whose risk recent incidents have raised. */
  risks: { leg: string; base: number; current: number; incidents: number }[];
  under_way: number;
};

export type Replan = { state: MissionState; residual: Scenario; plan: Plan; summary: PlanSummary; saved: boolean };

export async function replan(store: MissionStore, o: ReplanOptions = {}): Promise<Replan> {
  const mission = await loadMission(store);
  const out = await replanMission(mission, o.previous === undefined ? (await store.plan('current'))?.plan ?? null : o.previous, o);
  // Only a plan for the mission's present becomes its current plan; one for a past day is a look back.
  const saved = (o.save ?? true) && !o.hypothetical && out.state.asOf >= mission.today;
  if (saved) await store.savePlan({ name: 'current', kind: 'current', asOf: out.state.asOf, logSeq: mission.head, events: '', plan: out.plan, summary: out.summary });
  return { ...out, saved };
}

export async function replanMission(mission: Mission, previous: Plan | null, o: ReplanOptions = {}): Promise<Omit<Replan, 'saved'>> {
  const state = stateOn(mission, o.asOf);
  const constraints = o.hypothetical?.length ? foldState(mission.scenario, [...mission.events, ...o.hypothetical], maxDay(state.asOf, o.hypothetical)) : state;
  const residual = residualScenario(state, constraints);
  const problems = checkScenario(residual);
  if (problems.length > 0) {
    throw new DrawdownError('DRW_INFEASIBLE', `the mission on ${state.asOf} cannot be planned`, problems.map((p) => `${p.path.join('.')}: ${p.message}`));
  }
  const pinned = previous ? stillToCome(previous, state) : undefined;
  const firstId = 1 + lastMovementNumber(movementIds(previous ?? undefined, state));
  const planner = o.planner ?? planInWorker;
  const started = performance.now();
  // A first plan has no previous one to keep and no hurry: it gets the planner's usual time.
  const limit = o.timeLimitSeconds ?? (previous ? REPLAN_SECONDS : FIRST_PLAN_SECONDS);
  const result = await planner(residual, { timeLimitSeconds: limit, onProgress: o.onProgress, pinned, firstId });
  const ms = performance.now() - started;
  if (!result.ok) {
    throw new DrawdownError('DRW_INFEASIBLE', `no plan brings everyone out of ${result.stranded.map((s) => s.site).join(', ')} from ${state.asOf}`, strandedLines(result.stranded));
  }
  const realized = realizedObjective(state);
  const summary: PlanSummary = {
    as_of: state.asOf,
    mission_total: realized.total + result.plan.objective.total,
    realized,
    remaining: result.plan.objective,
    changes: pinned ? diffPlans(pinned, result.plan) : null,
    replan_ms: Math.round(ms),
    risks: constraints.legRisks.filter((r) => r.current > r.base).map((r) => ({ leg: `${r.from}→${r.to} (${r.mode})`, base: r.base, current: r.current, incidents: r.incidents })),
    under_way: [...state.movements.values()].filter((m) => !m.arrived).length,
  };
  return { state, residual, plan: result.plan, summary };
}

function maxDay(day: string, events: readonly MissionEvent[]): string {
  return events.reduce((d, e) => (e.on > d ? e.on : d), day);
}
