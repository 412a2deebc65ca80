// The objective of SCENARIO.md, recomputed from the plan's actions alone, and the check that the
// plan reports it (and its bound and gap) truthfully.
import type { Objective, Plan } from '../../domain/plan/schema.ts';
import type { Scenario } from '../../domain/scenario/schema.ts';
import { buildLookup, fmt, legKey, type Lookup } from './lookup.ts';
import { violation, type Violation } from './types.ts';

export function computeObjective(scenario: Scenario, plan: Plan): Objective {
  return objectiveOf(buildLookup(scenario), plan);
}

export function objectiveOf(look: Lookup, plan: Plan): Objective {
  const { costs } = look.scenario;
  let valueLost = 0;
  let cost = 0;
  let risk = 0;
  for (const m of plan.movements) {
    if (m.mode === 'air') {
      cost += costs.air_sortie;
      continue;
    }
    // An unknown leg (a rule 6 error) contributes nothing: there is no distance or risk to price.
    const leg = look.legs.get(legKey(m.from, m.to, 'road'));
    if (!leg) continue;
    const people = m.people.reduce((s, p) => s + p.count, 0);
    cost += costs.truck_km * leg.km * m.trucks * 2;
    risk += leg.risk * (costs.risk_per_truck * m.trucks + costs.risk_per_person * people);
  }
  for (const d of plan.dispositions) {
    const found = look.lots.get(d.lot);
    if (!found) continue;
    const { lot } = found;
    const value = lot.value * d.count;
    valueLost += d.action === 'sell' ? (1 - costs.sell_recovers) * value : value;
    if (d.action === 'destroy' || d.action === 'decommission') {
      // A lot that drives itself (truckloads 0) still costs one truckload to destroy.
      cost += costs.destroy_per_truckload * (lot.truckloads === 0 ? 1 : lot.truckloads) * d.count;
    }
  }
  let totalValue = 0;
  for (const { lot } of look.lots.values()) totalValue += lot.value * lot.count;
  return {
    total: valueLost + cost + risk,
    value_recovered: totalValue - valueLost,
    value_lost: valueLost,
    risk,
    cost,
  };
}

/** Equal within 1e-6 relative or 0.01 absolute, whichever is looser. */
export function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(0.01, 1e-6 * Math.max(Math.abs(a), Math.abs(b)));
}

const PARTS = ['total', 'value_recovered', 'value_lost', 'risk', 'cost'] as const;

export function checkObjective(plan: Plan, recomputed: Objective): Violation[] {
  const out: Violation[] = [];
  const add = (message: string, where: string) => out.push(violation('objective', 'reported figures', message, where));
  for (const part of PARTS) {
    const reported = plan.objective[part];
    if (typeof reported !== 'number' || !close(reported, recomputed[part])) {
      add(`the plan reports ${part} ${typeof reported === 'number' ? fmt(reported) : String(reported)}, recomputed ${fmt(recomputed[part])}`, part);
    }
  }
  const total = recomputed.total;
  if (plan.bound !== null) {
    // A lower bound above what this very plan achieves cannot be a lower bound.
    if (plan.bound > total && !close(plan.bound, total)) add(`bound ${fmt(plan.bound)} is above the plan's recomputed total ${fmt(total)}`, 'bound');
    // The gap is a statement about the plan's own figures, so it is judged against its reported total.
    const reportedTotal = plan.objective.total;
    const gap = (reportedTotal - plan.bound) / Math.max(Math.abs(reportedTotal), 1);
    if (plan.gap === null) add(`bound ${fmt(plan.bound)} is given but gap is null; it should be ${fmt(gap)}`, 'gap');
    else if (Math.abs(plan.gap - gap) > 1e-6) add(`gap ${fmt(plan.gap)} should be (total − bound) / max(|total|, 1) = ${fmt(gap)}`, 'gap');
  } else if (plan.gap !== null) {
    add(`gap ${fmt(plan.gap)} is given without a bound`, 'gap');
  }
  return out;
}
