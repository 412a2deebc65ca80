import { DrawdownError } from '../../domain/errors.ts';
import { planSchema } from '../../domain/plan/schema.ts';
import { verifyPlan } from '../../planner/verify/verify.ts';
import { format, parse } from '../args.ts';
import type { Io } from '../io.ts';
import { loadScenarioFile, readText } from '../scenario-file.ts';

export const usage = 'drawdown verify SCENARIO PLAN.json [--format text|json]   check a plan against every rule, apart from the solver';

export async function verify(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('verify', argv, { format: { type: 'string' } });
  const fmt = format('verify', values.format);
  if (positionals.length !== 2) throw new DrawdownError('DRW_USAGE', 'drawdown verify: expected SCENARIO and PLAN.json');
  const [scenarioFile, planFile] = positionals as [string, string];
  const { scenario } = loadScenarioFile(scenarioFile);
  const text = readText(planFile);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new DrawdownError('DRW_PLAN_INVALID', `${planFile}: not JSON (${(e as Error).message})`);
  }
  const parsed = planSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 20).map((i) => `${planFile} ${i.path.map(String).join('.') || '(plan)'}: ${i.message}`);
    throw new DrawdownError('DRW_PLAN_INVALID', `${planFile}: ${parsed.error.issues.length} field problem(s)`, lines);
  }
  const result = verifyPlan(scenario, parsed.data);
  if (fmt === 'json') io.out(JSON.stringify(result, null, 2));
  else if (result.ok) io.out('ok');
  else for (const v of result.violations) io.out(v.message);
  if (!result.ok) io.err(`drawdown: ${planFile}: ${result.violations.length} violation(s) of the scenario's rules`);
  return result.ok ? 0 : 1;
}
