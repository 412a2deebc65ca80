// The objective of what has already happened (SCENARIO.md's formula over the recorded
// movements and dispositions, each leg at the risk it had in the scenario), so a re-plan can be
// told as the whole mission's total: what is done plus what the plan still has to do.
import type { MissionState } from '../../domain/events/state.ts';
import type { Objective } from '../../domain/plan/schema.ts';
import { disposalParts } from '../disposal.ts';

export function realizedObjective(state: MissionState): Omit<Objective, 'value_recovered'> {
  const s = state.base;
  const legs = new Map(s.legs.map((l) => [`${l.from}>${l.to}>${l.mode}`, l]));
  let cost = 0;
  let risk = 0;
  let valueLost = 0;
  for (const m of state.movements.values()) {
    if (m.mode === 'air') {
      cost += s.costs.air_sortie;
      continue;
    }
    const leg = legs.get(`${m.from}>${m.to}>road`);
    if (!leg) continue;
    const people = m.people.reduce((a, p) => a + p.count, 0);
    cost += s.costs.truck_km * leg.km * m.trucks * 2;
    risk += leg.risk * (s.costs.risk_per_truck * m.trucks + s.costs.risk_per_person * people);
  }
  const lots = new Map(s.sites.flatMap((site) => site.lots.map((l) => [l.id, l] as const)));
  for (const d of state.dispositions) {
    const lot = lots.get(d.lot);
    if (!lot) continue;
    const parts = disposalParts(s, lot, d.action);
    valueLost += parts.valueLost * d.count;
    cost += parts.cost * d.count;
  }
  return { total: valueLost + cost + risk, value_lost: valueLost, cost, risk };
}
