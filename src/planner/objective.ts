// The planner's own reckoning of SCENARIO.md's objective. The verifier recomputes it apart.
import type { Disposition, Movement, Objective } from '../domain/plan/schema.ts';
import type { Model } from './model.ts';
import { disposalParts } from './disposal.ts';

export function objectiveOf(model: Model, movements: readonly Movement[], dispositions: readonly Disposition[]): Objective {
  const { costs } = model.scenario;
  let cost = 0;
  let risk = 0;
  let valueLost = 0;
  const legOf = new Map(model.legs.map((l) => [`${l.from}>${l.to}:${l.mode}`, l]));
  for (const m of movements) {
    const leg = legOf.get(`${m.from}>${m.to}:${m.mode}`)!;
    if (m.mode === 'air') {
      cost += costs.air_sortie;
      continue;
    }
    const people = m.people.reduce((a, p) => a + p.count, 0);
    cost += costs.truck_km * leg.km * m.trucks * 2;
    risk += leg.risk * (costs.risk_per_truck * m.trucks + costs.risk_per_person * people);
  }
  for (const d of dispositions) {
    const lot = model.lot.get(d.lot)!;
    const parts = disposalParts(model.scenario, lot, d.action);
    valueLost += parts.valueLost * d.count;
    cost += parts.cost * d.count;
  }
  const totalValue = model.lots.reduce((a, l) => a + l.value * l.count, 0);
  const total = valueLost + cost + risk;
  return { total, value_recovered: totalValue - valueLost, value_lost: valueLost, risk, cost };
}
