// What the verifier reports. Rules are the numbered items of SCENARIO.md "What a plan must keep".
import type { Objective } from '../../domain/plan/schema.ts';

export type RuleId = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 'objective' | 'reference';

export interface Violation {
  rule: RuleId;
  /** One line, naming the movement/lot/site/day and the numbers involved. */
  message: string;
  /** The movement id, lot id, site id or date the violation is about. */
  where?: string;
}

export interface VerifyResult {
  ok: boolean;
  violations: Violation[];
  /** The objective recomputed from the scenario and the plan's actions (not the plan's own figures). */
  objective: Objective;
}

/** Builds a violation whose message starts with the rule it breaks, so a list reads on its own. */
export function violation(rule: RuleId, label: string, message: string, where?: string): Violation {
  const prefix = typeof rule === 'number' ? `rule ${rule} (${label})` : `${rule} (${label})`;
  return where === undefined ? { rule, message: `${prefix}: ${message}` } : { rule, message: `${prefix}: ${message}`, where };
}
