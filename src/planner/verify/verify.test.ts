import { describe, expect, it } from 'vitest';
import type { Plan } from '../../domain/plan/schema.ts';
import { scenarioSchema, type Scenario, type ScenarioInput } from '../../domain/scenario/schema.ts';
import { computeObjective, verifyPlan, type RuleId } from './verify.ts';

// A camp, a hub and an exit. Alpha has people, a guard of 2 and three lots; the hub has nothing.
const input: ScenarioInput = {
  version: 1,
  mission: 'TEST',
  start: '2023-07-01',
  end: '2023-07-31',
  sites: [
    {
      id: 'alpha', name: 'Alpha', kind: 'camp', lat: 18, lon: 1, deadline: '2023-07-20', recipient: 'host-army', guard: 2,
      personnel: [
        { group: 'alpha-support', count: 10, essential: false },
        { group: 'alpha-force', count: 5, essential: true },
      ],
      lots: [
        { id: 'alpha-gen', kind: 'generator', count: 4, truckloads: 1, value: 1000, owner: 'UN' },
        { id: 'alpha-apc', kind: 'vehicle', count: 2, truckloads: 0, value: 5000, owner: 'COE/Chad' },
        { id: 'alpha-ammo', kind: 'ammunition', count: 2, truckloads: 1, value: 300, owner: 'COE/Chad' },
      ],
    },
    { id: 'hub', name: 'Hub', kind: 'hub', lat: 16, lon: 0, deadline: '2023-07-28' },
    { id: 'port', name: 'Port', kind: 'exit', lat: 14, lon: -2 },
  ],
  legs: [
    { from: 'alpha', to: 'hub', mode: 'road', km: 100, days: 2, risk: 0.5 },
    { from: 'hub', to: 'port', mode: 'road', km: 50, days: 1 },
    { from: 'alpha', to: 'hub', mode: 'air', km: 90, days: 1 },
  ],
  fleet: {
    trucks: 10, truck_capacity: 1, seats_per_truck: 10, convoy_max_trucks: 5, escorts: 2,
    air: { sorties_per_day: 1, seats: 20, truckloads: 1 },
  },
  closures: [{ from: 'alpha', to: 'hub', mode: 'air', first: '2023-07-01', last: '2023-07-03', reason: 'permits denied' }],
  costs: { truck_km: 1, air_sortie: 1000, destroy_per_truckload: 100, sell_recovers: 0.25, risk_per_truck: 10, risk_per_person: 1 },
};
const scenario: Scenario = scenarioSchema.parse(input);

function variant(change: (s: ScenarioInput) => void): Scenario {
  const s = structuredClone(input);
  change(s);
  return scenarioSchema.parse(s);
}

// Hand-computed objective of the valid plan:
//   m1 road alpha→hub: cost 1×100×2 trucks×2 = 400; risk 0.5×(10×2 + 1×10 people) = 15
//   m2 air: cost 1000
//   m3 road hub→port: cost 1×50×3×2 = 300; risk 0 (leg risk 0)
//   destroy 2 ammo: lost 2×300 = 600; cost 100×1×2 = 200
//   sell 1 generator: lost (1 − 0.25)×1000 = 750
const VALUE_LOST = 600 + 750;
const COST = 400 + 1000 + 300 + 200;
const RISK = 15;
const TOTAL = VALUE_LOST + COST + RISK; // 3265
const LOT_VALUE = 4 * 1000 + 2 * 5000 + 2 * 300; // 14600

