import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawdown } from './cli.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'drawdown-plan-'));

describe('drawdown plan and verify', () => {
  it('plans the embedded MINUSMA scenario, and the verifier says ok', () => {
    const r = drawdown(['plan', 'scenarios/minusma-2023.yaml', '--format', 'json', '--time-limit', '6']);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan.scenario).toBe('MINUSMA');
    expect(plan.movements.length).toBeGreaterThan(50);
    expect(plan.bound).not.toBeNull();
    expect(plan.bound).toBeLessThanOrEqual(plan.objective.total);
    const file = join(tmp(), 'p.json');
    writeFileSync(file, r.stdout);
    const v = drawdown(['verify', 'scenarios/minusma-2023.yaml', file]);
    expect(v.stdout.trim()).toBe('ok');
    expect(v.code).toBe(0);
  });

  it('prints a plan a chief of staff can read', () => {
    const r = drawdown(['plan', 'scenarios/examples/tight-deadline.yaml', '--time-limit', '2']);
    expect(r.code).toBe(0);
    for (const section of ['Objective', 'Closure calendar', 'Movements', 'Dispositions', 'bound', 'greedy baseline']) expect(r.stdout).toContain(section);
    expect(r.stdout).toMatch(/hand_over|sell|destroy/);
  });

  it('lists every violation of a hand-broken plan and exits 1', () => {
    const r = drawdown(['plan', 'scenarios/examples/two-camps.yaml', '--format', 'json', '--time-limit', '2']);
    const plan = JSON.parse(r.stdout);
    plan.movements[0].trucks = 100000; // more than the fleet and the convoy limit
    plan.movements.pop(); // something is left behind
    const file = join(tmp(), 'broken.json');
    writeFileSync(file, JSON.stringify(plan));
    const v = drawdown(['verify', 'scenarios/examples/two-camps.yaml', file]);
    expect(v.code).toBe(1);
    expect(v.stdout).toMatch(/rule 7/);
    expect(v.stdout).toMatch(/rule 8/);
    expect(v.stdout).toMatch(/rule 1/);
  });

  it('rejects a file that is not a plan with the field that is wrong', () => {
    const file = join(tmp(), 'notaplan.json');
    writeFileSync(file, JSON.stringify({ scenario: 'x', movements: 'none' }));
    const v = drawdown(['verify', 'scenarios/examples/two-camps.yaml', file]);
    expect(v.code).toBe(2);
    expect(v.stderr).toMatch(/movements/);
    expect(v.stderr).toMatch(/DRW_PLAN_INVALID/);
  });

  it('explains an infeasible scenario instead of crashing', () => {
    const r = drawdown(['plan', 'test/fixtures/plan/no-way-out.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/camp: 10 people \(camp-force\) cannot be brought out/);
    expect(r.stderr).toMatch(/DRW_INFEASIBLE/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('plans from a mission store with its recorded deadline changes', () => {
    const db = join(tmp(), 'm.db');
    expect(drawdown(['init', 'scenarios/examples/two-camps.yaml', '--db', db]).code).toBe(0);
    const before = JSON.parse(drawdown(['plan', '--db', db, '--format', 'json', '--time-limit', '2']).stdout);
    const site = before.closures[0].site;
    const earlier = before.horizon.start;
    const rec = drawdown(['record', '--db', db, '-'], { input: JSON.stringify({ type: 'deadline_changed', on: earlier, site, deadline: earlier }) });
    expect(rec.code).toBe(0);
    const after = JSON.parse(drawdown(['plan', '--db', db, '--format', 'json', '--time-limit', '2']).stdout);
    expect(after.closures.find((c: { site: string }) => c.site === site).deadline).toBe(earlier);
  });
});
