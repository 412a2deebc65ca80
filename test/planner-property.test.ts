// On many random small scenarios, every plan the planner makes keeps every rule and is no worse
// than the greedy baseline.
import { describe, expect, it } from 'vitest';
import { generateScenario, mulberry32, smallRandomScenario } from '../bench/generate.ts';
import { scenarioSchema } from '../src/domain/scenario/schema.ts';
import { solve } from '../src/planner/solve.ts';
import { verifyPlan } from '../src/planner/verify/verify.ts';

const SEEDS = Array.from({ length: 150 }, (_, i) => i + 1);

describe('planner on random small scenarios', () => {
  it('makes plans that verify, for every seed', () => {
    const failures: string[] = [];
    for (const seed of SEEDS) {
      const scenario = scenarioSchema.parse(smallRandomScenario(seed));
      const result = solve(scenario, { timeLimitSeconds: 0.2 });
      if (!result.ok) {
        failures.push(`seed ${seed}: no plan (${result.stranded.map((s) => s.why).join('; ')})`);
        continue;
      }
      const v = verifyPlan(scenario, result.plan);
      if (!v.ok) failures.push(`seed ${seed}: ${v.violations.map((x) => x.message).join(' | ')}`);
      if (result.baseline && result.plan.objective.total > result.baseline.objective.total + 1e-6) failures.push(`seed ${seed}: worse than the baseline`);
    }
    expect(failures).toEqual([]);
  });

  it('makes plans that verify on generated missions of many shapes (camps, horizon, fleet, tightness)', () => {
    const rnd = mulberry32(2026);
    const failures: string[] = [];
    for (let i = 0; i < 12; i++) {
      const camps = 1 + Math.floor(rnd() * 12);
      const options = { seed: 500 + i, camps, units: camps * (50 + Math.floor(rnd() * 300)), people: camps * (20 + Math.floor(rnd() * 600)), days: 15 + Math.floor(rnd() * 120), fleetScale: 0.3 + rnd() * 2, tightness: rnd(), exits: 1 + Math.floor(rnd() * 3), hubs: 1 + Math.floor(rnd() * 3) };
      const scenario = scenarioSchema.parse(generateScenario(options));
      const result = solve(scenario, { timeLimitSeconds: 0.3 });
      if (!result.ok) {
        failures.push(`${JSON.stringify(options)}: no plan`);
        continue;
      }
      const v = verifyPlan(scenario, result.plan);
      if (!v.ok) failures.push(`${JSON.stringify(options)}: ${v.violations[0]!.message}`);
    }
    expect(failures).toEqual([]);
  });
});
