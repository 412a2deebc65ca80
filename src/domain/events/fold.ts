// The state of the mission is the scenario folded with the log. Pure: re-planning reads this,
// and never rewrites the log.
import { addDays } from '../dates.ts';
import type { Closure, Scenario } from '../scenario/schema.ts';
import type { MissionEvent } from './schema.ts';

export type MissionState = {
  /** The day the state is taken on: events effective after it are not applied. */
  asOf: string;
  /** The scenario as it stands now: current deadlines and leg closures. */
  scenario: Scenario;
  /** How many log events were applied. */
  applied: number;
};

export function foldState(scenario: Scenario, events: readonly MissionEvent[], asOf: string = scenario.end): MissionState {
  let current: Scenario = { ...scenario, sites: scenario.sites.map((s) => ({ ...s })), closures: [...scenario.closures] };
  let applied = 0;
  for (const event of events) {
    if (event.on > asOf) continue;
    current = apply(current, event);
    applied += 1;
  }
  return { asOf, scenario: current, applied };
}

function apply(s: Scenario, e: MissionEvent): Scenario {
  switch (e.type) {
    case 'mission_created':
      return s;
    case 'deadline_changed':
      return { ...s, sites: s.sites.map((site) => (site.id === e.site ? { ...site, deadline: e.deadline } : site)) };
    case 'leg_closed': {
      const closure: Closure = { from: e.from, to: e.to, mode: e.mode, first: e.on, last: e.until ?? s.end, reason: e.reason };
      return { ...s, closures: [...s.closures, closure] };
    }
    case 'leg_reopened': {
      // A reopening ends every closure of the leg still running on that day.
      const dayBefore = addDays(e.on, -1);
      const closures = s.closures.flatMap((c) => {
        if (c.from !== e.from || c.to !== e.to || c.mode !== e.mode || c.last < e.on) return [c];
        if (c.first >= e.on) return [];
        return [{ ...c, last: dayBefore }];
      });
      return { ...s, closures };
    }
  }
}
