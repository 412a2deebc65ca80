// On many random small scenarios, every plan the planner makes keeps every rule and is no worse
// than the greedy baseline.
import { describe, expect, it } from 'vitest';
import { smallRandomScenario } from '../bench/generate.ts';
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
});
