// Day-by-day simulation of where every unit and person is: rules 1 (everything leaves, counts add
// up), 2 (presence), 3 (camps and hubs empty after their deadline) and 4 (people last, guard).
//
// Order within a day: arrivals first (what arrives on day d may leave on day d), then all of the
// day's departures and dispositions against that stock, then the end-of-day checks.
import type { Plan } from '../../domain/plan/schema.ts';
import type { Site } from '../../domain/scenario/schema.ts';
import { fromEpochDay } from '../../domain/dates.ts';
import { closes, dayOf, deadlineOf, fmt, listIds, type Lookup } from './lookup.ts';
import { violation, type Violation } from './types.ts';

type Key = `lot:${string}` | `grp:${string}`;

interface Arrival { site: string; key: Key; count: number }
interface Removal { site: string; key: Key; count: number; by: string; movement?: string }

/** How many of each lot and group are at each site. */
class Stock {
  private readonly bySite = new Map<string, Map<Key, number>>();
  get(site: string, key: Key): number {
    return this.bySite.get(site)?.get(key) ?? 0;
  }
  set(site: string, key: Key, n: number): void {
    let m = this.bySite.get(site);
    if (!m) this.bySite.set(site, (m = new Map()));
    m.set(key, n);
  }
  add(site: string, key: Key, n: number): void {
    this.set(site, key, this.get(site, key) + n);
  }
  /** Positive holdings at a site, optionally only lots or only people. */
  held(site: string, kind?: 'lot' | 'grp'): [Key, number][] {
    const m = this.bySite.get(site);
    if (!m) return [];
    return [...m].filter(([k, n]) => n > 0 && (kind === undefined || k.startsWith(kind)));
  }
  total(site: string, kind?: 'lot' | 'grp'): number {
    return this.held(site, kind).reduce((s, [, n]) => s + n, 0);
  }
}

function describe(key: Key, n: number): string {
  const id = key.slice(4);
  return key.startsWith('lot:') ? `${fmt(n)} of lot ${id}` : `${fmt(n)} people of ${id}`;
}

function pushTo<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

