// Folding appended events onto a checkpoint must give exactly what folding the whole log gives:
// the same state on every later day, and the same problems for the new events. Random logs on a
// small mission, valid and invalid events mixed, split at random points.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { road, tinyScenario } from '../../../test/support/tiny-scenario.ts';
import { addDays } from '../dates.ts';
import { extendFold, foldCheckpoint, foldChecked, foldState, stateFromCheckpoint } from './fold.ts';
import { checkAgainstLog } from './lines.ts';
import type { MissionEvent } from './schema.ts';

const scenario = tinyScenario({
  end: '2023-07-20',
  sites: [
    { id: 'c', name: 'Camp', kind: 'camp', lat: 18, lon: 1, deadline: '2023-07-10', recipient: 'Governor', guard: 2, personnel: [{ group: 'c-staff', count: 30, essential: false }], lots: [{ id: 'c-box', kind: 'container', count: 8, truckloads: 1, value: 10000, owner: 'UN' }] },
    { id: 'h', name: 'Hub', kind: 'hub', lat: 16, lon: 0, deadline: '2023-07-18' },
    { id: 'x', name: 'Exit', kind: 'exit', lat: 12, lon: -8 },
  ],
  legs: [road('c', 'h', 100, 1, 0.5), road('h', 'x', 300, 2, 0.1)],
});
const cert = { reference: 'BOI-1', witnesses: ['property officer'], board: 'local property survey board' };

const day = fc.integer({ min: 0, max: 18 }).map((d) => addDays('2023-07-01', d));
const movementId = fc.constantFrom('m1', 'm2', 'm3', 'm4');
const site = fc.constantFrom('c', 'h', 'x');
const event: fc.Arbitrary<MissionEvent> = fc.oneof(
  fc.record({ on: day, movement: movementId, from: site, to: site, n: fc.integer({ min: 0, max: 12 }), k: fc.integer({ min: 0, max: 5 }) }).map(({ on, movement, from, to, n, k }) => ({ type: 'movement_departed', on, movement, mode: 'road', from, to, trucks: 2, escorts: 1, people: n > 0 ? [{ group: 'c-staff', count: n }] : [], cargo: k > 0 ? [{ lot: 'c-box', count: k }] : [] }) as MissionEvent),
  fc.record({ on: day, movement: movementId }).map(({ on, movement }) => ({ type: 'movement_arrived', on, movement }) as MissionEvent),
  fc.record({ on: day, movement: movementId, days: fc.integer({ min: 1, max: 3 }) }).map(({ on, movement, days }) => ({ type: 'movement_delayed', on, movement, days, reason: 'sand' }) as MissionEvent),
  fc.record({ on: day, count: fc.integer({ min: 1, max: 6 }), at: site }).map(({ on, count, at }) => ({ type: 'disposition_done', on, lot: 'c-box', site: at, count, action: 'destroy', certificate: cert }) as MissionEvent),
  fc.record({ on: day, until: fc.option(day, { nil: undefined }) }).map(({ on, until }) => ({ type: 'leg_closed', on, from: 'c', to: 'h', mode: 'road', reason: 'mines', ...(until ? { until } : {}) }) as MissionEvent),
  day.map((on) => ({ type: 'leg_reopened', on, from: 'c', to: 'h', mode: 'road' }) as MissionEvent),
  fc.record({ on: day, deadline: day }).map(({ on, deadline }) => ({ type: 'deadline_changed', on, site: 'c', deadline }) as MissionEvent),
  fc.record({ on: day, trucks: fc.integer({ min: 0, max: 12 }) }).map(({ on, trucks }) => ({ type: 'fleet_changed', on, trucks, reason: 'cut' }) as MissionEvent),
  day.map((on) => ({ type: 'incident', on, event_type: 'Explosions/Remote violence', sub_event_type: 'Remote explosive/landmine/IED', actors: [], location: { name: 'road', lat: 17, lon: 0.5 }, fatalities: 1 }) as MissionEvent),
  day.map((on) => ({ type: 'site_handed_over', on, site: 'h', recipient: 'Governor', environmental_closeout: 'done', explosives_survey: 'done', certificate: cert }) as MissionEvent),
);

/** Events sorted as the fold applies them (by day, arrivals first), so a split leaves the tail after the head. */
const sortedLog = fc.array(event, { maxLength: 30 }).map((es) => es.map((e, i) => ({ e, i })).sort((a, b) => (a.e.on < b.e.on ? -1 : a.e.on > b.e.on ? 1 : (a.e.type === 'movement_arrived' ? 0 : 1) - (b.e.type === 'movement_arrived' ? 0 : 1) || a.i - b.i)).map((x) => x.e));

describe('folding on from a checkpoint', () => {
  it('gives the whole fold\'s state on every day from the last event on', () => {
    fc.assert(
      fc.property(sortedLog, fc.nat(), fc.integer({ min: 0, max: 3 }), (log, cut, extra) => {
        const k = log.length === 0 ? 0 : cut % (log.length + 1);
        const head = foldCheckpoint(scenario, log.slice(0, k));
        const extended = extendFold(head, log.slice(k).map((event, i) => ({ event, tag: i })));
        expect(extended).not.toBeNull();
        const last = log.at(-1)?.on ?? scenario.start;
        const asOf = addDays(last, extra) > scenario.end ? last : addDays(last, extra);
        expect(stateFromCheckpoint(extended!.checkpoint, asOf)).toEqual(foldState(scenario, log, asOf));
        // The checkpoint it started from is unchanged.
        expect(stateFromCheckpoint(head, asOf)).toEqual(foldState(scenario, log.slice(0, k), asOf));
      }),
      { numRuns: 300 },
    );
  });

  it('finds the same problems in new events as checking them against the whole log', () => {
    fc.assert(
      fc.property(sortedLog, fc.array(event, { minLength: 1, maxLength: 4 }), (log, fresh) => {
        // A log as the store holds it: only events that passed their check.
        const clean: MissionEvent[] = [];
        for (const e of log) if (checkAgainstLog(scenario, clean, [{ line: 1, event: e }]).length === 0) clean.push(e);
        const lines = fresh.map((event, i) => ({ line: i + 1, event }));
        const cp = foldCheckpoint(scenario, clean);
        expect(cp.clean).toBe(true);
        const full = checkAgainstLog(scenario, clean, lines);
        const quick = checkAgainstLog(scenario, clean, lines, cp);
        expect(quick.sort((a, b) => a.line - b.line || a.field.localeCompare(b.field))).toEqual(full.sort((a, b) => a.line - b.line || a.field.localeCompare(b.field)));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses to fold on an event that sorts before the checkpoint\'s last', () => {
    const cp = foldCheckpoint(scenario, [{ type: 'fleet_changed', on: '2023-07-05', trucks: 4, reason: 'cut' } as MissionEvent]);
    expect(extendFold(cp, [{ event: { type: 'fleet_changed', on: '2023-07-04', trucks: 5, reason: 'cut' } as MissionEvent, tag: 1 }])).toBeNull();
    expect(foldChecked(scenario, [], '2023-07-05').state.fleet.trucks).toBe(10);
  });
});
