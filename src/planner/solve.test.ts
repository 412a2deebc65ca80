import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../domain/scenario/parse.ts';
import { scenarioSchema, type Scenario } from '../domain/scenario/schema.ts';
import { solve } from './solve.ts';
import { verifyPlan } from './verify/verify.ts';

function load(file: string): Scenario {
  const r = parseScenario(readFileSync(file, 'utf8'), file);
  if (!r.ok) throw new Error(`${file} does not parse`);
  return r.scenario;
}

const files = [
  ...readdirSync('scenarios/examples').map((f) => `scenarios/examples/${f}`),
  'test/fixtures/valid.yaml',
  'scenarios/minusma-2023.yaml',
];

describe('solve', () => {
  it.each(files)('%s: the plan and the baseline keep every rule, and the plan is no worse', (file) => {
    const scenario = load(file);
    const result = solve(scenario, { timeLimitSeconds: 2 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const checked = verifyPlan(scenario, result.plan);
    expect(checked.violations.map((v) => v.message)).toEqual([]);
    expect(result.baseline).not.toBeNull();
    expect(verifyPlan(scenario, result.baseline!).violations.map((v) => v.message)).toEqual([]);
    expect(result.plan.objective.total).toBeLessThanOrEqual(result.baseline!.objective.total + 1e-6);
    expect(checked.objective.total).toBeCloseTo(result.plan.objective.total, 2);
  });

  it('gives every disposition a reason', () => {
    const result = solve(load('scenarios/examples/tight-deadline.yaml'), { timeLimitSeconds: 1 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.dispositions.length).toBeGreaterThan(0);
    for (const d of result.plan.dispositions) expect(d.reason?.length ?? 0).toBeGreaterThan(10);
  });

  it('disposes of a unit too big for any convoy instead of hanging, and the plan verifies', () => {
    const base = load('scenarios/examples/two-camps.yaml');
    const scenario = { ...base, sites: base.sites.map((s) => ({ ...s, lots: s.lots.map((l) => (l.kind === 'container' ? { ...l, truckloads: base.fleet.convoy_max_trucks * base.fleet.truck_capacity + 1 } : l)) })) };
    const result = solve(scenario, { timeLimitSeconds: 0.5 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(verifyPlan(scenario, result.plan).violations).toEqual([]);
    const containers = scenario.sites.flatMap((s) => s.lots).filter((l) => l.kind === 'container').map((l) => l.id);
    expect(result.plan.movements.some((m) => m.cargo.some((c) => containers.includes(c.lot)))).toBe(false);
  });

  it('never moves a kind whose rules leave out move, and the verifier agrees', () => {
    const base = load('scenarios/examples/two-camps.yaml');
    const scenario = { ...base, rules: { ...base.rules, container: ['destroy', 'sell'] as ('destroy' | 'sell')[] } };
    const result = solve(scenario, { timeLimitSeconds: 0.5 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(verifyPlan(scenario, result.plan).violations).toEqual([]);
    const containers = new Set(scenario.sites.flatMap((s) => s.lots).filter((l) => l.kind === 'container').map((l) => l.id));
    expect(result.plan.movements.some((m) => m.cargo.some((c) => containers.has(c.lot)))).toBe(false);
    // A plan that does carry them breaks rule 5.
    const moved = { ...result.plan, movements: result.plan.movements.map((m, i) => (i === 0 && m.mode === 'road' ? { ...m, cargo: [...m.cargo, { lot: [...containers][0]!, count: 1 }] } : m)) };
    expect(verifyPlan(scenario, moved).violations.some((v) => v.rule === 5)).toBe(true);
  });

  it('explains which site cannot be emptied when no plan exists', () => {
    const scenario = scenarioSchema.parse({
      version: 1, mission: 'No way out', start: '2023-07-01', end: '2023-07-04',
      sites: [
        { id: 'camp', name: 'Camp', kind: 'camp', lat: 0, lon: 0, deadline: '2023-07-02', personnel: [{ group: 'camp-force', count: 10, essential: true }] },
        { id: 'out', name: 'Out', kind: 'exit', lat: 1, lon: 1 },
      ],
      legs: [{ from: 'camp', to: 'out', mode: 'road', km: 500, days: 4, risk: 0 }],
      fleet: { trucks: 5, truck_capacity: 1, seats_per_truck: 10, convoy_max_trucks: 5, escorts: 0, air: { sorties_per_day: 0, seats: 0, truckloads: 0 } },
      costs: { truck_km: 1, air_sortie: 1, destroy_per_truckload: 1, sell_recovers: 0.2, risk_per_truck: 1, risk_per_person: 1 },
    });
    const result = solve(scenario, { timeLimitSeconds: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.stranded[0]).toMatchObject({ site: 'camp', people: 10, groups: ['camp-force'] });
    expect(result.stranded[0]!.why).toMatch(/no leg out of camp reaches an exit before the deadlines/);
  });
});
