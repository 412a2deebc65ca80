// Whether an event can follow the log so far: it must name things the mission has, on days
// inside the horizon. Returns problems as field → message; empty when the event fits.
import type { MissionState } from './fold.ts';
import type { MissionEvent } from './schema.ts';

export type EventProblem = { field: string; message: string };

export function checkEvent(state: MissionState, e: MissionEvent): EventProblem[] {
  const s = state.scenario;
  const out: EventProblem[] = [];
  if (e.on < s.start || e.on > s.end) out.push({ field: 'on', message: `${e.on} is outside the mission's horizon ${s.start} to ${s.end}` });
  switch (e.type) {
    case 'mission_created':
      out.push({ field: 'type', message: 'mission_created is written by `drawdown init` only' });
      break;
    case 'deadline_changed': {
      const site = s.sites.find((x) => x.id === e.site);
      if (!site) out.push({ field: 'site', message: `unknown site "${e.site}"` });
      else if (site.kind === 'exit') out.push({ field: 'site', message: `"${e.site}" is an exit and has no deadline` });
      if (e.deadline < s.start || e.deadline > s.end) out.push({ field: 'deadline', message: `${e.deadline} is outside the horizon ${s.start} to ${s.end}` });
      break;
    }
    case 'leg_closed':
    case 'leg_reopened': {
      if (!s.legs.some((l) => l.from === e.from && l.to === e.to && l.mode === e.mode)) {
        out.push({ field: 'from', message: `no ${e.mode} leg ${e.from} → ${e.to} in this mission` });
      }
      if (e.type === 'leg_closed' && e.until !== undefined && e.until < e.on) out.push({ field: 'until', message: `${e.until} is before on ${e.on}` });
      break;
    }
  }
  return out;
}
