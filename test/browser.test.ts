// The web app in Debian's Chromium, driven by playwright-core: sign in, the map, recording a
// deadline change and seeing the plan move, approving a disposition, a viewer kept from a
// confidential incident, a field error. Screenshots of each view go to screenshots/ (ignored by git).
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { replay } from '../src/operations/replay.ts';
import { buildWeb } from '../src/server/build-web.ts';
import { hashPassword } from '../src/server/passwords.ts';
import type { MissionStore } from '../src/store/store.ts';
import { inProcessPlanner, PASSWORD, testServer, testStore } from './support/server.ts';

const SHOTS = 'screenshots';
const CHROMIUM = '/usr/bin/chromium';
let store: MissionStore;
let app: FastifyInstance;
let browser: Browser;
let base: string;
/** Every request a page made to anywhere but this server: there must be none. */
const outside: string[] = [];

beforeAll(async () => {
  store = await testStore('scenarios/minusma-2023.yaml');
  await replay(store, readFileSync('scenarios/minusma-2023.events.jsonl', 'utf8'), 'events', { actor: 'test', to: '2023-10-31', planner: inProcessPlanner });
  const hash = await hashPassword(PASSWORD);
  for (const [name, role, clearance] of [['ana', 'analyst', 'confidential'], ['chief', 'admin', 'strictly_confidential'], ['plans', 'planner', 'confidential'], ['joc', 'operations_centre', 'confidential'], ['property', 'property', 'confidential'], ['guest', 'viewer', 'unclassified']] as const) {
    await store.access.addUser({ name, passwordHash: hash, role, clearance });
  }
  app = testServer(store, await buildWeb());
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  mkdirSync(SHOTS, { recursive: true });
}, 240_000);

afterAll(async () => {
  expect(outside).toEqual([]);
  await browser?.close();
  await app?.close();
  await store?.close();
});

async function signedIn(name: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // Nothing may be fetched from anywhere but this server.
  page.on('request', (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith('data:')) outside.push(r.url());
  });
  await page.goto(`${base}/#map`);
  await page.fill('#sign-in input[name=name]', name);
  await page.fill('#sign-in input[name=password]', PASSWORD);
  await page.click('#sign-in button[type=submit]');
  await page.waitForSelector('[data-view=map]');
  return page;
}

