// Ids and dates the plan uses must exist; every count must be whole (rule 1). Items that fail
// here are left out of the day-by-day simulation, so one bad id is reported once, here.
import type { Plan } from '../../domain/plan/schema.ts';
import { MODES } from '../../domain/scenario/schema.ts';
import { dayOf, isWholePositive, type Lookup } from './lookup.ts';
import { violation, type Violation } from './types.ts';

export function checkReferences(look: Lookup, plan: Plan): Violation[] {
  const out: Violation[] = [];
  const ref = (message: string, where?: string) => out.push(violation('reference', 'unknown or malformed', message, where));
  const whole = (message: string, where?: string) => out.push(violation(1, 'whole counts', message, where));

  const seen = new Map<string, number>();
  for (const m of plan.movements) seen.set(m.id, (seen.get(m.id) ?? 0) + 1);
  for (const [id, n] of seen) if (n > 1) ref(`movement id ${id} is used by ${n} movements; ids must be unique`, id);

  for (const m of plan.movements) {
    if (!(MODES as readonly string[]).includes(m.mode)) ref(`movement ${m.id} has mode "${m.mode}"; it must be road or air`, m.id);
    for (const end of ['from', 'to'] as const) {
      if (!look.sites.has(m[end])) ref(`movement ${m.id} ${end === 'from' ? 'leaves from' : 'goes to'} site "${m[end]}", which the scenario does not have`, m.id);
    }
    if (dayOf(m.depart) === null) ref(`movement ${m.id} departs on "${m.depart}", not a YYYY-MM-DD calendar date`, m.id);
    if (dayOf(m.arrive) === null) ref(`movement ${m.id} arrives on "${m.arrive}", not a YYYY-MM-DD calendar date`, m.id);
    for (const p of m.people) {
      if (!look.groups.has(p.group)) ref(`movement ${m.id} carries personnel group "${p.group}", which the scenario does not have`, m.id);
      if (!isWholePositive(p.count)) whole(`movement ${m.id} carries ${p.count} people of ${p.group}; a count must be a whole number of at least 1`, m.id);
    }
    for (const c of m.cargo) {
      if (!look.lots.has(c.lot)) ref(`movement ${m.id} carries lot "${c.lot}", which the scenario does not have`, m.id);
      if (!isWholePositive(c.count)) whole(`movement ${m.id} carries ${c.count} units of ${c.lot}; a count must be a whole number of at least 1`, m.id);
    }
  }

  plan.dispositions.forEach((d, i) => {
    const label = `disposition #${i + 1} (${d.action} ${d.count} of ${d.lot} at ${d.site} on ${d.on})`;
    if (!look.lots.has(d.lot)) ref(`${label}: lot "${d.lot}" is not in the scenario`, d.lot);
    if (!look.sites.has(d.site)) ref(`${label}: site "${d.site}" is not in the scenario`, d.site);
    if (dayOf(d.on) === null) ref(`${label}: "${d.on}" is not a YYYY-MM-DD calendar date`, d.lot);
    if (!isWholePositive(d.count)) whole(`${label}: a count must be a whole number of at least 1`, d.lot);
  });

  for (const c of plan.closures) {
    if (!look.sites.has(c.site)) ref(`closure entry names site "${c.site}", which the scenario does not have`, c.site);
  }
  return out;
}
