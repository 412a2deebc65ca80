// Fuzzing every API route's input, made from the route table: a route whose input cannot be
// fuzzed fails here (properties in properties.ts; cases: DRAWDOWN_FUZZ_RUNS in all).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { route } from '../../src/server/route.ts';
import { ROUTES } from '../../src/server/routes/index.ts';
import { type ApiGroup, apiProperties, assertProperty, routeArbitrary, runsFor } from './properties.ts';
import { TUTORIAL_VOCABULARY } from './seeds.ts';

let group: ApiGroup;
beforeAll(async () => {
  group = await apiProperties();
}, 120_000);
afterAll(async () => group?.close());

describe('fuzzing the API', () => {
  it('has a way to fuzz every route of the table', () => {
    expect(group.unfuzzable).toEqual([]);
    expect(group.properties.map((p) => p.name)).toEqual(ROUTES.map((r) => `api: ${r.method} ${r.url}`));
  });

  it('refuses a route it has no way to fuzz: path parameters without a schema, a schema JSON Schema cannot say and no samples', () => {
    const handler = async () => ({});
    expect(routeArbitrary(route({ method: 'POST', url: '/api/things/:id', summary: 'x', access: 'public', handler }), TUTORIAL_VOCABULARY)).toMatchObject({ ok: false, reason: expect.stringMatching(/no params schema/) });
    expect(routeArbitrary(route({ method: 'POST', url: '/api/things', summary: 'x', access: 'public', body: z.strictObject({ when: z.date() }), handler }), TUTORIAL_VOCABULARY)).toMatchObject({ ok: false, reason: expect.stringMatching(/body schema cannot be fuzzed/) });
  });

  for (const r of ROUTES) {
    const name = `api: ${r.method} ${r.url}`;
    it(name, { timeout: 120_000 }, async () => {
      const p = group.properties.find((x) => x.name === name);
      expect(p, `${name} has no fuzzing property`).toBeDefined();
      await assertProperty(p!, runsFor(p!));
    });
  }
});