export function checkPresence(look: Lookup, plan: Plan): Violation[] {
  const out: Violation[] = [];
  const { scenario } = look;
  const arrivals = new Map<number, Arrival[]>();
  const removals = new Map<number, Removal[]>();
  const days = new Set<number>();

  // Only items whose ids and dates resolve take part; the rest are reference errors already.
  for (const m of plan.movements) {
    const depart = dayOf(m.depart);
    if (depart === null || !look.sites.has(m.from) || !look.sites.has(m.to)) continue;
    // A wrong arrival day is a rule 6 error; simulate the plan as written, but never arrive before leaving.
    const arrive = Math.max(depart, dayOf(m.arrive) ?? depart);
    days.add(depart).add(arrive);
    const items: [Key, number][] = [
      ...m.cargo.filter((c) => look.lots.has(c.lot)).map((c): [Key, number] => [`lot:${c.lot}`, c.count]),
      ...m.people.filter((p) => look.groups.has(p.group)).map((p): [Key, number] => [`grp:${p.group}`, p.count]),
    ];
    for (const [key, count] of items) {
      pushTo(removals, depart, { site: m.from, key, count, by: m.id, movement: m.id });
      pushTo(arrivals, arrive, { site: m.to, key, count });
    }
  }
  const disposed = new Map<string, number>();
  for (const d of plan.dispositions) {
    const on = dayOf(d.on);
    const site = look.sites.get(d.site);
    if (on === null || !site || !look.lots.has(d.lot)) continue;
    if (site.kind === 'exit') {
      out.push(violation(1, 'everything leaves', `disposition ${d.action} of ${d.count} of lot ${d.lot} at ${d.site} on ${d.on}: ${d.site} is an exit; disposal happens at a camp or hub`, d.lot));
    }
    days.add(on);
    disposed.set(d.lot, (disposed.get(d.lot) ?? 0) + d.count);
    pushTo(removals, on, { site: d.site, key: `lot:${d.lot}`, count: d.count, by: `${d.action} of ${d.lot} at ${d.site}` });
  }
  // Deadlines are checkpoints even when nothing happens on them, so a camp left holding stock is seen.
  for (const site of scenario.sites) {
    const dl = dayOf(deadlineOf(scenario, site));
    if (closes(site) && dl !== null) days.add(dl);
  }

  const stock = new Stock();
  for (const site of scenario.sites) {
    for (const lot of site.lots) stock.add(site.id, `lot:${lot.id}`, lot.count);
    for (const g of site.personnel) stock.add(site.id, `grp:${g.group}`, g.count);
  }
  // Mid-operation: what is elsewhere is not at its own site; what is under way arrives later.
  for (const l of scenario.progress?.located ?? []) {
    const key: Key = l.lot !== undefined ? `lot:${l.lot}` : `grp:${l.group!}`;
    const home = l.lot !== undefined ? look.lots.get(l.lot)?.site : look.groups.get(l.group!)?.site;
    if (!home) continue;
    stock.add(home.id, key, -l.count);
    if (l.arrives === undefined) stock.add(l.site, key, l.count);
    else {
      const day = dayOf(l.arrives)!;
      days.add(day);
      pushTo(arrivals, day, { site: l.site, key, count: l.count });
    }
  }

  // Rule 4 needs each site's own groups; people passing through do not count there.
  const own = new Map<string, { essential: string[]; nonEssential: string[]; essentialTotal: number }>();
  for (const site of scenario.sites) {
    own.set(site.id, {
      essential: site.personnel.filter((g) => g.essential).map((g) => g.group),
      nonEssential: site.personnel.filter((g) => !g.essential).map((g) => g.group),
      // Those of its essential people who are there when the scenario starts.
      essentialTotal: site.personnel.filter((g) => g.essential).reduce((s, g) => s + Math.max(0, stock.get(site.id, `grp:${g.group}`)), 0),
    });
  }
  const ownPresent = (site: string, groups: string[]) => groups.reduce((s, g) => s + stock.get(site, `grp:${g}`), 0);

  const guardBreaches = new Map<string, { first: number; lots: number; present: number; need: number; days: number }>();
  const lateStock = new Set<string>();

  for (const day of [...days].sort((a, b) => a - b)) {
    const date = fromEpochDay(day);
    for (const a of arrivals.get(day) ?? []) stock.add(a.site, a.key, a.count);

    // Rule 2: all of the day's removals of one item at one site share the stock that is there.
    const demand = new Map<string, Removal[]>();
    for (const r of removals.get(day) ?? []) pushTo(demand, `${r.site}|${r.key}`, r);
    for (const list of demand.values()) {
      const { site, key } = list[0]!;
      const want = list.reduce((s, r) => s + r.count, 0);
      const have = stock.get(site, key);
      if (want > have) {
        const who = list.map((r) => `${r.by}: ${fmt(r.count)}`).join(', ');
        const where = list.find((r) => r.movement)?.movement ?? key.slice(4);
        out.push(violation(2, 'presence', `on ${date} ${describe(key, want)} leave ${site} (${who}), but only ${fmt(have)} are there`, where));
      }
      // Report a shortage once: clear the site but let the movements carry what the plan says,
      // so later steps are judged on their own (the surplus then shows in rule 1's accounting).
      stock.set(site, key, Math.max(0, have - want));
    }

    // Rule 4, people last: essential people of a site leave only once its non-essential people are gone.
    const essentialLeaving = new Map<string, Removal[]>();
    for (const r of removals.get(day) ?? []) {
      if (!r.key.startsWith('grp:')) continue;
      const g = look.groups.get(r.key.slice(4));
      if (g && g.group.essential && g.site.id === r.site) pushTo(essentialLeaving, r.site, r);
    }
    for (const [site, list] of essentialLeaving) {
      const ne = own.get(site)!.nonEssential;
      const left = ownPresent(site, ne);
      if (left > 0) {
        const who = list.map((r) => `${r.key.slice(4)}: ${fmt(r.count)} on ${r.by}`).join(', ');
        const still = ne.filter((g) => stock.get(site, `grp:${g}`) > 0).join(', ');
        out.push(violation(4, 'people last', `on ${date} essential people of ${site} leave (${who}) while ${fmt(left)} non-essential people of ${site} are still there (${still})`, list[0]!.by));
      }
    }

    for (const site of scenario.sites) {
      // Rule 4, guard: while any lot is at the site, and before its hold_until day (an addition
      // of this project), enough of its own essential people stay.
      const o = own.get(site.id)!;
      const need = Math.min(site.guard, o.essentialTotal);
      const lots = stock.total(site.id, 'lot');
      const holding = site.hold_until !== undefined && day < dayOf(site.hold_until)!;
      if (need > 0 && (lots > 0 || holding)) {
        const present = ownPresent(site.id, o.essential);
        if (present < need) {
          const b = guardBreaches.get(site.id);
          if (b) b.days += 1;
          else guardBreaches.set(site.id, { first: day, lots, present, need, days: 1 });
        }
      }
      // Rule 3: after its deadline's events a camp or hub holds nothing, not even things passing through.
      const dl = dayOf(deadlineOf(scenario, site));
      if (closes(site) && dl !== null && day >= dl && !lateStock.has(site.id)) {
        const held = stock.held(site.id);
        if (held.length > 0) {
          lateStock.add(site.id);
          const what = held.map(([k, n]) => describe(k, n));
          out.push(violation(3, 'deadlines', `${site.id} still holds ${listIds(what, 4)} at the end of ${date}, on or after its deadline ${deadlineOf(scenario, site)}`, site.id));
        }
      }
    }
  }

  for (const [site, b] of guardBreaches) {
    const more = b.days > 1 ? ` (and on ${b.days - 1} more event day(s))` : '';
    const why = b.lots > 0 ? `holds ${fmt(b.lots)} lot units` : `is held until ${look.sites.get(site)!.hold_until}`;
    out.push(violation(4, 'guard', `${site} ${why} at the end of ${fromEpochDay(b.first)} but only ${fmt(b.present)} of its essential people remain; the guard needs ${fmt(b.need)}${more}`, site));
  }

  out.push(...checkEnd(look, stock, disposed));
  return out;
}

