// `npm run replay-table`: replays the 2023 events on a fresh store and writes the table to
// docs/replay-2023.md (with the date and the machine).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseScenario } from '../src/domain/scenario/parse.ts';
import { replay } from '../src/operations/replay.ts';
import { openStore } from '../src/store/store.ts';
import { replayTable } from '../src/cli/commands/replay.ts';

const file = 'scenarios/minusma-2023.yaml';
const text = readFileSync(file, 'utf8');
const parsed = parseScenario(text, file);
if (!parsed.ok) throw new Error(`${file} does not parse`);
const dir = mkdtempSync(join(tmpdir(), 'drawdown-replay-table-'));
const store = await openStore(join(dir, 'm.db'));
try {
  await store.createMission({ file, text, scenario: parsed.scenario, actor: 'replay-table' });
  const rows = await replay(store, readFileSync('scenarios/minusma-2023.events.jsonl', 'utf8'), 'scenarios/minusma-2023.events.jsonl', {
    actor: 'replay-table',
    onStep: (r) => process.stderr.write(`${r.date} ${'note' in r ? r.note : r.events}\n`),
  });
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const doc = [
    '# The 2023 withdrawal, replayed',
    '',
    `Written by \`npm run replay-table\` on ${new Date().toISOString().slice(0, 10)} (${machine}).`,
    '',
    'The embedded scenario (MINUSMA as planned on 1 July 2023) replayed with the real events of',
    '`scenarios/minusma-2023.events.jsonl`: between events the mission follows its current plan',
    '(`drawdown advance`); after each disruption it is re-planned from the state of that day, keeping',
    'what was planned unless a plan is clearly (2 %) better. **Mission total** is the objective of what',
    'was done plus what the plan still has to do; **units lost** counts units disposed of, done and',
    'planned; **movements changed** counts the previous plan\'s movements still to come that were',
    'moved or dropped (and the new ones). Every plan was checked by the verifier against the state of',
    "its day, exported as a scenario. Re-plans run in the planner's worker thread; the first one includes its start-up.",
    '',
    replayTable(rows),
    '',
  ].join('\n');
  writeFileSync('docs/replay-2023.md', doc);
  process.stdout.write(doc);
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
