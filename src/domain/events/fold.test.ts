import { describe, expect, it } from 'vitest';
import { tinyScenario, road } from '../../../test/support/tiny-scenario.ts';
import { makePlan } from '../../planner/plan.ts';
import { verifyPlan } from '../../planner/verify/verify.ts';
import { parseScenario } from '../scenario/parse.ts';
import { toYaml } from '../scenario/write.ts';
import { foldChecked, foldState } from './fold.ts';
import { checkAgainstLog, validateEventLines } from './lines.ts';
import { residualScenario } from './residual.ts';
import type { MissionEvent } from './schema.ts';
import { held, underWay } from './state.ts';

// A camp c, a hub h, an exit x: c → h (road, 1 day), h → x (road, 2 days), c → x (air).
const scenario = tinyScenario({
  end: '2023-07-20',
  sites: [
    { id: 'c', name: 'Camp', kind: 'camp', lat: 18, lon: 1, deadline: '2023-07-10', recipient: 'Governor', guard: 2, personnel: [{ group: 'c-staff', count: 30, essential: false }, { group: 'c-force', count: 10, essential: true }], lots: [{ id: 'c-box', kind: 'container', count: 8, truckloads: 1, value: 10000, owner: 'UN' }, { id: 'c-apc', kind: 'vehicle', count: 4, truckloads: 0, value: 90000, owner: 'COE/Chad' }] },
    { id: 'h', name: 'Hub', kind: 'hub', lat: 16, lon: 0, deadline: '2023-07-18' },
    { id: 'x', name: 'Exit', kind: 'exit', lat: 12, lon: -8 },
  ],
  legs: [road('c', 'h', 100, 1, 0.5), road('h', 'x', 300, 2, 0.1), { from: 'c', to: 'x', mode: 'air', km: 500, days: 1 }],
}, { air: { sorties_per_day: 2, seats: 20, truckloads: 1 } });

const cert = { reference: 'BOI-1', witnesses: ['property officer'], board: 'local property survey board' };
const depart = (on: string, movement: string, people: [string, number][], cargo: [string, number][], from = 'c', to = 'h', trucks = 3): MissionEvent => ({
  type: 'movement_departed', on, movement, mode: 'road', from, to, trucks, escorts: 1,
  people: people.map(([group, count]) => ({ group, count })), cargo: cargo.map(([lot, count]) => ({ lot, count })),
});

