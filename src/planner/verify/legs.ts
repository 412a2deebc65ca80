// Rule 6: a movement uses a leg that exists in its mode, departs outside every closure of that
// leg, and arrives `days` after it departs.
import type { Plan } from '../../domain/plan/schema.ts';
import { addDays, fromEpochDay } from '../../domain/dates.ts';
import { dayOf, legKey, type Lookup } from './lookup.ts';
import { violation, type Violation } from './types.ts';

export function checkLegs(look: Lookup, plan: Plan): Violation[] {
  const out: Violation[] = [];
  const add = (message: string, where: string) => out.push(violation(6, 'legs', message, where));
  for (const m of plan.movements) {
    // Unknown sites are reference errors already; a leg between them cannot be judged.
    if (!look.sites.has(m.from) || !look.sites.has(m.to)) continue;
    const leg = look.legs.get(legKey(m.from, m.to, m.mode));
    if (!leg) {
      const other = m.mode === 'road' ? 'air' : 'road';
      const hint = look.legs.has(legKey(m.from, m.to, other)) ? ` (there is an ${other} leg)` : '';
      add(`movement ${m.id} goes ${m.from} → ${m.to} by ${m.mode}, but the scenario has no such ${m.mode} leg${hint}`, m.id);
      continue;
    }
    const depart = dayOf(m.depart);
    if (depart === null) continue;
    const arrive = dayOf(m.arrive);
    if (arrive !== null && arrive !== depart + leg.days) {
      add(`movement ${m.id} departs ${m.depart} and arrives ${m.arrive}, but the ${m.mode} leg ${m.from} → ${m.to} takes ${leg.days} day(s), so it arrives ${addDays(m.depart, leg.days)}`, m.id);
    }
    for (const c of look.scenario.closures) {
      if (c.from !== m.from || c.to !== m.to || c.mode !== m.mode) continue;
      const first = dayOf(c.first);
      const last = dayOf(c.last);
      if (first !== null && last !== null && depart >= first && depart <= last) {
        const why = c.reason ? ` (${c.reason})` : '';
        add(`movement ${m.id} departs ${fromEpochDay(depart)} on the ${m.mode} leg ${m.from} → ${m.to}, closed ${c.first}..${c.last}${why}`, m.id);
      }
    }
  }
  return out;
}
