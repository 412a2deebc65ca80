// Rule 3, the dates: everything happens within [start, end]; nothing leaves, is disposed of or
// arrives at a camp or hub after its deadline; the plan's closure entries state the real last day.
// (That a camp is actually empty after its deadline is seen by the simulation in presence.ts.)
import type { Plan } from '../../domain/plan/schema.ts';
import { fromEpochDay } from '../../domain/dates.ts';
import { closes, dayOf, deadlineOf, type Lookup } from './lookup.ts';
import { violation, type Violation } from './types.ts';
import { locatedTotals } from '../../domain/scenario/pieces.ts';

export function checkDeadlines(look: Lookup, plan: Plan): Violation[] {
  const out: Violation[] = [];
  const add = (message: string, where: string) => out.push(violation(3, 'deadlines', message, where));
  const { scenario } = look;
  const start = dayOf(scenario.start)!;
  const end = dayOf(scenario.end)!;

  const h0 = dayOf(plan.horizon.start);
  const h1 = dayOf(plan.horizon.end);
  if ((h0 !== null && h0 < start) || (h1 !== null && h1 > end)) {
    add(`the plan's horizon ${plan.horizon.start}..${plan.horizon.end} reaches outside the scenario's ${scenario.start}..${scenario.end}`, plan.horizon.start);
  }

  const inHorizon = (day: number, what: string, where: string) => {
    if (day < start) add(`${what} on ${fromEpochDay(day)}, before the start ${scenario.start}`, where);
    if (day > end) add(`${what} on ${fromEpochDay(day)}, after the end ${scenario.end}`, where);
  };
  /** An action at a camp or hub after its deadline. */
  const byDeadline = (siteId: string, day: number, what: string, where: string) => {
    const site = look.sites.get(siteId);
    if (!site || !closes(site)) return;
    const dl = deadlineOf(scenario, site);
    if (day > dayOf(dl)!) add(`${what} on ${fromEpochDay(day)}, after ${siteId}'s deadline ${dl}`, where);
  };

  // Last departure or disposition per site (its closes_on) and which sites saw any activity.
  const last = new Map<string, number>();
  const active = new Set<string>();
  const leave = (site: string, day: number) => {
    last.set(site, Math.max(last.get(site) ?? -Infinity, day));
    active.add(site);
  };

  for (const m of plan.movements) {
    const depart = dayOf(m.depart);
    const arrive = dayOf(m.arrive);
    if (depart !== null) {
      inHorizon(depart, `movement ${m.id} departs ${m.from}`, m.id);
      byDeadline(m.from, depart, `movement ${m.id} departs ${m.from}`, m.id);
      leave(m.from, depart);
    }
    if (arrive !== null) {
      inHorizon(arrive, `movement ${m.id} arrives at ${m.to}`, m.id);
      byDeadline(m.to, arrive, `movement ${m.id} arrives at ${m.to}`, m.id);
      active.add(m.to);
    }
  }
  for (const d of plan.dispositions) {
    const on = dayOf(d.on);
    if (on === null) continue;
    const what = `${d.action} of ${d.count} of lot ${d.lot} at ${d.site}`;
    inHorizon(on, what, d.lot);
    byDeadline(d.site, on, what, d.lot);
    leave(d.site, on);
  }

  const entries = new Map<string, number>();
  for (const c of plan.closures) entries.set(c.site, (entries.get(c.site) ?? 0) + 1);
  for (const [site, n] of entries) if (n > 1) add(`site ${site} has ${n} closure entries; it closes once`, site);

  for (const c of plan.closures) {
    const site = look.sites.get(c.site);
    if (!site) continue; // a reference error
    if (!closes(site)) {
      add(`closure entry for ${c.site}, which is an exit; only camps and hubs close`, c.site);
      continue;
    }
    const dl = deadlineOf(scenario, site);
    if (c.deadline !== dl) add(`closure entry for ${c.site} gives deadline ${c.deadline}; the scenario's is ${dl}`, c.site);
    const lastDay = last.get(c.site);
    if (lastDay !== undefined && c.closes_on !== fromEpochDay(lastDay)) {
      add(`closure entry for ${c.site} says it closes on ${c.closes_on}, but its last departure or disposition is on ${fromEpochDay(lastDay)}`, c.site);
    }
  }

  for (const site of scenario.sites) {
    if (!closes(site) || entries.has(site.id)) continue;
    const hadAnything = initiallyHolds(scenario, site.id) || active.has(site.id);
    if (hadAnything) add(`${site.kind} ${site.id} is used by the plan but has no closure entry (deadline ${deadlineOf(scenario, site)})`, site.id);
  }
  return out;
}

/** Whether anything is at a site (or on its way there) when the scenario starts. */
function initiallyHolds(scenario: Lookup['scenario'], siteId: string): boolean {
  const site = scenario.sites.find((x) => x.id === siteId)!;
  if (!scenario.progress) return site.lots.length > 0 || site.personnel.length > 0;
  const away = locatedTotals(scenario);
  const home = site.lots.some((l) => l.count > (away.lots.get(l.id) ?? 0)) || site.personnel.some((g) => g.count > (away.groups.get(g.group) ?? 0));
  return home || scenario.progress.located.some((l) => l.site === siteId);
}
