// `npm run bench -- --only crash`: 200 SIGKILLs per backend (20 with --quick) of a server
// recording events through the API; prints its section of bench/RESULTS.md.
import type { DialectName } from '../src/store/dialect.ts';
import { crashRounds } from '../test/support/crash.ts';
import { benchMission, MACHINE, stopBenchPostgres, today } from './mission.ts';

const rounds = process.argv.includes('--quick') ? 20 : 200;
const rows: string[] = [];
for (const dialect of ['sqlite', 'postgres'] as DialectName[]) {
  const target = await benchMission(dialect);
  const r = await crashRounds({ target, rounds, seed: 2023, maxRunMs: 2000, log: (m) => process.stderr.write(`${dialect}: ${m}\n`) });
  rows.push(`| ${dialect} | ${r.kills} | ${r.kills - r.duringStartup} / ${r.duringStartup} | ${r.acknowledged.toLocaleString('en-US')} | ${r.unacknowledgedPresent} | ${r.lost.length} | ${r.broken.length} | ${r.seconds.toFixed(0)} |`);
  if (r.lost.length || r.broken.length) process.stderr.write(`${dialect}: LOST ${r.lost.slice(0, 5).join(', ')}; BROKEN ${r.broken.slice(0, 5).join('; ')}\n`);
}
await stopBenchPostgres();
process.stdout.write(
  [
    `## Crash safety — ${today()}`,
    '',
    `Machine: ${MACHINE}. A real \`drawdown serve\` on the store, four clients recording events through the API, SIGKILL at a random moment (one in five during start-up, the rest within 2 s of the server being ready); after each kill the store is opened, its log verified, and every acknowledged event looked for. Target: no acknowledged event lost, no broken log.`,
    '',
    '| backend | kills | while writing / during start-up | events acknowledged | written but unacknowledged | acknowledged and lost | store broken after a kill | seconds |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n'),
);