describe('the state fold', () => {
  it('follows units and people through departures and arrivals, with the fleet they hold', () => {
    const events = [depart('2023-07-02', 'm1', [['c-staff', 30]], [['c-box', 2]])];
    const s = foldState(scenario, events, '2023-07-02');
    expect(held(s, 'c', 'grp:c-staff')).toBe(0);
    expect(held(s, 'c', 'lot:c-box')).toBe(6);
    expect(underWay(s).map((m) => m.id)).toEqual(['m1']);
    expect(underWay(s)[0]!.arrive).toBe('2023-07-03');
    expect(s.sites.find((x) => x.id === 'c')!.status).toBe('drawing_down');
    expect(s.sites.find((x) => x.id === 'h')!.status).toBe('open');
    const later = foldState(scenario, [...events, { type: 'movement_arrived', on: '2023-07-03', movement: 'm1' }], '2023-07-03');
    expect(held(later, 'h', 'grp:c-staff')).toBe(30);
    expect(underWay(later)).toHaveLength(0);
    // The fold is a function of the day: before the departure nothing has moved.
    expect(held(foldState(scenario, events, '2023-07-01'), 'c', 'grp:c-staff')).toBe(30);
  });

  it('applies events by their day, whatever order they were recorded in', () => {
    const events: MissionEvent[] = [{ type: 'movement_arrived', on: '2023-07-03', movement: 'm1' }, depart('2023-07-02', 'm1', [['c-staff', 5]], [])];
    const { state, problems } = foldChecked(scenario, events.map((event, tag) => ({ event, tag })));
    expect(problems).toEqual([]);
    expect(held(state, 'h', 'grp:c-staff')).toBe(5);
  });

  it('refuses a second disposal of the same units, an arrival before departure and anything at a handed-over site', () => {
    const dispose = (on: string, count: number): MissionEvent => ({ type: 'disposition_done', on, lot: 'c-box', site: 'c', count, action: 'destroy', certificate: cert });
    const twice = checkAgainstLog(scenario, [dispose('2023-07-02', 8)], [{ line: 1, event: dispose('2023-07-03', 1) }]);
    expect(twice).toEqual([{ line: 1, field: 'count', message: 'only 0 units of lot c-box are at c on 2023-07-03 (8 already disposed of)' }]);
    const early = checkAgainstLog(scenario, [depart('2023-07-05', 'm1', [['c-staff', 1]], [])], [{ line: 4, event: { type: 'movement_arrived', on: '2023-07-04', movement: 'm1' } }]);
    expect(early[0]).toMatchObject({ line: 4, field: 'on' });
    expect(early[0]!.message).toMatch(/before it departed on 2023-07-05/);
    const handover: MissionEvent = { type: 'site_handed_over', on: '2023-07-05', site: 'h', recipient: 'Governor', environmental_closeout: 'done', explosives_survey: 'done', certificate: cert };
    const after = checkAgainstLog(scenario, [handover], [{ line: 2, event: { type: 'deadline_changed', on: '2023-07-06', site: 'h', deadline: '2023-07-08' } }]);
    expect(after[0]!.message).toMatch(/h was handed over on 2023-07-05/);
    // A camp still holding people is not handed over.
    const full = checkAgainstLog(scenario, [], [{ line: 1, event: { ...handover, site: 'c' } }]);
    expect(full[0]!.message).toMatch(/c still holds 8 of lot c-box/);
  });

  it('keeps the disposal rules: contingent-owned equipment is never sold or handed over', () => {
    const p = checkAgainstLog(scenario, [], [{ line: 1, event: { type: 'disposition_done', on: '2023-07-02', lot: 'c-apc', site: 'c', count: 1, action: 'sell', certificate: cert } }]);
    expect(p.map((x) => x.field)).toEqual(['action']);
    expect(p[0]!.message).toMatch(/COE\/Chad/);
  });

  it('turns refused permits into closures and ends closures when a leg reopens', () => {
    const events: MissionEvent[] = [
      { type: 'permit_denied', on: '2023-07-02', from: 'c', to: 'x', mode: 'air', for_date: '2023-07-03', until: '2023-07-05', reason: 'no clearance' },
      { type: 'leg_closed', on: '2023-07-02', from: 'c', to: 'h', mode: 'road', reason: 'IED' },
      { type: 'leg_reopened', on: '2023-07-06', from: 'c', to: 'h', mode: 'road' },
    ];
    const s = foldState(scenario, events, '2023-07-06');
    expect(s.scenario.closures).toEqual([
      { from: 'c', to: 'x', mode: 'air', first: '2023-07-03', last: '2023-07-05', reason: 'permit denied: no clearance' },
      { from: 'c', to: 'h', mode: 'road', first: '2023-07-02', last: '2023-07-05', reason: 'IED' },
    ]);
    expect(s.permits).toHaveLength(1);
  });

  it('raises the risk of a road near recent incidents, and only of that road', () => {
    const ied: MissionEvent = { type: 'incident', on: '2023-07-02', event_type: 'Explosions/Remote violence', sub_event_type: 'Remote explosive/landmine/IED', actors: [], location: { name: 'on the c–h road', lat: 17, lon: 0.5 }, fatalities: 0, injured: 3 };
    const s = foldState(scenario, [ied], '2023-07-03');
    const ch = s.legRisks.find((r) => r.from === 'c' && r.to === 'h')!;
    const hx = s.legRisks.find((r) => r.from === 'h' && r.to === 'x')!;
    expect(ch.current).toBeGreaterThan(ch.base);
    expect(hx.current).toBe(hx.base);
    expect(s.scenario.legs.find((l) => l.from === 'c' && l.to === 'h')!.risk).toBe(ch.current);
    // Sixty days on, it no longer counts; before it happened, neither.
    expect(foldState(scenario, [ied], '2023-07-01').legRisks.find((r) => r.from === 'c' && r.to === 'h')!.current).toBe(ch.base);
  });

  it('names the line and field of bad event lines and returns no events', () => {
    const text = [
      JSON.stringify({ type: 'deadline_changed', on: '2023-07-02', site: 'nowhere', deadline: '2023-07-05' }),
      '{not json',
      JSON.stringify({ type: 'incident', on: '2023-07-02', event_type: 'Battles', sub_event_type: 'Grenade', location: { name: 'c', lat: 18, lon: 1 } }),
      JSON.stringify({ type: 'movement_departed', on: '2023-07-02', movement: 'm9' }),
    ].join('\n');
    const r = validateEventLines(text, scenario, []);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.line, p.field])).toEqual([[1, 'site'], [2, '(json)'], [3, 'sub_event_type'], [4, 'mode']]);
  });
});

