// Fuzzing at benchmark size (issue 8): the properties of test/fuzz/properties.ts, at least
// 10,000 cases in all (DRAWDOWN_FUZZ_RUNS; --quick: 2,000), every case run and every failure
// counted. Prints one Markdown section on stdout; failures' first messages go to stderr.
// Run alone: `npx tsx bench/fuzz.ts`, or through `npx tsx bench/run.ts --only fuzz`.
import { apiProperties, countProperty, eventProperties, type FuzzGroup, type FuzzProperty, runsFor, scenarioProperties } from '../test/fuzz/properties.ts';

const quick = process.argv.includes('--quick');
const total = Number(process.env.DRAWDOWN_FUZZ_RUNS ?? (quick ? 2_000 : 10_000));
const rows: { name: string; cases: number; failures: number; seconds: number }[] = [];

async function run(properties: FuzzProperty[]): Promise<void> {
  for (const p of properties) {
    process.stderr.write(`fuzz: ${p.name} (${runsFor(p, total)} cases)\n`);
    const r = await countProperty(p, runsFor(p, total));
    rows.push({ name: p.name, cases: r.cases, failures: r.failures, seconds: r.seconds });
    for (const e of r.examples) process.stderr.write(`  FAILED: ${e}\n`);
  }
}

const started = performance.now();
await run(scenarioProperties());
const groups: FuzzGroup[] = [];
const events = await eventProperties();
groups.push(events);
await run(events.properties);
const api = await apiProperties();
groups.push(api);
if (api.unfuzzable.length > 0) for (const u of api.unfuzzable) process.stderr.write(`  UNFUZZABLE: ${u}\n`);
await run(api.properties);
for (const g of groups) await g.close();

const cases = rows.reduce((a, r) => a + r.cases, 0);
const failures = rows.reduce((a, r) => a + r.failures, 0);
const seconds = (performance.now() - started) / 1000;
const lines = [
  `## Fuzzing — ${new Date().toISOString().slice(0, 10)}${quick ? ' (quick)' : ''}`,
  '',
  `Machine: ${process.env.DRAWDOWN_BENCH_MACHINE}.`,
  '',
  '| property | cases | failures | seconds |',
  '|---|---|---|---|',
  ...rows.map((r) => `| ${r.name.replace(/\|/g, '\\|')} | ${r.cases.toLocaleString('en-US')} | ${r.failures} | ${r.seconds.toFixed(1)} |`),
  `| **all** | **${cases.toLocaleString('en-US')}** | **${failures}** | **${seconds.toFixed(1)}** |`,
  '',
  `Property-based tests with fast-check (test/fuzz/properties.ts): random and mutated scenario files, event lines and API requests (every route of the table, its input made from its zod schema and mutated, sent by users of every role). A case fails when a parser throws anything but a DrawdownError, a problem is not one line naming its field, the API answers 5xx or a 4xx without a DRW_ code, a refused write changes the log, proposals, candidates or users or breaks the hash chain, or what is accepted no longer folds.${api.unfuzzable.length > 0 ? ` Routes that cannot be fuzzed: ${api.unfuzzable.length}.` : ''}`,
  '',
];
process.stdout.write(`${lines.join('\n')}\n`);
// Background re-plans may still hold the event loop; the table is out.
process.exit(0);
