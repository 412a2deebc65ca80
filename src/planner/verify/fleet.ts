// Rule 8: the pooled trucks and escorts. A road movement holds its trucks and escorts from its
// departure day through departure + 2 × days − 1 (there and back).
import type { Plan } from '../../domain/plan/schema.ts';
import { fromEpochDay } from '../../domain/dates.ts';
import { dayOf, legKey, listIds, type Lookup } from './lookup.ts';
import { violation, type Violation } from './types.ts';

interface Busy { trucks: number; escorts: number; ids: string[] }

export function checkFleet(look: Lookup, plan: Plan): Violation[] {
  const busy = new Map<number, Busy>();
  for (const m of plan.movements) {
    if (m.mode !== 'road') continue;
    const depart = dayOf(m.depart);
    if (depart === null) continue;
    // Without a leg (a rule 6 error) the plan's own travel time stands in for the leg's.
    const leg = look.legs.get(legKey(m.from, m.to, 'road'));
    const arrive = dayOf(m.arrive);
    const days = leg?.days ?? Math.max(1, arrive === null ? 1 : arrive - depart);
    for (let d = depart; d <= depart + 2 * days - 1; d++) {
      const b = busy.get(d) ?? { trucks: 0, escorts: 0, ids: [] };
      b.trucks += m.trucks;
      b.escorts += m.escorts;
      b.ids.push(m.id);
      busy.set(d, b);
    }
  }
  // Mid-operation: trucks and escorts of movements under way are busy from the start. If they
  // alone exceed a fleet that has since shrunk, that is the past's doing: the plan may add
  // nothing on those days, but is not blamed for the excess.
  const start = dayOf(look.scenario.start)!;
  const prior = new Map<number, { trucks: number; escorts: number }>();
  for (const b of look.scenario.progress?.busy ?? []) {
    for (let d = start; d <= dayOf(b.until)!; d++) {
      const x = busy.get(d) ?? { trucks: 0, escorts: 0, ids: [] };
      x.trucks += b.trucks;
      x.escorts += b.escorts;
      x.ids.push(b.movement ?? 'under way');
      busy.set(d, x);
      const p = prior.get(d) ?? { trucks: 0, escorts: 0 };
      p.trucks += b.trucks;
      p.escorts += b.escorts;
      prior.set(d, p);
    }
  }
  const { fleet } = look.scenario;
  return [
    ...overDays(busy, 'trucks', (d) => Math.max(fleet.trucks, prior.get(d)?.trucks ?? 0)),
    ...overDays(busy, 'escorts', (d) => Math.max(fleet.escorts, prior.get(d)?.escorts ?? 0)),
  ];
}

/** One violation per run of consecutive over-committed days with the same load and movements. */
function overDays(busy: Map<number, Busy>, what: 'trucks' | 'escorts', capacity: (day: number) => number): Violation[] {
  const out: Violation[] = [];
  const days = [...busy.keys()].filter((d) => busy.get(d)![what] > capacity(d)).sort((a, b) => a - b);
  let i = 0;
  while (i < days.length) {
    const first = days[i]!;
    const b = busy.get(first)!;
    const sig = `${b[what]}|${b.ids.join(',')}`;
    let j = i;
    while (j + 1 < days.length && days[j + 1] === days[j]! + 1) {
      const n = busy.get(days[j + 1]!)!;
      if (`${n[what]}|${n.ids.join(',')}` !== sig) break;
      j++;
    }
    const span = j > i ? `${fromEpochDay(first)}..${fromEpochDay(days[j]!)}` : fromEpochDay(first);
    out.push(violation(8, 'pooled fleet', `${b[what]} ${what} busy on ${span}, fleet has ${capacity(first)} (movements ${listIds(b.ids)})`, fromEpochDay(first)));
    i = j + 1;
  }
  return out;
}
