// One benchmark instance, run in its own process so its peak memory is its own. Prints one
// JSON line on stdout.
import { readFileSync } from 'node:fs';
import { parseScenario } from '../src/domain/scenario/parse.ts';
import { type Scenario, scenarioSchema } from '../src/domain/scenario/schema.ts';
import { makePlan } from '../src/planner/plan.ts';
import { verifyPlan } from '../src/planner/verify/verify.ts';
import { generateScenario, PRESETS } from './generate.ts';

const [kind, arg, limitText] = process.argv.slice(2) as [string, string, string];
const timeLimitSeconds = Number(limitText);

function scenarioFor(): Scenario {
  if (kind === 'file') {
    const r = parseScenario(readFileSync(arg, 'utf8'), arg);
    if (!r.ok) throw new Error(`${arg} does not parse`);
    return r.scenario;
  }
  const preset = PRESETS[kind as keyof typeof PRESETS];
  return scenarioSchema.parse(generateScenario({ ...preset, seed: Number(arg) }));
}

const scenario = scenarioFor();
const units = scenario.sites.reduce((a, s) => a + s.lots.reduce((b, l) => b + l.count, 0), 0);
const people = scenario.sites.reduce((a, s) => a + s.personnel.reduce((b, g) => b + g.count, 0), 0);
const t0 = performance.now();
const result = await makePlan(scenario, { timeLimitSeconds, onProgress: (m) => process.stderr.write(`  ${m}\n`) });
const seconds = (performance.now() - t0) / 1000;
const peakMiB = process.resourceUsage().maxRSS / 1024;
if (!result.ok) {
  console.log(JSON.stringify({ ok: false, seconds, peakMiB, units, people, stranded: result.stranded.length }));
} else {
  const v = verifyPlan(scenario, result.plan);
  console.log(JSON.stringify({
    ok: true,
    verified: v.ok,
    violations: v.violations.length,
    seconds,
    peakMiB,
    units,
    people,
    camps: scenario.sites.filter((s) => s.kind !== 'exit').length,
    total: result.plan.objective.total,
    bound: result.plan.bound,
    gap: result.plan.gap,
    baseline: result.baseline?.objective.total ?? null,
    method: result.plan.method,
    boundSeconds: result.boundSeconds,
    boundStatus: result.boundStatus,
  }));
}
