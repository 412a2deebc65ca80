// The web benchmark: how long the first view (the map) takes to render in headless Chromium on
// localhost, from navigation to the drawn map, for a signed-in user on the 2023 mission as of
// 31 October 2023. Target (issue 5): under 2 s. Prints one JSON line.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { replay } from '../src/operations/replay.ts';
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
  console.log(JSON.stringify({ ok: true, median_ms: runs[2], worst_ms: runs[4], runs }));
} finally {
  await browser.close();
  await app.close();
  await store.close();
}
