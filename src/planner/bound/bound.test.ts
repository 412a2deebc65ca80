import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../domain/scenario/parse.ts';
import type { Scenario, ScenarioInput } from '../../domain/scenario/schema.ts';
import { camp, exit, road, tinyScenario } from '../../../test/support/tiny-scenario.ts';
import { lowerBound } from './bound.ts';
import { buildModel } from './model.ts';

const scenario = (over: Partial<ScenarioInput> = {}, fleet: Partial<ScenarioInput['fleet']> = {}): Scenario => tinyScenario(over, fleet, { trucks: 100, convoy_max_trucks: 50 });

const container = (value: number, owner = 'UN', count = 10) => ({ id: 'box', kind: 'container' as const, count, truckloads: 1, value, owner });

/** The bound is at most `optimum` (it must be) and at least `lp` less a rounding hair. */
function expectBound(bound: number | null, lp: number, optimum = lp) {
  expect(bound).not.toBeNull();
  expect(bound!).toBeLessThanOrEqual(optimum + 1e-9);
  expect(bound!).toBeGreaterThanOrEqual(lp - 1e-6 * Math.max(1, Math.abs(lp)));
}

describe('lowerBound on hand-solved scenarios', () => {
  it('moves a lot when a truck costs less than selling it', async () => {
    // 600 per truckload (3 × 100 km × 2) against a sale that loses 800 of 1000.
    const r = await lowerBound(scenario({ sites: [camp({ lots: [container(1000)] }), exit] }));
    expect(r.status).toBe('optimal');
    expectBound(r.bound, 6000);
    expect(r.moveFraction.box).toBeCloseTo(1, 6);
  });

  it('sells a lot when the sale loses less than the trucks cost', async () => {
    const r = await lowerBound(scenario({ sites: [camp({ lots: [container(500)] }), exit] }));
    expectBound(r.bound, 4000);
    expect(r.moveFraction.box).toBeCloseTo(0, 6);
  });

  it('never sells contingent-owned equipment', async () => {
    // 1200 km: 7200 per truckload; a sale would lose 800, but COE may only be destroyed (1000 + 5000).
    const r = await lowerBound(scenario({ sites: [camp({ lots: [container(1000, 'COE/Chad')] }), exit], legs: [road('c', 'x', 1200)] }));
    expectBound(r.bound, 60000);
  });

  it('disposes of what a small fleet cannot carry in time', async () => {
    // Two trucks, a 2-day leg (busy 4 days), departures on days 0..5: at most 4 trips of one truckload.
    const s = scenario({ end: '2023-07-08', sites: [camp({ lots: [container(1000)] }), exit], legs: [road('c', 'x', 100, 2)] }, { trucks: 2 });
    const r = await lowerBound(s);
    expectBound(r.bound, 4 * 600 + 6 * 800);
    expect(r.moveFraction.box).toBeCloseTo(0.4, 6);
  });

  it('flies people when a sortie is cheaper than a risky road', async () => {
    // Road: 16 000 per truck of 20 seats + 1000 risk per person; air: 60 000 for 100 seats.
    const s = scenario(
      { sites: [camp({ personnel: [{ group: 'g', count: 100, essential: true }] }), exit], legs: [road('c', 'x', 1000, 3, 0.5), { from: 'c', to: 'x', mode: 'air', km: 900, days: 1 }] },
      { air: { sorties_per_day: 2, seats: 100, truckloads: 2 } },
    );
    const r = await lowerBound(s);
    expectBound(r.bound, 60000);
    expect(r.airPeople).toBeCloseTo(100, 4);
  });

  it('counts sorties fractionally (a relaxation), staying below the whole-sortie optimum', async () => {
    // 150 people: the best plan flies two sorties (120 000); the LP pays for 1.5.
    const s = scenario(
      { sites: [camp({ personnel: [{ group: 'g', count: 150, essential: true }] }), exit], legs: [road('c', 'x', 1000, 3, 0.5), { from: 'c', to: 'x', mode: 'air', km: 900, days: 1 }] },
      { air: { sorties_per_day: 1, seats: 100, truckloads: 2 } },
    );
    const r = await lowerBound(s);
    expectBound(r.bound, 90000, 120000);
  });

  it('hands a lot over at a hub with a recipient when its own camp has none', async () => {
    // Destroying at the camp loses 6000 a unit, the road to the exit costs 30 600; taking it to the
    // hub (600) and handing it over there (1000) costs 1600.
    const s = scenario({
      end: '2023-07-21',
      sites: [
        camp({ deadline: '2023-07-11', lots: [{ id: 'kit', kind: 'other', count: 10, truckloads: 1, value: 1000, owner: 'UN' }] }),
        { id: 'h', name: 'Hub', kind: 'hub', lat: 16, lon: 0, deadline: '2023-07-16', recipient: 'governor' },
        exit,
      ],
      legs: [road('c', 'h', 100), road('h', 'x', 5000, 5)],
      rules: { other: ['move', 'hand_over', 'destroy'] },
    });
    const r = await lowerBound(s);
    expectBound(r.bound, 16000);
    expect(r.moveFraction.kit).toBeCloseTo(0, 6);
  });

  it('lets vehicles drive out for free while the road is open, and sells them when it is not', async () => {
    const jeeps = { id: 'jeeps', kind: 'vehicle' as const, count: 5, truckloads: 0, value: 50000, owner: 'UN' };
    const open = await lowerBound(scenario({ sites: [camp({ lots: [jeeps] }), exit] }));
    expectBound(open.bound, 0, 600); // a real convoy needs one truck: 600
    expect(open.moveFraction.jeeps).toBe(1);
    const shut = await lowerBound(scenario({ sites: [camp({ lots: [jeeps] }), exit], closures: [{ from: 'c', to: 'x', mode: 'road', first: '2023-07-01', last: '2023-07-11' }] }));
    expectBound(shut.bound, 5 * 40000);
    expect(shut.moveFraction.jeeps).toBe(0);
  });

  it('claims no bound when people cannot get out', async () => {
    const s = scenario({
      sites: [camp({ personnel: [{ group: 'g', count: 10, essential: true }] }), exit],
      closures: [{ from: 'c', to: 'x', mode: 'road', first: '2023-07-01', last: '2023-07-11' }],
    });
    const r = await lowerBound(s);
    expect(r.status).toBe('infeasible');
    expect(r.bound).toBeNull();
  });

  it('claims no bound when out of time', async () => {
    const r = await lowerBound(scenario({ sites: [camp({ personnel: [{ group: 'g', count: 10, essential: true }] }), exit] }), { timeLimitSeconds: 0 });
    expect(r.bound).toBeNull();
    expect(r.status).toBe('timeLimit');
  });

  it('matches the optimum of the fixture scenario (207 920, worked out by hand)', async () => {
    // 50 people fly north→hub (60 000); 4 ammunition truckloads go north→hub by road (4 × 17 980);
    // 4 trucks take the ammunition and 60 people hub→port (4 × 13 000 + 60 × 400 risk).
    const file = fileURLToPath(new URL('../../../test/fixtures/valid.yaml', import.meta.url));
    const parsed = parseScenario(readFileSync(file, 'utf8'), file);
    if (!parsed.ok) throw new Error('fixture does not parse');
    const r = await lowerBound(parsed.scenario);
    expectBound(r.bound, 207920);
  });
});