describe('the state as a scenario of its own', () => {
  it('can be planned from, verified, and written and read back as YAML, with a movement under way', async () => {
    const events: MissionEvent[] = [
      depart('2023-07-02', 'm1', [['c-staff', 20]], [['c-box', 3]]),
      { type: 'movement_arrived', on: '2023-07-03', movement: 'm1' },
      depart('2023-07-04', 'm2', [['c-staff', 5]], [['c-box', 2]], 'h', 'x'),
      depart('2023-07-04', 'm3', [['c-staff', 10]], [['c-box', 1]]),
      { type: 'disposition_done', on: '2023-07-04', lot: 'c-box', site: 'c', count: 1, action: 'destroy', certificate: cert },
    ];
    const state = foldState(scenario, events, '2023-07-04');
    const residual = residualScenario(state);
    expect(residual.start).toBe('2023-07-04');
    // 8 boxes: 2 gone to the exit, 1 destroyed; 5 remain (3 at c, 1 at h, 1 on its way to h).
    expect(residual.sites[0]!.lots.find((l) => l.id === 'c-box')!.count).toBe(5);
    expect(residual.progress!.located).toEqual(expect.arrayContaining([
      { lot: 'c-box', site: 'h', count: 1 },
      { group: 'c-staff', site: 'h', count: 15 },
      { lot: 'c-box', site: 'h', count: 1, arrives: '2023-07-05', movement: 'm3' },
      { group: 'c-staff', site: 'h', count: 10, arrives: '2023-07-05', movement: 'm3' },
    ]));
    expect(residual.progress!.busy.map((b) => b.movement)).toEqual(['m2', 'm3']);
    const text = toYaml(residual);
    const back = parseScenario(text, 'state.yaml');
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.scenario).toEqual(residual);
    const plan = await makePlan(back.scenario, { timeLimitSeconds: 2 });
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(verifyPlan(back.scenario, plan.plan)).toMatchObject({ ok: true });
    // Of c-staff, 15 are at h on the first day; the 10 on their way may not leave before they arrive.
    const firstDay = plan.plan.movements.filter((m) => m.from === 'h' && m.depart === '2023-07-04').flatMap((m) => m.people).reduce((a, p) => a + p.count, 0);
    expect(firstDay).toBeLessThanOrEqual(15);
    // A plan that ignores the movement under way breaks the rules the verifier reads from progress.
    const cheat = { ...plan.plan, movements: [...plan.plan.movements, { id: 'mx', mode: 'road' as const, from: 'h', to: 'x', depart: '2023-07-04', arrive: '2023-07-06', trucks: 10, escorts: 1, people: [{ group: 'c-staff', count: 10 }], cargo: [] }] };
    const verdict = verifyPlan(back.scenario, cheat);
    expect(verdict.ok).toBe(false);
  });
});
