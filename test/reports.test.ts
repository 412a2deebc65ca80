// The situation report of 31 October 2023 from the replayed mission, as a PDF read back with
// pdftotext (Debian's poppler-utils): its sections and key figures against the store; a viewer's
// copy without the confidential incident; each copy its own identifier, recorded in the audit.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stateView } from '../src/domain/events/view.ts';
import { restrictionsTally } from '../src/domain/events/tally.ts';
import { loadMission, stateOn } from '../src/operations/mission.ts';
import { replay } from '../src/operations/replay.ts';
import { hashPassword } from '../src/server/passwords.ts';
import { openStore } from '../src/store/store.ts';
import { drawdown } from './cli.ts';
import { inProcessPlanner, testStore } from './support/server.ts';

let db: string;
const dir = mkdtempSync(join(tmpdir(), 'drawdown-reports-'));
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

beforeAll(async () => {
  const store = await testStore('scenarios/minusma-2023.yaml');
  await replay(store, readFileSync('scenarios/minusma-2023.events.jsonl', 'utf8'), 'events', { actor: 'test', to: '2023-10-31', planner: inProcessPlanner });
  const hash = await hashPassword('long enough password');
  await store.access.addUser({ name: 'hq', passwordHash: hash, role: 'viewer', clearance: 'confidential' });
  await store.access.addUser({ name: 'guest', passwordHash: hash, role: 'viewer', clearance: 'unclassified' });
  db = store.location;
  await store.close();
}, 240_000);

describe('drawdown report', () => {
  it('makes the 31 October 2023 sitrep as a PDF whose sections and figures match the store', { timeout: 120_000 }, async () => {
    const out = join(dir, 'hq.pdf');
    const r = drawdown(['report', 'sitrep', '--db', db, '--on', '2023-10-31', '--for', 'hq', '--out', out, '--as', 'chief'], { timeout: 120_000 });
    expect(r.stderr).toMatch(/copy SR-20231031-[0-9A-F]{8} for hq written/);
    expect(r.code).toBe(0);
    const text = pdfText(out);
    for (const section of ['1. Camps', '2. People', '3. Equipment', '4. Movements', '5. Incidents', '6. Restrictions tally', '7. Outlook']) expect(text).toContain(section);
    const store = await openStore(db, { mustExist: true });
    const state = stateOn(await loadMission(store), '2023-10-31');
    const view = stateView(state);
    const departed = view.sites.filter((s) => s.kind === 'exit').reduce((a, s) => a + s.people, 0);
    expect(text).toMatch(new RegExp(`Departed\\s+${departed.toLocaleString('en-US')}`));
    expect(text).toMatch(/Kidal\s+closed/);
    expect(text).toMatch(/Ogossagou[\s\S]{0,80}handed[\s\S]{0,40}2023-08-04 to Prefect of/);
    // The tally's October air row: records, requested and refused as the store has them.
    const air = restrictionsTally(state).find((t) => t.month === '2023-10' && t.domain === 'air')!;
    expect(text).toMatch(new RegExp(`2023-10\\s+air\\s+${air.records}\\s+${air.requested}\\s+${air.denied}`));
    // Every page is marked with the classification and the copy.
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toMatch(/CONFIDENTIAL — copy SR-20231031-[0-9A-F]{8}/);
    expect(text).toContain('Amachach airfield');
    await store.close();
  });

  it('leaves a confidential incident out of a viewer\'s copy, and traces every copy in the audit', { timeout: 120_000 }, async () => {
    const a = drawdown(['report', 'sitrep', '--db', db, '--for', 'guest', '--out', join(dir, 'guest.pdf'), '--as', 'chief'], { timeout: 120_000 });
    const b = drawdown(['report', 'sitrep', '--db', db, '--for', 'guest', '--out', join(dir, 'guest2.pdf'), '--as', 'chief'], { timeout: 120_000 });
    expect(a.code).toBe(0);
    const text = pdfText(join(dir, 'guest.pdf'));
    expect(text).not.toContain('Amachach airfield');
    expect(text).toMatch(/1 record above the recipient's clearance was left out of this copy/);
    expect(text).toMatch(/UNCLASSIFIED — copy SR-/);
    const ids = [a.stderr, b.stderr].map((s) => /copy (SR-\d{8}-[0-9A-F]{8})/.exec(s)![1]!);
    expect(ids[0]).not.toBe(ids[1]);
    expect(pdfText(join(dir, 'guest2.pdf'))).toContain(ids[1]);
    const store = await openStore(db, { mustExist: true });
    const audit = await store.access.auditTrail();
    for (const id of ids) expect(audit.some((e) => e.user_name === 'chief' && e.action === 'report' && e.target.includes(id) && e.target.includes('for guest'))).toBe(true);
    await store.close();
  });

  it('gives the restrictions tally alone, as CSV too, and refuses a copy for nobody', () => {
    const csv = drawdown(['report', 'restrictions', '--db', db, '--from', '2023-09-01', '--to', '2023-10-31', '--format', 'csv']);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('month,domain,records,requested,refused');
    expect(lines.slice(1).every((l) => /^2023-(09|10),(air|ground|customs|patrol|personnel),\d+,\d+,\d+$/.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith('2023-09,ground'))).toBe(true);
    expect(drawdown(['report', 'sitrep', '--db', db]).stderr).toMatch(/--for USER/);
    expect(drawdown(['report', 'sitrep', '--db', db, '--for', 'nobody']).stderr).toMatch(/no user "nobody"/);
  });
});

describe('reports from the web app', () => {
  it('makes a copy in the background, keeps the file and its hash, and serves it to those cleared for it', { timeout: 120_000 }, async () => {
    const { createHash } = await import('node:crypto');
    const { buildServer } = await import('../src/server/app.ts');
    const store = await openStore(db, { mustExist: true });
    await store.access.addUser({ name: 'plans', passwordHash: await hashPassword('long enough password'), role: 'planner', clearance: 'confidential' });
    const app = buildServer({ store, planner: inProcessPlanner });
    const signIn = await app.inject({ method: 'POST', url: '/api/session', payload: { name: 'plans', password: 'long enough password' } });
    const headers = { cookie: String(signIn.headers['set-cookie']).split(';')[0]!, 'x-csrf-token': signIn.json().csrf };
    const started = await app.inject({ method: 'POST', url: '/api/reports/sitrep', headers, payload: { for: 'guest' } });
    expect(started.statusCode).toBe(200);
    let job = started.json();
    for (let i = 0; i < 200 && job.status !== 'done' && job.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 250));
      job = (await app.inject({ url: `/api/jobs/${started.json().job}`, headers })).json();
    }
    expect(job.status).toBe('done');
    expect(job.progress.join(' ')).toMatch(/printing copy SR-/);
    const list = (await app.inject({ url: '/api/reports', headers })).json().reports;
    const kept = list.find((r: { id: number }) => r.id === job.result.id);
    expect(kept).toMatchObject({ recipient: 'guest', made_by: 'plans', marking: 'unclassified', sha256: job.result.sha256 });
    const file = await app.inject({ url: `/api/reports/${job.result.id}/file`, headers });
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    expect(createHash('sha256').update(file.rawPayload).digest('hex')).toBe(job.result.sha256);
    // A copy for someone cleared above the maker is refused.
    await store.access.addUser({ name: 'chief2', passwordHash: await hashPassword('long enough password'), role: 'admin', clearance: 'strictly_confidential' });
    expect((await app.inject({ method: 'POST', url: '/api/reports/sitrep', headers, payload: { for: 'chief2' } })).statusCode).toBe(403);
    await app.close();
    await store.close();
  });
});