describe('buckets of days', () => {
  // Coarser time is a relaxation of the daily model, so its bound can only be lower.
  const tight = scenario(
    {
      end: '2023-07-31',
      sites: [
        camp({ deadline: '2023-07-20', personnel: [{ group: 'g', count: 400, essential: true }], lots: [container(3000, 'UN', 60), { id: 'ammo', kind: 'ammunition', count: 30, truckloads: 2, value: 40000, owner: 'COE/Chad' }] }),
        { id: 'h', name: 'Hub', kind: 'hub', lat: 16, lon: 0, deadline: '2023-07-25', personnel: [{ group: 'hs', count: 50, essential: true }] },
        exit,
      ],
      legs: [road('c', 'h', 330, 3, 0.8), { from: 'c', to: 'h', mode: 'air', km: 300, days: 1 }, road('h', 'x', 1500, 5, 0.2), { from: 'h', to: 'x', mode: 'air', km: 1400, days: 1 }],
      closures: [{ from: 'c', to: 'h', mode: 'air', first: '2023-07-05', last: '2023-07-15' }],
    },
    { trucks: 12, escorts: 1, convoy_max_trucks: 10, air: { sorties_per_day: 1, seats: 100, truckloads: 2 } },
  );

  it('gives bounds no higher than the daily model', async () => {
    const daily = await lowerBound(tight);
    expect(daily.status).toBe('optimal');
    for (const k of [2, 3, 7]) {
      const coarse = await lowerBound(tight, { bucketDays: k });
      expect(coarse.status).toBe('optimal');
      expect(coarse.bound!).toBeLessThanOrEqual(daily.bound! + 1e-6 * daily.bound!);
    }
  });

  it('agrees between interior point and simplex', async () => {
    const ipm = await lowerBound(tight, { solver: 'ipm' });
    const simplex = await lowerBound(tight, { solver: 'simplex' });
    expect(Math.abs(ipm.bound! - simplex.bound!)).toBeLessThan(1e-6 * simplex.bound!);
  });

  it('shrinks the LP', () => {
    const daily = buildModel(tight);
    const weekly = buildModel(tight, { bucketDays: 7 });
    expect(weekly.numCols).toBeLessThan(daily.numCols / 3);
  });
});

const minusma = fileURLToPath(new URL('../../../scenarios/minusma-2023.yaml', import.meta.url));
describe.runIf(existsSync(minusma))('the MINUSMA 2023 scenario', () => {
  it('has a bound within a minute', { timeout: 180_000 }, async () => {
    const parsed = parseScenario(readFileSync(minusma, 'utf8'), minusma);
    if (!parsed.ok) {
      console.warn(`minusma-2023.yaml does not validate yet (${parsed.problems.length} problems); skipped`);
      return;
    }
    const r = await lowerBound(parsed.scenario, { timeLimitSeconds: 120 });
    console.info(`MINUSMA bound ${r.bound} (${r.status}) in ${r.seconds.toFixed(2)} s: ${JSON.stringify(r.stats)}`);
    expect(r.status).toBe('optimal');
    expect(r.bound!).toBeGreaterThan(0);
    expect(r.seconds).toBeLessThan(60);
  });
});
