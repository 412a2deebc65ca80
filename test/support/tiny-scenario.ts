// Tiny hand-made scenarios for planner tests: one camp, one exit, a road of 100 km, ten days.
import { type Scenario, type ScenarioInput, scenarioSchema } from '../../src/domain/scenario/schema.ts';

export type SiteInput = NonNullable<ScenarioInput['sites']>[number];

export const camp = (extra: Partial<SiteInput> = {}): SiteInput => ({ id: 'c', name: 'Camp', kind: 'camp', lat: 18, lon: 1, deadline: '2023-07-06', ...extra });
export const exit: SiteInput = { id: 'x', name: 'Exit', kind: 'exit', lat: 6, lon: 2 };
export const road = (from: string, to: string, km: number, days = 1, risk = 0) => ({ from, to, mode: 'road' as const, km, days, risk });

/** H = 10 days, one camp and one exit, a road of 100 km (600 a truck), no aircraft; `fleet` over `baseFleet`. */
export function tinyScenario(over: Partial<ScenarioInput> = {}, fleet: Partial<ScenarioInput['fleet']> = {}, baseFleet: Partial<ScenarioInput['fleet']> = {}): Scenario {
  return scenarioSchema.parse({
    version: 1,
    mission: 'test',
    start: '2023-07-01',
    end: '2023-07-11',
    sites: [camp(), exit],
    legs: [road('c', 'x', 100)],
    fleet: { trucks: 10, truck_capacity: 1, seats_per_truck: 20, convoy_max_trucks: 10, escorts: 5, air: { sorties_per_day: 0, seats: 0, truckloads: 0 }, ...baseFleet, ...fleet },
    costs: { truck_km: 3, air_sortie: 60000, destroy_per_truckload: 5000, sell_recovers: 0.2, risk_per_truck: 20000, risk_per_person: 2000 },
    ...over,
  });
}