const valid: Plan = {
  scenario: 'test',
  horizon: { start: '2023-07-01', end: '2023-07-31' },
  objective: { total: TOTAL, value_recovered: LOT_VALUE - VALUE_LOST, value_lost: VALUE_LOST, risk: RISK, cost: COST },
  bound: 3000,
  gap: (TOTAL - 3000) / TOTAL,
  solve_seconds: 0,
  closures: [
    { site: 'alpha', closes_on: '2023-07-06', deadline: '2023-07-20' },
    { site: 'hub', closes_on: '2023-07-07', deadline: '2023-07-28' },
  ],
  movements: [
    // Non-essential people leave first; 5 essential stay as the guard while lots remain.
    {
      id: 'm1', mode: 'road', from: 'alpha', to: 'hub', depart: '2023-07-02', arrive: '2023-07-04', trucks: 2, escorts: 1,
      people: [{ group: 'alpha-support', count: 10 }],
      cargo: [{ lot: 'alpha-gen', count: 2 }, { lot: 'alpha-apc', count: 2 }],
    },
    {
      id: 'm2', mode: 'air', from: 'alpha', to: 'hub', depart: '2023-07-06', arrive: '2023-07-07', trucks: 0, escorts: 0,
      people: [{ group: 'alpha-force', count: 5 }],
      cargo: [{ lot: 'alpha-gen', count: 1 }],
    },
    // Leaves the hub the day m2 arrives: same-day arrivals are available.
    {
      id: 'm3', mode: 'road', from: 'hub', to: 'port', depart: '2023-07-07', arrive: '2023-07-08', trucks: 3, escorts: 0,
      people: [{ group: 'alpha-support', count: 10 }, { group: 'alpha-force', count: 5 }],
      cargo: [{ lot: 'alpha-gen', count: 3 }, { lot: 'alpha-apc', count: 2 }],
    },
  ],
  dispositions: [
    { lot: 'alpha-ammo', site: 'alpha', count: 2, action: 'destroy', on: '2023-07-05' },
    { lot: 'alpha-gen', site: 'alpha', count: 1, action: 'sell', on: '2023-07-05' },
  ],
};

/** A copy of the valid plan with one thing broken; its objective is restated truthfully unless told not to. */
function broken(change: (p: Plan) => void, s: Scenario = scenario, restate = true): Plan {
  const p = structuredClone(valid);
  change(p);
  if (restate) {
    p.objective = computeObjective(s, p);
    p.gap = p.bound === null ? null : (p.objective.total - p.bound) / Math.max(Math.abs(p.objective.total), 1);
  }
  return p;
}

const move = (p: Plan, id: string) => p.movements.find((m) => m.id === id)!;

function rules(s: Scenario, p: Plan): RuleId[] {
  return [...new Set(verifyPlan(s, p).violations.map((v) => v.rule))];
}
function messages(s: Scenario, p: Plan, rule: RuleId): string[] {
  return verifyPlan(s, p).violations.filter((v) => v.rule === rule).map((v) => v.message);
}

describe('verifyPlan on a valid plan', () => {
  it('finds nothing wrong', () => {
    const r = verifyPlan(scenario, valid);
    expect(r.violations).toEqual([]);
    expect(r.ok).toBe(true);
  });
});

describe('computeObjective', () => {
  it('matches the hand computation', () => {
    const o = computeObjective(scenario, valid);
    expect(o.value_lost).toBeCloseTo(1350, 9);
    expect(o.cost).toBeCloseTo(1900, 9);
    expect(o.risk).toBeCloseTo(15, 9);
    expect(o.total).toBeCloseTo(3265, 9);
    expect(o.value_recovered).toBeCloseTo(14600 - 1350, 9);
  });
  it('counts a self-driving lot as one truckload to destroy or decommission, and hand-overs as lost', () => {
    const p = broken((p) => {
      p.movements = [];
      p.dispositions = [
        { lot: 'alpha-apc', site: 'alpha', count: 2, action: 'decommission', on: '2023-07-05' },
        { lot: 'alpha-gen', site: 'alpha', count: 3, action: 'hand_over', on: '2023-07-05' },
      ];
    });
    const o = computeObjective(scenario, p);
    expect(o.value_lost).toBeCloseTo(2 * 5000 + 3 * 1000, 9);
    expect(o.cost).toBeCloseTo(100 * 1 * 2, 9);
    expect(o.risk).toBe(0);
    expect(o.total).toBeCloseTo(13000 + 200, 9);
    expect(o.value_recovered).toBeCloseTo(14600 - 13000, 9);
  });
});

