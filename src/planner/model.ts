// The scenario prepared for planning: days as numbers (day 0 = start), deadlines as day
// numbers, legs with their per-truck / per-person / per-sortie costs and their open days.
import { toEpochDay } from '../domain/dates.ts';
import { piecesOf } from '../domain/scenario/pieces.ts';
import type { Leg, Lot, Scenario, Site } from '../domain/scenario/schema.ts';

export type CargoClass = 'air' | 'road' | 'vehicle';
/** How an item travels: people; cargo that may fly; cargo that may not (ammunition, weapons); self-driving vehicles. */
export type ItemClass = 'people' | CargoClass;

export type ModelLeg = Leg & {
  index: number;
  fromIndex: number;
  toIndex: number;
  /** Cost of one truck on this leg (there and back) plus its risk weight. */
  truckCost: number;
  /** Risk weight of one person crossing. */
  personRisk: number;
  /** closed[d] is true when the leg cannot be departed on day d. */
  closed: boolean[];
};

export type ModelSite = Site & { index: number; deadlineDay: number; isExit: boolean };

/** A lot, or the piece of one that is elsewhere when a scenario starts mid-operation. */
export type ModelLot = Lot & { site: string; cls: CargoClass; loads: number; day: number; origin: string; home: string };

/** A personnel group, or a piece of one (see pieces.ts); `home` is the site it is "of". */
export type ModelGroup = { id: string; origin: string; home: string; site: string; count: number; essential: boolean; day: number };

export type Model = {
  scenario: Scenario;
  horizon: number; // last day index (end − start)
  start: number; // epoch day of start
  sites: ModelSite[];
  site: Map<string, ModelSite>;
  legs: ModelLeg[];
  legsFrom: Map<string, ModelLeg[]>;
  lots: ModelLot[];
  lot: Map<string, ModelLot>;
  groups: ModelGroup[];
  /** Trucks and escorts busy on days 0..until with movements under way at the start. */
  busy: { until: number; trucks: number; escorts: number; sorties: number }[];
  /** Whether the scenario starts mid-operation, with pieces in place of some lots and groups. */
  midOperation: boolean;
};

export function cargoClass(lot: Lot): CargoClass {
  if (lot.truckloads === 0) return 'vehicle';
  return lot.kind === 'ammunition' || lot.kind === 'weapon' ? 'road' : 'air';
}

export function buildModel(scenario: Scenario): Model {
  const start = toEpochDay(scenario.start);
  const horizon = toEpochDay(scenario.end) - start;
  const day = (date: string) => toEpochDay(date) - start;
  const sites: ModelSite[] = scenario.sites.map((s, index) => ({
    ...s,
    index,
    isExit: s.kind === 'exit',
    // A deadline already passed (an empty site, mid-operation) counts as the first day.
    deadlineDay: s.kind === 'exit' || !s.deadline ? horizon : Math.max(0, Math.min(horizon, day(s.deadline))),
  }));
  const { costs } = scenario;
  const legs: ModelLeg[] = scenario.legs.map((leg, index) => {
    const closed = new Array<boolean>(horizon + 1).fill(false);
    for (const c of scenario.closures) {
      if (c.from !== leg.from || c.to !== leg.to || c.mode !== leg.mode) continue;
      for (let d = Math.max(0, day(c.first)); d <= Math.min(horizon, day(c.last)); d++) closed[d] = true;
    }
    const road = leg.mode === 'road';
    return {
      ...leg,
      index,
      fromIndex: scenario.sites.findIndex((x) => x.id === leg.from),
      toIndex: scenario.sites.findIndex((x) => x.id === leg.to),
      truckCost: road ? costs.truck_km * leg.km * 2 + leg.risk * costs.risk_per_truck : 0,
      personRisk: road ? leg.risk * costs.risk_per_person : 0,
      closed,
    };
  });
  const legsFrom = new Map<string, ModelLeg[]>();
  for (const l of legs) legsFrom.set(l.from, [...(legsFrom.get(l.from) ?? []), l]);
  const pieces = piecesOf(scenario);
  const availableOn = (arrives?: string) => (arrives === undefined ? 0 : Math.max(0, day(arrives)));
  const lots: ModelLot[] = pieces.lots.map((p) => ({ ...p.lot, id: p.id, count: p.count, site: p.site, cls: cargoClass(p.lot), loads: p.lot.truckloads, day: availableOn(p.arrives), origin: p.origin, home: p.home }));
  const groups: ModelGroup[] = pieces.groups.map((p) => ({ id: p.id, origin: p.origin, home: p.home, site: p.site, count: p.count, essential: p.group.essential, day: availableOn(p.arrives) }));
  const busy = (scenario.progress?.busy ?? []).map((b) => ({ until: Math.min(horizon + 1, day(b.until)), trucks: b.trucks, escorts: b.escorts, sorties: b.sorties }));
  return {
    scenario,
    horizon,
    start,
    sites,
    site: new Map(sites.map((s) => [s.id, s])),
    legs,
    legsFrom,
    lots,
    lot: new Map(lots.map((l) => [l.id, l])),
    groups,
    busy,
    midOperation: scenario.progress !== undefined,
  };
}