/** Rule 1 at the end: nothing left at camps or hubs, and every lot and group accounted for exactly. */
function checkEnd(look: Lookup, stock: Stock, disposed: Map<string, number>): Violation[] {
  const out: Violation[] = [];
  const exits: Site[] = look.scenario.sites.filter((s) => s.kind === 'exit');
  for (const site of look.scenario.sites) {
    if (site.kind === 'exit') continue;
    const held = stock.held(site.id);
    if (held.length > 0) {
      const what = held.map(([k, n]) => describe(k, n));
      out.push(violation(1, 'everything leaves', `at the end ${site.id} still holds ${listIds(what, 6)}: neither moved to an exit nor disposed of`, site.id));
    }
  }
  for (const { lot } of look.lots.values()) {
    const atExits = exits.reduce((s, e) => s + stock.get(e.id, `lot:${lot.id}`), 0);
    const gone = disposed.get(lot.id) ?? 0;
    // Fewer than the lot is already reported as left behind; more means units were moved or disposed twice.
    if (atExits + gone > lot.count) {
      out.push(violation(1, 'counts add up', `lot ${lot.id} has ${fmt(lot.count)} units but the plan accounts for ${fmt(atExits + gone)} (${fmt(atExits)} at exits, ${fmt(gone)} disposed of)`, lot.id));
    }
  }
  for (const { group } of look.groups.values()) {
    const atExits = exits.reduce((s, e) => s + stock.get(e.id, `grp:${group.group}`), 0);
    if (atExits > group.count) {
      out.push(violation(1, 'counts add up', `group ${group.group} has ${fmt(group.count)} people but ${fmt(atExits)} reach exits`, group.group));
    }
  }
  return out;
}
