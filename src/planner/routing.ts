// Cost-to-exit tables over days: value[cls][site][d] is the cheapest cost per unit (person or
// truckload) of getting from `site` on day d to an exit, departing on d or later, with every
// deadline and leg closure kept. The scheduler uses it to choose today's leg, or to wait.
import type { ItemClass, Model, ModelLeg } from './model.ts';

export type Routing = {
  value: Record<ItemClass, Float64Array[]>; // [site index][day], day in 0..horizon+1
  /** The day after which a site must be empty (its deadline, or earlier if people could not leave later). */
  lastDay: number[];
  unitCost(cls: ItemClass, leg: ModelLeg): number;
};

export function unitCost(model: Model, cls: ItemClass, leg: ModelLeg): number {
  const { fleet, costs } = model.scenario;
  if (leg.mode === 'air') {
    if (cls === 'people') return fleet.air.seats > 0 ? costs.air_sortie / fleet.air.seats : Infinity;
    if (cls === 'air') return fleet.air.truckloads > 0 ? costs.air_sortie / fleet.air.truckloads : Infinity;
    return Infinity; // ammunition, weapons and self-driving vehicles do not fly
  }
  if (cls === 'people') return fleet.seats_per_truck > 0 ? leg.truckCost / fleet.seats_per_truck + leg.personRisk : Infinity;
  if (cls === 'vehicle') return leg.km * 1e-6; // they drive with a convoy; only prefer shorter roads
  return leg.truckCost / fleet.truck_capacity;
}

/** Whether a leg may be departed on day d and arrive in time. */
export function canDepart(model: Model, lastDay: readonly number[], leg: ModelLeg, d: number): boolean {
  if (d > model.horizon || leg.closed[d]) return false;
  return d <= lastDay[leg.fromIndex]! && d + leg.days <= lastDay[leg.toIndex]!;
}

export function buildRouting(model: Model, override: Map<string, number> = new Map()): Routing {
  const n = model.sites.length;
  let lastDay = model.sites.map((s) => Math.min(s.deadlineDay, override.get(s.id) ?? Infinity));
  // A camp whose people cannot leave after day x must be empty after x: tighten with the people
  // table alone until nothing changes, then build every table once.
  let people = compute(model, lastDay, 'people');
  for (let iter = 0; iter < n + 1; iter++) {
    let changed = false;
    const next = lastDay.slice();
    for (const s of model.sites) {
      if (s.isExit) continue;
      let last = -1;
      for (let d = lastDay[s.index]!; d >= 0; d--) {
        if (Number.isFinite(people[s.index]![d]!)) {
          last = d;
          break;
        }
      }
      // A site with no way out for people keeps its deadline; the scheduler reports it.
      if (last >= 0 && last < next[s.index]!) {
        next[s.index] = last;
        changed = true;
      }
    }
    if (!changed) break;
    lastDay = next;
    people = compute(model, lastDay, 'people');
  }
  const value = { people, air: compute(model, lastDay, 'air'), road: compute(model, lastDay, 'road'), vehicle: compute(model, lastDay, 'vehicle') };
  return { value, lastDay, unitCost: (cls, leg) => unitCost(model, cls, leg) };
}

function compute(model: Model, lastDay: readonly number[], cls: ItemClass): Float64Array[] {
  const H = model.horizon;
  const v = model.sites.map((s) => {
    const a = new Float64Array(H + 2).fill(Infinity);
    if (s.isExit) a.fill(0);
    return a;
  });
  const legs = model.legs
    .map((leg) => ({ leg, cost: unitCost(model, cls, leg) }))
    .filter((x) => Number.isFinite(x.cost));
  const from = model.sites.map(() => [] as { leg: ModelLeg; cost: number }[]);
  for (const x of legs) from[x.leg.fromIndex]!.push(x);
  for (let d = H; d >= 0; d--) {
    for (const s of model.sites) {
      const last = lastDay[s.index]!;
      if (s.isExit || d > last) continue;
      let best = d + 1 <= last ? v[s.index]![d + 1]! : Infinity;
      for (const { leg, cost } of from[s.index]!) {
        const arrive = d + leg.days;
        if (leg.closed[d] || arrive > lastDay[leg.toIndex]!) continue;
        const total = cost + v[leg.toIndex]![arrive]!;
        if (total < best) best = total;
      }
      v[s.index]![d] = best;
    }
  }
  return v;
}