describe('the web app in Chromium', () => {
  it('signs in, shows Kidal on the map, and renders every view', { timeout: 120_000 }, async () => {
    const page = await browser.newPage();
    await page.goto(base);
    await page.fill('#sign-in input[name=name]', 'chief');
    await page.fill('#sign-in input[name=password]', 'wrong password');
    await page.click('#sign-in button[type=submit]');
    await expect.poll(() => page.textContent('#sign-in-error')).toMatch(/wrong name or password/);
    await page.close();

    const chief = await signedIn('chief');
    const kidal = chief.locator('circle[data-site=kidal]');
    expect(await kidal.count()).toBe(1);
    expect(await kidal.locator('title').textContent()).toMatch(/Kidal: closed/);
    expect(await chief.locator('svg.map path.country.focus').count()).toBe(1);
    await chief.screenshot({ path: `${SHOTS}/map.png`, fullPage: true });
    for (const view of ['plan', 'equipment', 'permits', 'incidents', 'backups', 'log']) {
      await chief.goto(`${base}/#${view}`);
      await chief.waitForSelector(`[data-view=${view}]`);
      if (view === 'permits') expect(await chief.textContent('[data-view=permits]')).toMatch(/2023-10/);
      await chief.screenshot({ path: `${SHOTS}/${view}.png`, fullPage: true });
    }
    await chief.close();
  });

  it('records a deadline change from the form; the plan and its timeline follow', { timeout: 120_000 }, async () => {
    const page = await signedIn('plans');
    await page.goto(`${base}/#plan`);
    await page.waitForSelector('[data-view=plan]');
    const before = await page.locator('rect[data-closes=ansongo] title').textContent();
    expect(before).toMatch(/ansongo closes 2023-11-1\d/);
    await page.goto(`${base}/#log`);
    await page.waitForSelector('#deadline-form');
    await page.selectOption('#deadline-form select[name=site]', 'ansongo');
    await page.fill('#deadline-form input[name=deadline]', '2023-11-08');
    await page.fill('#deadline-form input[name=reason]', 'handover brought forward');
    await page.click('#deadline-form button[type=submit]');
    await page.waitForSelector('[data-view=plan]', { timeout: 60_000 });
    await expect.poll(async () => page.locator('rect[data-closes=ansongo] title').textContent(), { timeout: 30_000 }).not.toBe(before);
    const after = await page.locator('rect[data-closes=ansongo] title').textContent();
    expect(after! <= 'ansongo closes 2023-11-08').toBe(true);
    await page.screenshot({ path: `${SHOTS}/plan-after-deadline.png`, fullPage: true });
    await page.close();
  });

  it('shows a bad field beside its input, and records nothing', { timeout: 60_000 }, async () => {
    const page = await signedIn('plans');
    const before = (await store.entries()).length;
    await page.goto(`${base}/#log`);
    await page.waitForSelector('#deadline-form');
    await page.fill('#deadline-form input[name=deadline]', '2023-11-31');
    await page.click('#deadline-form button[type=submit]');
    const error = page.locator('#deadline-form .field-error[data-field=deadline]');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/deadline: .*calendar date/);
    expect(await page.locator('#deadline-form input[name=deadline].invalid').count()).toBe(1);
    expect((await store.entries()).length).toBe(before);
    await page.close();
  });

  it('takes a disposition from proposal to approval', { timeout: 60_000 }, async () => {
    const property = await signedIn('property');
    await property.goto(`${base}/#equipment`);
    await property.waitForSelector('#propose');
    await property.fill('#propose input[name=lot]', 'gao-generators');
    await property.fill('#propose input[name=site]', 'gao');
    await property.fill('#propose input[name=count]', '2');
    await property.selectOption('#propose select[name=action]', 'hand_over');
    await property.fill('#propose input[name=on]', '2023-11-02');
    await property.fill('#propose input[name=reason]', 'beyond economical repair');
    await property.click('#propose button[type=submit]');
    await property.waitForSelector('[data-status]');
    const id = await property.locator('[data-status]').last().getAttribute('data-status');
    await property.close();
    const joc = await signedIn('joc');
    await joc.goto(`${base}/#equipment`);
    await joc.click(`button[data-approve="${id}"]`);
    await expect.poll(async () => joc.locator(`[data-status="${id}"]`).textContent()).toBe('approved');
    await joc.close();
    expect((await store.access.proposal(Number(id)))?.decided_by).toBe('joc');
  });

  it('keeps a confidential incident from a viewer, on the page and through the API', { timeout: 60_000 }, async () => {
    const chief = await signedIn('chief');
    await chief.goto(`${base}/#incidents`);
    await chief.waitForSelector('[data-view=incidents]');
    expect(await chief.textContent('[data-view=incidents]')).toContain('Amachach airfield');
    await chief.close();
    const guest = await signedIn('guest');
    expect(await guest.textContent('svg.map')).not.toContain('Amachach airfield');
    await guest.goto(`${base}/#incidents`);
    await guest.waitForSelector('[data-view=incidents]');
    expect(await guest.textContent('[data-view=incidents]')).not.toContain('Amachach airfield');
    const api = await guest.evaluate(async () => (await fetch('/api/incidents')).text());
    expect(api).not.toContain('Amachach airfield');
    expect(await guest.evaluate(async () => (await fetch('/api/log')).status)).toBe(403);
    await guest.close();
  });

  it('reads a report into the review queue; an accepted candidate enters the log and the map', { timeout: 90_000 }, async () => {
    const page = await signedIn('ana');
    await page.goto(`${base}/#review`);
    await page.waitForSelector('#ingest-form');
    await page.fill('#ingest-form input[name=published]', '2023-10-31');
    await page.fill('#ingest-form input[name=source]', 'wire copy, 31 October');
    await page.fill('#ingest-form textarea[name=text]', 'BAMAKO, Mali — A roadside bomb struck a supply convoy near Bourem this morning, wounding two drivers. The road has seen many attacks since 2012.');
    await page.click('#ingest-form button[type=submit]');
    const accept = page.locator('button[data-accept]').first();
    await accept.waitFor();
    const id = await accept.getAttribute('data-accept');
    await page.screenshot({ path: `${SHOTS}/review.png`, fullPage: true });
    await accept.click();
    await expect.poll(async () => (await store.access.candidate(Number(id)))?.status, { timeout: 20_000 }).toBe('accepted');
    const seq = (await store.access.candidate(Number(id)))!.log_seq!;
    const entry = (await store.entries()).find((e) => e.seq === seq)!;
    expect(entry.event).toMatchObject({ type: 'incident', on: '2023-10-31', location: { name: 'Bourem' }, source: 'wire copy, 31 October' });
    await page.goto(`${base}/#log?type=incident`);
    await page.waitForSelector('[data-view=log]');
    expect(await page.textContent('[data-view=log]')).toContain('Bourem');
    await page.goto(`${base}/#map`);
    await page.waitForSelector('[data-view=map]');
    expect(await page.textContent('svg.map')).toMatch(/2023-10-31 Remote explosive\/landmine\/IED at Bourem/);
    await page.close();
  });
});