describe('verifyPlan finds each broken rule', () => {
  it('rule 1: a lot left behind at the hub', () => {
    const p = broken((p) => { move(p, 'm3').cargo = [{ lot: 'alpha-gen', count: 3 }]; });
    const m = messages(scenario, p, 1);
    expect(m.some((x) => x.includes('hub') && x.includes('2 of lot alpha-apc'))).toBe(true);
  });
  it('rule 1: a disposition at an exit', () => {
    const p = broken((p) => {
      move(p, 'm3').cargo[0]!.count = 3;
      p.dispositions.push({ lot: 'alpha-gen', site: 'port', count: 1, action: 'destroy', on: '2023-07-09' });
    });
    expect(rules(scenario, p)).toEqual([1]);
    expect(messages(scenario, p, 1)[0]).toMatch(/port is an exit/);
  });
  it('rule 1: people who never reach an exit', () => {
    const p = broken((p) => { move(p, 'm3').people = [{ group: 'alpha-support', count: 10 }]; });
    expect(messages(scenario, p, 1).some((x) => x.includes('5 people of alpha-force'))).toBe(true);
  });
  it('rules 1 and 2: over-disposal adds up to more than the lot', () => {
    const p = broken((p) => { p.dispositions[0]!.count = 3; });
    expect(rules(scenario, p)).toEqual([1, 2]);
    expect(messages(scenario, p, 1)[0]).toMatch(/alpha-ammo has 2 units but the plan accounts for 3/);
  });
  it('rule 2: leaving the hub before the goods arrive', () => {
    const p = broken((p) => { Object.assign(move(p, 'm3'), { depart: '2023-07-06', arrive: '2023-07-07' }); });
    const m = messages(scenario, p, 2);
    expect(m.some((x) => x.includes('2023-07-06') && x.includes('hub') && x.includes('alpha-gen'))).toBe(true);
  });
  it('rule 3: closes_on that is not the last departure', () => {
    const p = broken((p) => { p.closures[1]!.closes_on = '2023-07-08'; });
    expect(rules(scenario, p)).toEqual([3]);
    expect(messages(scenario, p, 3)[0]).toMatch(/hub says it closes on 2023-07-08.*2023-07-07/);
  });
  it('rule 3: a missing closure entry and a wrong deadline', () => {
    const p = broken((p) => { p.closures = [{ site: 'alpha', closes_on: '2023-07-06', deadline: '2023-07-21' }]; });
    const m = messages(scenario, p, 3);
    expect(m.some((x) => x.includes('hub') && x.includes('no closure entry'))).toBe(true);
    expect(m.some((x) => x.includes('2023-07-21') && x.includes('2023-07-20'))).toBe(true);
  });
  it('rule 3: acting after a deadline and after the end', () => {
    const s = variant((s) => { s.sites[1]!.deadline = '2023-07-06'; });
    const p = broken((p) => { p.closures[1]!.deadline = '2023-07-06'; }, s);
    const m = messages(s, p, 3);
    expect(m.some((x) => x.includes('m3 departs hub on 2023-07-07, after hub\'s deadline 2023-07-06'))).toBe(true);
    expect(m.some((x) => x.includes('m2 arrives at hub on 2023-07-07'))).toBe(true);
    expect(m.some((x) => x.includes('hub still holds') && x.includes('2023-07-06'))).toBe(true);

    const late = broken((p) => { Object.assign(move(p, 'm3'), { depart: '2023-07-31', arrive: '2023-08-01' }); p.closures[1]!.closes_on = '2023-07-31'; });
    expect(rules(scenario, late)).toEqual([3]);
    expect(messages(scenario, late, 3).some((x) => x.includes('m3 arrives at port on 2023-08-01, after the end 2023-07-31'))).toBe(true);
    expect(messages(scenario, late, 3).some((x) => x.includes("m3 departs hub on 2023-07-31, after hub's deadline 2023-07-28"))).toBe(true);
  });
  it('rule 4: essential people leave before the non-essential', () => {
    const p = broken((p) => {
      move(p, 'm1').people = [{ group: 'alpha-force', count: 5 }];
      move(p, 'm2').people = [{ group: 'alpha-support', count: 10 }];
    });
    const m = messages(scenario, p, 4);
    expect(m.some((x) => /people last.*2023-07-02.*alpha-force: 5 on m1.*10 non-essential/.test(x))).toBe(true);
    expect(m.some((x) => /guard.*alpha.*2023-07-02.*only 0.*needs 2/.test(x))).toBe(true);
    expect(rules(scenario, p)).toEqual([4]);
  });
  it('rule 4: the guard leaves while a lot remains', () => {
    const p = broken((p) => {
      move(p, 'm2').cargo = [];
      move(p, 'm3').cargo[0]!.count = 2;
      p.dispositions.push({ lot: 'alpha-gen', site: 'alpha', count: 1, action: 'sell', on: '2023-07-07' });
      p.closures[0]!.closes_on = '2023-07-07';
    });
    expect(rules(scenario, p)).toEqual([4]);
    expect(messages(scenario, p, 4)[0]).toMatch(/alpha holds 1 lot units at the end of 2023-07-06 but only 0 of its essential people remain; the guard needs 2/);
  });
  it('rule 5: a disposition the rules do not allow', () => {
    const p = broken((p) => { p.dispositions[1]!.action = 'decommission'; });
    expect(rules(scenario, p)).toEqual([5]);
    const ammo = broken((p) => { p.dispositions[0]!.action = 'sell'; });
    const m = messages(scenario, ammo, 5);
    expect(m.some((x) => x.includes('ammunition may only be destroy'))).toBe(true);
    expect(m.some((x) => x.includes('never sold or handed over'))).toBe(true);
  });
  it('rule 5: hand over without a recipient', () => {
    const s = variant((s) => { delete s.sites[0]!.recipient; });
    const p = broken((p) => { p.dispositions[1]!.action = 'hand_over'; }, s);
    expect(rules(s, p)).toEqual([5]);
    expect(messages(s, p, 5)[0]).toMatch(/alpha has no recipient/);
  });
  it('rule 6: wrong arrival, closed leg, missing leg', () => {
    const p = broken((p) => { move(p, 'm3').arrive = '2023-07-09'; });
    expect(messages(scenario, p, 6)[0]).toMatch(/m3 departs 2023-07-07 and arrives 2023-07-09.*arrives 2023-07-08/);

    const closed = broken((p) => {
      Object.assign(move(p, 'm2'), { depart: '2023-07-03', arrive: '2023-07-04' });
      for (const d of p.dispositions) d.on = '2023-07-03';
      p.closures[0]!.closes_on = '2023-07-03';
    });
    expect(rules(scenario, closed)).toEqual([6]);
    expect(messages(scenario, closed, 6)[0]).toMatch(/m2 departs 2023-07-03.*closed 2023-07-01..2023-07-03 \(permits denied\)/);

    const noLeg = broken((p) => { Object.assign(move(p, 'm1'), { mode: 'air', trucks: 0, escorts: 0, arrive: '2023-07-03' }); });
    expect(rules(scenario, noLeg)).toContain(6);
  });
  it('rule 7: too few trucks and no escort on a risky leg', () => {
    const p = broken((p) => { Object.assign(move(p, 'm1'), { trucks: 1, escorts: 0 }); });
    const m = messages(scenario, p, 7);
    expect(m.some((x) => x.includes('m1 carries 2 truckloads on 1 trucks'))).toBe(true);
    expect(m.some((x) => x.includes('risk 0.5') && x.includes('0 escorts'))).toBe(true);
    expect(rules(scenario, p)).toEqual([7]);
    const big = broken((p) => { move(p, 'm3').trucks = 6; });
    expect(messages(scenario, big, 7)[0]).toMatch(/m3 has 6 trucks.*1 to 5/);
  });
  it('rule 8: more trucks and escorts busy than the fleet has', () => {
    const s = variant((s) => { s.fleet.trucks = 2; s.fleet.escorts = 0; });
    const r = rules(s, valid);
    expect(r).toEqual([8]);
    const m = messages(s, valid, 8);
    expect(m).toContain('rule 8 (pooled fleet): 3 trucks busy on 2023-07-07..2023-07-08, fleet has 2 (movements m3)');
    expect(m).toContain('rule 8 (pooled fleet): 1 escorts busy on 2023-07-02..2023-07-05, fleet has 0 (movements m1)');
  });
  it('rule 9: sorties, seats, truckloads and trucks on a flight', () => {
    const s = variant((s) => { s.fleet.air = { sorties_per_day: 0, seats: 4, truckloads: 0.5 }; });
    const m = messages(s, valid, 9);
    expect(m.some((x) => x.includes('1 air movements depart on 2023-07-06, at most 0'))).toBe(true);
    expect(m.some((x) => x.includes('m2 carries 5 people; a sortie seats 4'))).toBe(true);
    expect(m.some((x) => x.includes('m2 carries 1 truckloads; a sortie takes 0.5'))).toBe(true);
    const trucks = broken((p) => { move(p, 'm2').trucks = 1; });
    expect(rules(scenario, trucks)).toEqual([9]);
  });
  it('rule 9: ammunition does not fly', () => {
    const p = broken((p) => {
      p.bound = null; // flying the ammunition lowers the total below the valid plan's bound
      p.dispositions.shift();
      move(p, 'm2').cargo.push({ lot: 'alpha-ammo', count: 2 });
      Object.assign(move(p, 'm3'), { trucks: 5 });
      move(p, 'm3').cargo.push({ lot: 'alpha-ammo', count: 2 });
    });
    const m = messages(scenario, p, 9);
    expect(m.some((x) => x.includes('alpha-ammo (ammunition)'))).toBe(true);
    expect(rules(scenario, p)).toEqual([9]);
  });
  it('objective: misreported parts, bound above total, wrong gap', () => {
    const p = broken((p) => { p.objective.cost += 5; }, scenario, false);
    expect(rules(scenario, p)).toEqual(['objective']);
    expect(messages(scenario, p, 'objective')[0]).toMatch(/cost 1905, recomputed 1900/);
    const bound = broken((p) => { p.bound = 4000; p.gap = (TOTAL - 4000) / TOTAL; }, scenario, false);
    expect(messages(scenario, bound, 'objective')[0]).toMatch(/bound 4000 is above.*3265/);
    const gap = broken((p) => { p.gap = 0.5; }, scenario, false);
    expect(messages(scenario, gap, 'objective')[0]).toMatch(/gap 0.5 should be/);
    // Within 0.01 absolute is not a mismatch (the gap is restated from the reported total).
    const tiny = broken((p) => { p.objective.total += 0.005; p.gap = (p.objective.total - 3000) / p.objective.total; }, scenario, false);
    expect(verifyPlan(scenario, tiny).ok).toBe(true);
  });
  it('reference: unknown ids and duplicate movement ids', () => {
    const p = broken((p) => {
      move(p, 'm3').cargo.push({ lot: 'nope', count: 1 });
      p.movements.push({ ...structuredClone(move(p, 'm3')), to: 'nowhere', cargo: [], people: [] });
    });
    const m = messages(scenario, p, 'reference');
    expect(m.some((x) => x.includes('lot "nope"'))).toBe(true);
    expect(m.some((x) => x.includes('site "nowhere"'))).toBe(true);
    expect(m.some((x) => x.includes('movement id m3 is used by 2 movements'))).toBe(true);
  });
});

