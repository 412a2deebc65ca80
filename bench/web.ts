// The web benchmark: how long the first view (the map) takes to render in headless Chromium on
// localhost, from navigation to the drawn map, for a signed-in user on the 2023 mission as of
// 31 October 2023 (target: under 2 s); and how long the day's situation report takes as a PDF
// (target: under 10 s). Prints one JSON line.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { replay } from '../src/operations/replay.ts';
import { makeSitrep } from '../src/operations/report.ts';
import { htmlToPdf } from '../src/reports/pdf.ts';
import { MARKING, sitrepHtml } from '../src/reports/render.ts';
import { borders } from '../src/server/map.ts';
import { buildWeb } from '../src/server/build-web.ts';
import { hashPassword } from '../src/server/passwords.ts';
import { inProcessPlanner, PASSWORD, testServer, testStore } from '../test/support/server.ts';

const store = await testStore('scenarios/minusma-2023.yaml');
await replay(store, readFileSync('scenarios/minusma-2023.events.jsonl', 'utf8'), 'events', { actor: 'bench', to: '2023-10-31', planner: inProcessPlanner });
await store.access.addUser({ name: 'chief', passwordHash: await hashPassword(PASSWORD), role: 'admin', clearance: 'strictly_confidential' });
const app = testServer(store, await buildWeb());
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(base);
  await page.fill('#sign-in input[name=name]', 'chief');
  await page.fill('#sign-in input[name=password]', PASSWORD);
  await page.click('#sign-in button[type=submit]');
  await page.waitForSelector('[data-view=map]');
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = Date.now();
    await page.goto(`${base}/#map`, { waitUntil: 'commit' });
    await page.reload({ waitUntil: 'commit' });
    await page.waitForSelector('[data-view=map] circle[data-site=kidal]');
    runs.push(Date.now() - t0);
  }
  runs.sort((a, b) => a - b);
  // The situation report of the day, made and printed to PDF (Chromium started each time, as the CLI does).
  const reportMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = Date.now();
    const { report, copyId } = await makeSitrep(store, { recipient: 'chief', madeBy: 'bench', planner: inProcessPlanner });
    await htmlToPdf(sitrepHtml(report, borders() as never), { marking: MARKING[report.marking]!, copyId });
    reportMs.push(Date.now() - t0);
  }
  reportMs.sort((a, b) => a - b);
  console.log(JSON.stringify({ ok: true, median_ms: runs[2], worst_ms: runs[4], runs, report_median_ms: reportMs[1], report_runs: reportMs }));
} finally {
  await browser.close();
  await app.close();
  await store.close();
}
