// The operations loop through the real command: record, state, re-plan, advance, what-if,
// backup plans — on the tutorial mission, small enough to check by hand.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawdown } from './cli.ts';

const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'drawdown-ops-'));
  const db = join(dir, 'm.db');
  expect(drawdown(['init', 'scenarios/examples/two-camps.yaml', '--db', db]).code).toBe(0);
  return { dir, db };
};
const logLength = (db: string) => JSON.parse(drawdown(['log', '--db', db, '--format', 'json']).stdout).length;

describe('operations on a mission store', () => {
  it('rejects a batch with bad events, naming each line and field, and writes none of it', () => {
    const { db } = fresh();
    const plan = JSON.parse(drawdown(['plan', '--db', db, '--format', 'json']).stdout);
    const first = plan.movements[0];
    const cert = { reference: 'B-1', witnesses: ['w'], board: 'b' };
    const ok = { type: 'movement_departed', on: first.depart, movement: first.id };
    const lines = [
      JSON.stringify({ type: 'deadline_changed', on: '2024-03-02', site: 'alfa', deadline: '2024-03-06' }),
      JSON.stringify({ type: 'movement_arrived', on: '2024-03-01', movement: 'm0999' }),
      JSON.stringify({ type: 'disposition_done', on: '2024-03-02', lot: 'alpha-containers', site: 'alpha', count: 6, action: 'destroy', certificate: cert }),
      JSON.stringify({ type: 'disposition_done', on: '2024-03-03', lot: 'alpha-containers', site: 'alpha', count: 1, action: 'destroy', certificate: cert }),
      '{"type": "incident", "on": ',
    ].join('\n');
    const before = logLength(db);
    const r = drawdown(['record', '--db', db, '-'], { input: lines });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\(stdin\):1 site: unknown site "alfa"/);
    expect(r.stderr).toMatch(/\(stdin\):2 movement: movement "m0999" has not departed/);
    expect(r.stderr).not.toMatch(/\(stdin\):3 /);
    expect(r.stderr).toMatch(/\(stdin\):4 count: only 0 units of lot alpha-containers are at alpha on 2024-03-03 \(6 already disposed of\)/);
    expect(r.stderr).toMatch(/\(stdin\):5 \(json\): not valid JSON/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(logLength(db)).toBe(before);
    // The good line alone goes in, with its manifest taken from the plan.
    expect(drawdown(['record', '--db', db, '-'], { input: JSON.stringify(ok) }).code).toBe(0);
    const entry = JSON.parse(drawdown(['log', '--db', db, '--format', 'json']).stdout).at(-1);
    expect(entry.event).toMatchObject({ type: 'movement_departed', movement: first.id, from: first.from, to: first.to, trucks: first.trucks });
    // An arrival before the departure is named as such.
    const early = drawdown(['record', '--db', db, '-'], { input: JSON.stringify({ type: 'movement_arrived', on: '2024-02-28', movement: first.id }) });
    expect(early.code).toBe(2);
  });

  it('follows the plan, exports the state as a scenario with what is under way, and that scenario plans and verifies', () => {
    const { dir, db } = fresh();
    expect(drawdown(['plan', '--db', db]).code).toBe(0);
    const adv = drawdown(['advance', '--db', db, '--to', '2024-03-04', '--format', 'json']);
    expect(adv.code).toBe(0);
    expect(JSON.parse(adv.stdout).departed).toBeGreaterThan(0);
    const state = JSON.parse(drawdown(['state', '--db', db, '--format', 'json']).stdout);
    expect(state.as_of).toBe('2024-03-04');
    const yaml = drawdown(['state', '--db', db, '--format', 'yaml']);
    expect(yaml.code).toBe(0);
    const file = join(dir, 'state.yaml');
    writeFileSync(file, yaml.stdout);
    if (state.in_transit.length > 0) expect(yaml.stderr).toMatch(/under way/);
    expect(drawdown(['validate', file]).code).toBe(0);
    const planned = drawdown(['plan', file, '--format', 'json', '--time-limit', '3']);
    expect(planned.code).toBe(0);
    writeFileSync(join(dir, 'plan.json'), planned.stdout);
    expect(drawdown(['verify', file, join(dir, 'plan.json')]).code).toBe(0);
    // The re-plan from the store keeps the plan it follows: nothing happened, nothing changes.
    const again = JSON.parse(drawdown(['plan', '--db', db, '--format', 'json']).stdout);
    expect(again.as_of).toBe('2024-03-04');
    expect(again.changes.removed).toEqual([]);
    expect(again.changes.moved).toEqual([]);
  });

  it('plans what-ifs beside the current plan without recording them, and keeps backup plans up to date', () => {
    const { dir, db } = fresh();
    expect(drawdown(['plan', '--db', db]).code).toBe(0);
    const changes = join(dir, 'cut.jsonl');
    writeFileSync(changes, JSON.stringify({ type: 'leg_closed', on: '2024-03-01', from: 'bravo', to: 'base', mode: 'road', until: '2024-03-06', reason: 'road cut' }) + '\n');
    const before = logLength(db);
    const w = drawdown(['whatif', '--db', db, changes, '--save', 'bravo-cut', '--format', 'json']);
    expect(w.code).toBe(0);
    const out = JSON.parse(w.stdout);
    expect(out.whatif.mission_total).toBeGreaterThanOrEqual(out.current.mission_total);
    expect(out.plan.movements.some((m: { from: string; to: string; depart: string }) => m.from === 'bravo' && m.to === 'base' && m.depart <= '2024-03-06')).toBe(false);
    expect(logLength(db)).toBe(before);
    const text = drawdown(['whatif', '--db', db, changes]);
    expect(text.stdout).toMatch(/WHAT IF/);
    expect(text.stdout).toMatch(/mission total/);
    const list = JSON.parse(drawdown(['backups', '--db', db, '--format', 'json']).stdout);
    expect(list).toEqual([expect.objectContaining({ name: 'bravo-cut', ok: true })]);
    // Recording an event re-evaluates the backups.
    const rec = drawdown(['record', '--db', db, '-'], { input: JSON.stringify({ type: 'restriction', on: '2024-03-02', domain: 'air', imposed_by: 'host state', requested: 3, denied: 2 }) });
    expect(rec.code).toBe(0);
    expect(rec.stderr).toMatch(/backup plan "bravo-cut": mission total/);
    expect(drawdown(['backups', '--db', db, '--drop', 'bravo-cut', '--format', 'json']).stdout.trim()).toBe('[]');
  });

  it('refuses dates outside the horizon and a bad --as-of with a one-line reason', () => {
    const { db } = fresh();
    const r = drawdown(['state', '--db', db, '--as-of', '2025-01-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/outside the mission's horizon/);
    const bad = drawdown(['plan', '--db', db, '--as-of', '1 March']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--as-of must be a date/);
    expect(drawdown(['advance', '--db', db]).stderr).toMatch(/--to DATE is required/);
  });
});

describe('the 2023 replay file', () => {
  it('holds only valid events, each with its source', () => {
    const lines = readFileSync('scenarios/minusma-2023.events.jsonl', 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(30);
    for (const line of lines) expect(JSON.parse(line).source).toMatch(/^https?:\/\//);
  });
});