describe('hold_until and scenarios that start mid-operation (additions of this project)', () => {
  it('keeps the guard at a held site until its hold day, even with no lot left', () => {
    // The guard (alpha-force) flies out on 6 July; the site is held until the 10th.
    const held = variant((s) => { s.sites![0]!.hold_until = '2023-07-10'; });
    expect(rules(held, valid)).toEqual([4]);
    expect(verifyPlan(held, valid).violations[0]!.message).toMatch(/held until 2023-07-10/);
    const through = variant((s) => { s.sites![0]!.hold_until = '2023-07-06'; });
    expect(verifyPlan(through, valid).ok).toBe(true);
  });

  it('reads where things are from progress: units elsewhere, units on their way, the fleet under way', () => {
    // Mid-operation on 5 July: the support staff and 2 generators are at the hub already.
    const midWith = (busyUntil: string) => variant((s) => {
      s.start = '2023-07-05';
      s.closures = [];
      s.progress = { located: [{ group: 'alpha-support', site: 'hub', count: 10 }, { lot: 'alpha-gen', site: 'hub', count: 2 }, { lot: 'alpha-apc', site: 'hub', count: 2, arrives: '2023-07-07' }], busy: [{ until: busyUntil, trucks: 9, escorts: 0 }] };
    });
    const mid = midWith('2023-07-06');
    const plan = structuredClone(valid);
    plan.horizon.start = '2023-07-05';
    plan.movements = plan.movements.filter((m) => m.id !== 'm1');
    plan.objective = computeObjective(mid, plan);
    plan.bound = null;
    plan.gap = null;
    expect(verifyPlan(mid, plan).violations).toEqual([]);
    // Had 9 of the 10 trucks still been out on 7 July, m3's 3 would be too many.
    expect(rules(midWith('2023-07-07'), plan)).toContain(8);
    // Leaving the hub a day before the APCs arrive there breaks presence.
    const early = structuredClone(plan);
    early.movements.find((m) => m.id === 'm3')!.depart = '2023-07-06';
    early.movements.find((m) => m.id === 'm3')!.arrive = '2023-07-07';
    const v = verifyPlan(mid, early).violations.filter((x) => x.rule === 2);
    expect(v.map((x) => x.message).join(' ')).toMatch(/alpha-apc/);
  });
});
