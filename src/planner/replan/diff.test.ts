import { describe, expect, it } from 'vitest';
import type { Movement, Plan } from '../../domain/plan/schema.ts';
import { diffPlans } from './diff.ts';

const mv = (id: string, depart: string, over: Partial<Movement> = {}): Movement => ({ id, mode: 'road', from: 'c', to: 'h', depart, arrive: depart, trucks: 2, escorts: 1, people: [{ group: 'g', count: 10 }], cargo: [{ lot: 'l', count: 2 }], ...over });
const plan = (movements: Movement[], dispositions: Plan['dispositions'] = []): Plan => ({ scenario: 't', horizon: { start: '2023-07-01', end: '2023-07-31' }, objective: { total: 0, value_recovered: 0, value_lost: 0, risk: 0, cost: 0 }, bound: null, gap: null, solve_seconds: 0, closures: [], movements, dispositions });

describe('what a re-plan changed', () => {
  it('tells kept, moved, removed and added movements apart, and newly disposed units', () => {
    const before = { movements: [mv('m1', '2023-07-02'), mv('m2', '2023-07-03', { to: 'x' }), mv('m3', '2023-07-04', { trucks: 5 }), mv('m4', '2023-07-05', { from: 'h' })], dispositions: [{ lot: 'l', site: 'c', count: 1, action: 'destroy' as const, on: '2023-07-02' }] };
    const after = plan(
      [mv('m1', '2023-07-02'), mv('m9', '2023-07-03', { to: 'x' }), mv('m3', '2023-07-06', { trucks: 5 }), mv('m10', '2023-07-07', { from: 'x' })],
      [{ lot: 'l', site: 'c', count: 3, action: 'destroy', on: '2023-07-02' }],
    );
    const d = diffPlans(before, after);
    // m2 was made again under another id, unchanged: kept.
    expect(d.kept).toEqual(['m1', 'm2']);
    expect(d.moved).toEqual([{ id: 'm3', was: '2023-07-04', now: '2023-07-06', new_id: 'm3' }]);
    expect(d.removed).toEqual(['m4']);
    expect(d.added).toEqual(['m10']);
    expect(d.newly_disposed).toEqual([{ lot: 'l', count: 2, action: 'destroy' }]);
    expect(d.changed_share).toBe(0.5);
  });
});
