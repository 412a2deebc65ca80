// Fuzzing the event validator and `drawdown record`'s path through the store (properties in
// properties.ts; cases: DRAWDOWN_FUZZ_RUNS in all).
import { afterAll, beforeAll, describe, it } from 'vitest';
import { assertProperty, eventProperties, type FuzzGroup, runsFor } from './properties.ts';

let group: FuzzGroup;
beforeAll(async () => {
  group = await eventProperties();
});
afterAll(async () => group?.close());

describe('fuzzing the event validator', () => {
  for (const name of ['events: parse lines', 'events: validate against the log', 'events: record through the store']) {
    it(name, { timeout: 120_000 }, async () => {
      const p = group.properties.find((x) => x.name === name)!;
      await assertProperty(p, runsFor(p));
    });
  }
});
