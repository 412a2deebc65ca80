// The mission kept between reads: extended by new entries, and reloaded whole when the log was
// replaced, even by one of the same length from the same scenario at the same instant.
import { describe, expect, it } from 'vitest';
import { emptyTarget } from '../../test/support/dialects.ts';
import { parseScenario } from '../domain/scenario/parse.ts';
import { foldState } from '../domain/events/fold.ts';
import type { MissionEvent } from '../domain/events/schema.ts';
import { openStore } from '../store/store.ts';
import { loadMission, stateOn } from './mission.ts';
import { readFileSync } from 'node:fs';

const restriction = (n: number): MissionEvent => ({ type: 'restriction', on: '2024-03-02', domain: 'air', imposed_by: 'host state', requested: n, denied: n }) as MissionEvent;

describe('loadMission', () => {
  it('follows appends and a replaced log, and its states match a fresh fold', async () => {
    const fixed = new Date('2024-03-02T08:00:00Z');
    const store = await openStore(await emptyTarget('sqlite'), { now: () => fixed });
    const file = 'scenarios/examples/two-camps.yaml';
    const text = readFileSync(file, 'utf8');
    const parsed = parseScenario(text, file);
    if (!parsed.ok) throw new Error('does not parse');
    await store.createMission({ file, text, scenario: parsed.scenario, actor: 'a' });
    expect((await loadMission(store)).events).toHaveLength(1);
    await store.append([restriction(1)], 'a');
    const grown = await loadMission(store);
    expect(grown.events.map((e) => e.type)).toEqual(['mission_created', 'restriction']);
    expect(stateOn(grown, '2024-03-05')).toEqual(foldState(grown.scenario, grown.events, '2024-03-05'));
    // Replaced by a log of the same length, same scenario, same clock.
    await store.createMission({ file, text, scenario: parsed.scenario, actor: 'b', force: true });
    await store.append([restriction(7)], 'b');
    const replaced = await loadMission(store);
    expect(replaced.events.map((e) => (e.type === 'restriction' ? e.requested : 0))).toEqual([0, 7]);
    await store.close();
  });
});
