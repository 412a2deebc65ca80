// `npm run sitrep-image`: the 31 October 2023 situation report of the replayed mission, its
// first page as docs/sitrep-2023-10-31.png for the README (pdftoppm from poppler-utils).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeSitrep } from '../src/operations/report.ts';
import { replay } from '../src/operations/replay.ts';
import { htmlToPdf } from '../src/reports/pdf.ts';
import { MARKING, sitrepHtml } from '../src/reports/render.ts';
import { borders } from '../src/server/map.ts';
import { hashPassword } from '../src/server/passwords.ts';
import { inProcessPlanner, testStore } from '../test/support/server.ts';

const store = await testStore('scenarios/minusma-2023.yaml');
await replay(store, readFileSync('scenarios/minusma-2023.events.jsonl', 'utf8'), 'events', { actor: 'script', to: '2023-10-31', planner: inProcessPlanner });
await store.access.addUser({ name: 'hq-ops', passwordHash: await hashPassword('not used here at all'), role: 'viewer', clearance: 'confidential' });
const { report, copyId } = await makeSitrep(store, { recipient: 'hq-ops', madeBy: 'sitrep-image', planner: inProcessPlanner });
const dir = mkdtempSync(join(tmpdir(), 'drawdown-sitrep-'));
writeFileSync(join(dir, 'sitrep.pdf'), await htmlToPdf(sitrepHtml(report, borders() as never), { marking: MARKING[report.marking]!, copyId }));
execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', join(dir, 'sitrep.pdf'), 'docs/sitrep-2023-10-31']);
await store.close();
process.stderr.write('wrote docs/sitrep-2023-10-31.png\n');
