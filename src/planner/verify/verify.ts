// The independent plan verifier: checks a plan against SCENARIO.md's rules 1–9 and recomputes its
// objective, sharing nothing with the solver but the schemas. Pure: data in, findings out.
import type { Plan } from '../../domain/plan/schema.ts';
import type { Scenario } from '../../domain/scenario/schema.ts';
import { checkAir, checkRoadCapacity } from './capacity.ts';
import { checkDeadlines } from './deadlines.ts';
import { checkDispositionRules } from './dispositions.ts';
import { checkFleet } from './fleet.ts';
import { checkLegs } from './legs.ts';
import { buildLookup } from './lookup.ts';
import { checkObjective, objectiveOf } from './objective.ts';
import { checkPresence } from './presence.ts';
import { checkReferences } from './references.ts';
import type { RuleId, VerifyResult, Violation } from './types.ts';

export type { RuleId, VerifyResult, Violation } from './types.ts';
export { computeObjective } from './objective.ts';

const ORDER: RuleId[] = ['reference', 1, 2, 3, 4, 5, 6, 7, 8, 9, 'objective'];

export function verifyPlan(scenario: Scenario, plan: Plan): VerifyResult {
  const look = buildLookup(scenario);
  const objective = objectiveOf(look, plan);
  const violations: Violation[] = [
    ...checkReferences(look, plan),
    ...checkPresence(look, plan),
    ...checkDeadlines(look, plan),
    ...checkDispositionRules(look, plan),
    ...checkLegs(look, plan),
    ...checkRoadCapacity(look, plan),
    ...checkFleet(look, plan),
    ...checkAir(look, plan),
    ...checkObjective(plan, objective),
  ];
  // Stable sort: grouped by rule, each group in the order it was found.
  violations.sort((a, b) => ORDER.indexOf(a.rule) - ORDER.indexOf(b.rule));
  return { ok: violations.length === 0, violations, objective };
}
