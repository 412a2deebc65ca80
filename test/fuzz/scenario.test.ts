// Fuzzing the scenario parser (properties in properties.ts; cases: DRAWDOWN_FUZZ_RUNS in all).
import { describe, it } from 'vitest';
import { assertProperty, runsFor, scenarioProperties } from './properties.ts';

describe('fuzzing the scenario parser', () => {
  for (const p of scenarioProperties()) {
    it(`${p.name} (${runsFor(p)} cases)`, { timeout: 120_000 }, async () => {
      await assertProperty(p);
    });
  }
});
