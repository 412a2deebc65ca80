// The 2023 replay, through the real command: the real disruptions of MINUSMA's withdrawal
// interleaved with following the plan, a re-plan after each, and every plan checked against
// the state of its day. Then the demo's day, 31 October 2023, exported and verified as a file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawdown } from './cli.ts';

type Row = { date: string; events: string; mission_total: number; units_lost: number; movements_changed: number; replan_ms: number; verified: boolean };

describe('drawdown replay of scenarios/minusma-2023.events.jsonl', () => {
  it('re-plans after every disruption with plans that verify, and can be resumed', { timeout: 300_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'drawdown-replay-'));
    const db = join(dir, 'minusma.db');
    expect(drawdown(['init', 'scenarios/minusma-2023.yaml', '--db', db]).code).toBe(0);
    const first = drawdown(['replay', 'scenarios/minusma-2023.events.jsonl', '--db', db, '--to', '2023-10-31', '--format', 'json'], { timeout: 240_000 });
    expect(first.stderr).not.toMatch(/DRW_|internal error/);
    expect(first.code).toBe(0);
    const rows = JSON.parse(first.stdout) as Row[];
    expect(rows.length).toBeGreaterThanOrEqual(15);
    expect(rows.every((r) => r.verified)).toBe(true);
    expect(rows.map((r) => r.date)).toEqual([...rows.map((r) => r.date)].sort());
    expect(rows.some((r) => r.events.includes('kidal deadline → 2023-10-31'))).toBe(true);

    // The demo's day: camps handed over on their real dates, Kidal empty, the state a plain file.
    const state = JSON.parse(drawdown(['state', '--db', db, '--format', 'json']).stdout);
    expect(state.as_of).toBe('2023-10-31');
    const status = Object.fromEntries(state.sites.map((s: { id: string; status: string }) => [s.id, s.status]));
    for (const id of ['ogossagou', 'ber', 'goundam', 'menaka', 'douentza']) expect(status[id]).toBe('handed_over');
    expect(['closed', 'handed_over']).not.toContain(status.gao);
    expect(status.kidal).toBe('closed');
    expect(state.restrictions).toBeGreaterThanOrEqual(4);
    const yaml = drawdown(['state', '--db', db, '--format', 'yaml']);
    writeFileSync(join(dir, 'state.yaml'), yaml.stdout);
    const plan = drawdown(['plan', '--db', db, '--format', 'json']);
    expect(plan.code).toBe(0);
    writeFileSync(join(dir, 'plan.json'), plan.stdout);
    const verdict = drawdown(['verify', join(dir, 'state.yaml'), join(dir, 'plan.json')]);
    expect(verdict.stderr).toBe('');
    expect(verdict.code).toBe(0);

    // Resuming the same file goes on from where it stopped; nothing is recorded twice.
    const rest = drawdown(['replay', 'scenarios/minusma-2023.events.jsonl', '--db', db, '--format', 'json'], { timeout: 240_000 });
    expect(rest.code).toBe(0);
    const later = JSON.parse(rest.stdout) as Row[];
    expect(later.every((r) => r.date > '2023-10-31' && r.verified)).toBe(true);
    const log = JSON.parse(drawdown(['log', '--db', db, '--type', 'site_handed_over', '--format', 'json']).stdout);
    expect(log.map((e: { event: { site: string } }) => e.event.site)).toEqual(['ogossagou', 'ber', 'goundam', 'menaka', 'douentza', 'ansongo', 'mopti-sevare', 'timbuktu']);
    expect(drawdown(['log', 'verify', '--db', db]).code).toBe(0);
  });
});
