// The state of the mission is the scenario folded with the log. Pure: re-planning reads it and
// never rewrites the log. Events apply in the order of their effective day (`on`), the log's
// order breaking ties (arrivals first), so a report recorded late still lands on its day.
//
// Each step checks the event against the state so far (the consistency rules): things must be
// where an event says they are, a lot is not disposed of twice, a movement arrives only after
// it left, and nothing happens at a site once it has been handed over.
import { addDays, daysBetween } from '../dates.ts';
import type { Closure, Leg, Scenario, Site } from '../scenario/schema.ts';
import { isContingentOwned } from '../scenario/schema.ts';
import { incidentWeight, raisedRisk } from './risk.ts';
import type { EventOf, MissionEvent } from './schema.ts';
import type { ItemKey, LegRisk, MissionState, MovementRecord, SiteState } from './state.ts';

export type EventProblem = { field: string; message: string };
export type Tagged<T> = { event: MissionEvent; tag: T };
export type TaggedProblem<T> = EventProblem & { tag: T };

export function foldState(scenario: Scenario, events: readonly MissionEvent[], asOf?: string): MissionState {
  return foldChecked(scenario, events.map((event, i) => ({ event, tag: i })), asOf).state;
}

/** The state on `asOf` (default: the last day any event is effective, or the start), with every inconsistency found on the way. */
export function foldChecked<T>(scenario: Scenario, events: readonly Tagged<T>[], asOf?: string): { state: MissionState; problems: TaggedProblem<T>[] } {
  const day = asOf ?? lastDay(scenario, events.map((e) => e.event));
  // Within a day, arrivals come first: what arrives on a day may leave or be disposed of that day.
  const rank = (e: MissionEvent) => (e.type === 'movement_arrived' ? 0 : 1);
  const ordered = events.map((e, i) => ({ ...e, i })).sort((a, b) => (a.event.on < b.event.on ? -1 : a.event.on > b.event.on ? 1 : rank(a.event) - rank(b.event) || a.i - b.i));
  const w = new Working(scenario);
  for (const { event } of events) if (event.type === 'movement_departed' && !w.departures.has(event.movement)) w.departures.set(event.movement, event.on);
  const problems: TaggedProblem<T>[] = [];
  let applied = 0;
  for (const { event, tag } of ordered) {
    if (event.on > day) continue;
    const found = w.step(event);
    for (const p of found) problems.push({ ...p, tag });
    applied += 1;
  }
  return { state: w.finish(day, applied), problems };
}

/**
 * A whole log folded, kept so that events appended after it can be folded on without folding the
 * log again: a server answers reads and checks writes against the same long log many times.
 * Never changed once made; `extendFold` works on a copy.
 */
export type FoldCheckpoint = {
  readonly scenario: Scenario;
  /** The log's events, in the order they were given. */
  readonly events: readonly MissionEvent[];
  /** Where the last event applied sorts (day, then arrivals first); null before any. */
  readonly last: { on: string; rank: number } | null;
  /** Whether the log folded without a problem (only then are its problems known to be none). */
  readonly clean: boolean;
  readonly working: Working;
};

const rankOf = (e: MissionEvent) => (e.type === 'movement_arrived' ? 0 : 1);
const sortsBefore = (a: { on: string; rank: number }, b: { on: string; rank: number }) => a.on < b.on || (a.on === b.on && a.rank < b.rank);

/** Folds every event of the log, whatever its day. */
export function foldCheckpoint(scenario: Scenario, events: readonly MissionEvent[]): FoldCheckpoint {
  const ordered = events.map((event, i) => ({ event, i })).sort((a, b) => (a.event.on < b.event.on ? -1 : a.event.on > b.event.on ? 1 : rankOf(a.event) - rankOf(b.event) || a.i - b.i));
  const w = new Working(scenario);
  for (const event of events) if (event.type === 'movement_departed' && !w.departures.has(event.movement)) w.departures.set(event.movement, event.on);
  let clean = true;
  for (const { event } of ordered) if (w.step(event).length > 0) clean = false;
  const lastEvent = ordered.at(-1)?.event;
  return { scenario, events, last: lastEvent ? { on: lastEvent.on, rank: rankOf(lastEvent) } : null, clean, working: w };
}

/**
 * The checkpoint with `appended` folded on, and the problems they meet; null when an appended
 * event would sort before one already folded (the caller folds the whole log again).
 */
export function extendFold<T>(cp: FoldCheckpoint, appended: readonly Tagged<T>[]): { checkpoint: FoldCheckpoint; problems: TaggedProblem<T>[] } | null {
  const ordered = appended.map((e, i) => ({ ...e, i })).sort((a, b) => (a.event.on < b.event.on ? -1 : a.event.on > b.event.on ? 1 : rankOf(a.event) - rankOf(b.event) || a.i - b.i));
  const first = ordered[0];
  if (first && cp.last && sortsBefore({ on: first.event.on, rank: rankOf(first.event) }, cp.last)) return null;
  const w = cp.working.copy();
  for (const { event } of appended) if (event.type === 'movement_departed' && !w.departures.has(event.movement)) w.departures.set(event.movement, event.on);
  const problems: TaggedProblem<T>[] = [];
  for (const { event, tag } of ordered) for (const p of w.step(event)) problems.push({ ...p, tag });
  const lastEvent = ordered.at(-1)?.event;
  return {
    checkpoint: { scenario: cp.scenario, events: [...cp.events, ...appended.map((a) => a.event)], last: lastEvent ? { on: lastEvent.on, rank: rankOf(lastEvent) } : cp.last, clean: cp.clean && problems.length === 0, working: w },
    problems,
  };
}

/** The state on `asOf` from a checkpoint; null when `asOf` is before a folded event (fold again up to that day). */
export function stateFromCheckpoint(cp: FoldCheckpoint, asOf: string): MissionState | null {
  if (cp.last && cp.last.on > asOf) return null;
  return cp.working.finish(asOf, cp.events.length);
}

/** The mission's current day: the latest effective day in the log, never before the start. */
export function lastDay(scenario: Scenario, events: readonly MissionEvent[]): string {
  let d = scenario.start;
  for (const e of events) if (e.type !== 'mission_created' && e.on > d) d = e.on;
  return d;
}

class Working {
  readonly base: Scenario;
  deadlines = new Map<string, string | undefined>();
  closures: Closure[];
  fleet: Scenario['fleet'];
  stock = new Map<string, Map<ItemKey, number>>();
  disposed = new Map<string, number>();
  movements = new Map<string, MovementRecord>();
  handedOver = new Map<string, EventOf<'site_handed_over'>>();
  lastActivity = new Map<string, string>();
  permits: MissionState['permits'] = [];
  incidents: MissionState['incidents'] = [];
  restrictions: MissionState['restrictions'] = [];
  dispositions: MissionState['dispositions'] = [];
  readonly sites: Map<string, Site>;
  readonly lotHome = new Map<string, Site>();
  readonly groupHome = new Map<string, Site>();
  readonly legs = new Map<string, Leg>();
  /** Departure day of every movement in the events folded, to explain an arrival that comes first. */
  readonly departures = new Map<string, string>();

  constructor(s: Scenario) {
    this.base = s;
    this.closures = [...s.closures];
    this.fleet = { ...s.fleet, air: { ...s.fleet.air } };
    this.sites = new Map(s.sites.map((x) => [x.id, x]));
    for (const site of s.sites) {
      this.deadlines.set(site.id, site.deadline);
      for (const lot of site.lots) {
        this.lotHome.set(lot.id, site);
        this.add(site.id, `lot:${lot.id}`, lot.count);
      }
      for (const g of site.personnel) {
        this.groupHome.set(g.group, site);
        this.add(site.id, `grp:${g.group}`, g.count);
      }
    }
    for (const leg of s.legs) this.legs.set(`${leg.from}>${leg.to}>${leg.mode}`, leg);
  }

  /** A copy that can be stepped without changing this one (maps and mutable records copied; the scenario's parts shared). */
  copy(): Working {
    const c = Object.create(Working.prototype) as Working;
    Object.assign(c, this);
    Object.assign(c, {
      deadlines: new Map(this.deadlines),
      closures: [...this.closures],
      fleet: { ...this.fleet, air: { ...this.fleet.air } },
      stock: new Map([...this.stock].map(([k, m]) => [k, new Map(m)])),
      disposed: new Map(this.disposed),
      movements: new Map([...this.movements].map(([k, m]) => [k, { ...m }])),
      handedOver: new Map(this.handedOver),
      lastActivity: new Map(this.lastActivity),
      permits: [...this.permits],
      incidents: [...this.incidents],
      restrictions: [...this.restrictions],
      dispositions: [...this.dispositions],
      departures: new Map(this.departures),
    });
    return c;
  }

  get(site: string, key: ItemKey): number {
    return this.stock.get(site)?.get(key) ?? 0;
  }
  add(site: string, key: ItemKey, n: number): void {
    let m = this.stock.get(site);
    if (!m) this.stock.set(site, (m = new Map()));
    const v = (m.get(key) ?? 0) + n;
    if (v === 0) m.delete(key);
    else m.set(key, v);
  }

  step(e: MissionEvent): EventProblem[] {
    const out: EventProblem[] = [];
    const s = this.base;
    if (e.type !== 'mission_created' && (e.on < s.start || e.on > s.end)) out.push({ field: 'on', message: `${e.on} is outside the mission's horizon ${s.start} to ${s.end}` });
    const site = (field: string, id: string, what = 'site') => {
      const found = this.sites.get(id);
      if (!found) out.push({ field, message: `unknown ${what} "${id}"` });
      else if (this.handedOver.has(id) && this.handedOver.get(id)!.on <= e.on) {
        out.push({ field, message: `${id} was handed over on ${this.handedOver.get(id)!.on}; nothing is recorded there after that` });
      }
      return found;
    };
    const leg = (from: string, to: string, mode: string) => {
      const found = this.legs.get(`${from}>${to}>${mode}`);
      if (!found) out.push({ field: this.sites.has(from) ? 'to' : 'from', message: `no ${mode} leg ${from} → ${to} in this mission` });
      return found;
    };
    switch (e.type) {
      case 'mission_created':
        break;
      case 'deadline_changed': {
        const x = site('site', e.site);
        if (x?.kind === 'exit') out.push({ field: 'site', message: `"${e.site}" is an exit and has no deadline` });
        if (e.deadline < s.start || e.deadline > s.end) out.push({ field: 'deadline', message: `${e.deadline} is outside the horizon ${s.start} to ${s.end}` });
        if (out.length === 0) this.deadlines.set(e.site, e.deadline);
        break;
      }
      case 'leg_closed': {
        leg(e.from, e.to, e.mode);
        if (e.until !== undefined && e.until < e.on) out.push({ field: 'until', message: `${e.until} is before on ${e.on}` });
        if (out.length === 0) this.closures.push({ from: e.from, to: e.to, mode: e.mode, first: e.on, last: e.until ?? s.end, reason: e.reason });
        break;
      }
      case 'leg_reopened': {
        leg(e.from, e.to, e.mode);
        if (out.length > 0) break;
        // A reopening ends every closure of the leg still running on that day.
        this.closures = this.closures.flatMap((c) => {
          if (c.from !== e.from || c.to !== e.to || c.mode !== e.mode || c.last < e.on) return [c];
          if (c.first >= e.on) return [];
          return [{ ...c, last: addDays(e.on, -1) }];
        });
        break;
      }
      case 'permit_requested':
      case 'permit_granted':
      case 'permit_denied': {
        leg(e.from, e.to, e.mode);
        const until = e.type === 'permit_denied' ? e.until : undefined;
        if (until !== undefined && until < e.for_date) out.push({ field: 'until', message: `${until} is before for_date ${e.for_date}` });
        if (out.length > 0) break;
        this.permits.push(e);
        if (e.type === 'permit_denied') {
          this.closures.push({ from: e.from, to: e.to, mode: e.mode, first: e.for_date, last: until ?? e.for_date, reason: `permit denied${e.reason ? `: ${e.reason}` : ''}` });
        }
        break;
      }
      case 'movement_departed':
        this.depart(e, out, site, leg);
        break;
      case 'movement_arrived': {
        const m = this.movements.get(e.movement);
        const leaves = this.departures.get(e.movement);
        if (!m && leaves !== undefined && leaves > e.on) out.push({ field: 'on', message: `movement "${e.movement}" cannot arrive on ${e.on}, before it departed on ${leaves}` });
        else if (!m) out.push({ field: 'movement', message: `movement "${e.movement}" has not departed` });
        else if (m.arrived) out.push({ field: 'movement', message: `movement "${e.movement}" already arrived on ${m.arrive}` });
        else if (e.on < m.depart) out.push({ field: 'on', message: `movement "${e.movement}" cannot arrive on ${e.on}, before it departed on ${m.depart}` });
        else if (this.handedOver.has(m.to) && this.handedOver.get(m.to)!.on <= e.on) out.push({ field: 'movement', message: `${m.to} was handed over on ${this.handedOver.get(m.to)!.on}; nothing can arrive there` });
        if (out.length > 0 || !m) break;
        m.arrived = true;
        m.arrive = e.on;
        for (const p of m.people) this.add(m.to, `grp:${p.group}`, p.count);
        for (const c of m.cargo) this.add(m.to, `lot:${c.lot}`, c.count);
        break;
      }
      case 'movement_delayed': {
        const m = this.movements.get(e.movement);
        if (!m) out.push({ field: 'movement', message: `movement "${e.movement}" is not under way (it has not departed)` });
        else if (m.arrived) out.push({ field: 'movement', message: `movement "${e.movement}" already arrived on ${m.arrive}` });
        if (out.length > 0 || !m) break;
        m.delayDays += e.days;
        m.arrive = addDays(m.arrive, e.days);
        m.busyUntil = addDays(m.busyUntil, e.days);
        break;
      }
      case 'disposition_done': {
        const where = site('site', e.site);
        const home = this.lotHome.get(e.lot);
        if (!home) out.push({ field: 'lot', message: `unknown lot "${e.lot}"` });
        if (!where || !home) break;
        const lot = home.lots.find((l) => l.id === e.lot)!;
        if (where.kind === 'exit') out.push({ field: 'site', message: `${e.site} is an exit; disposal happens at a camp or hub` });
        if (!s.rules[lot.kind].includes(e.action)) out.push({ field: 'action', message: `${e.action} is not allowed for ${lot.kind} (allowed: ${s.rules[lot.kind].join(', ')})` });
        if (isContingentOwned(lot.owner) && (e.action === 'sell' || e.action === 'hand_over')) out.push({ field: 'action', message: `lot ${e.lot} belongs to ${lot.owner}: contingent-owned equipment is never sold or handed over` });
        if (e.action === 'hand_over' && !where.recipient) out.push({ field: 'action', message: `${e.site} has no recipient to hand over to` });
        const here = this.get(e.site, `lot:${e.lot}`);
        if (e.count > here) {
          const gone = this.disposed.get(e.lot) ?? 0;
          out.push({ field: 'count', message: `only ${here} units of lot ${e.lot} are at ${e.site} on ${e.on}${gone > 0 ? ` (${gone} already disposed of)` : ''}` });
        }
        if (out.length > 0) break;
        this.add(e.site, `lot:${e.lot}`, -e.count);
        this.disposed.set(e.lot, (this.disposed.get(e.lot) ?? 0) + e.count);
        this.dispositions.push(e);
        this.lastActivity.set(e.site, e.on);
        break;
      }
      case 'incident':
        this.incidents.push(e);
        break;
      case 'restriction':
        if (e.denied !== undefined && e.requested !== undefined && e.denied > e.requested) out.push({ field: 'denied', message: `${e.denied} refused out of ${e.requested} requested` });
        if (out.length === 0) this.restrictions.push(e);
        break;
      case 'site_handed_over': {
        const x = site('site', e.site);
        if (!x) break;
        if (x.kind === 'exit') out.push({ field: 'site', message: `"${e.site}" is an exit; camps and hubs are handed over` });
        const left = [...(this.stock.get(e.site) ?? new Map<ItemKey, number>())].filter(([, n]) => n > 0);
        if (left.length > 0) {
          const what = left.slice(0, 3).map(([k, n]) => `${n} ${k.startsWith('lot:') ? `of lot ${k.slice(4)}` : `people of ${k.slice(4)}`}`);
          out.push({ field: 'site', message: `${e.site} still holds ${what.join(', ')}${left.length > 3 ? ` and ${left.length - 3} more` : ''} on ${e.on}; move or dispose of them first` });
        }
        const inbound = [...this.movements.values()].filter((m) => !m.arrived && m.to === e.site);
        if (inbound.length > 0) out.push({ field: 'site', message: `movement ${inbound[0]!.id} is still on its way to ${e.site}` });
        if (out.length === 0) this.handedOver.set(e.site, e);
        break;
      }
      case 'fleet_changed':
        if (e.trucks !== undefined) this.fleet.trucks = e.trucks;
        if (e.escorts !== undefined) this.fleet.escorts = e.escorts;
        if (e.sorties_per_day !== undefined) this.fleet.air.sorties_per_day = e.sorties_per_day;
        break;
    }
    return out;
  }

  private depart(
    e: EventOf<'movement_departed'>,
    out: EventProblem[],
    site: (field: string, id: string) => Site | undefined,
    leg: (from: string, to: string, mode: string) => Leg | undefined,
  ): void {
    if (this.movements.has(e.movement)) {
      out.push({ field: 'movement', message: `movement "${e.movement}" already departed on ${this.movements.get(e.movement)!.depart}` });
      return;
    }
    const missing = (['mode', 'from', 'to', 'people', 'cargo'] as const).filter((f) => e[f] === undefined);
    if (missing.length > 0) {
      out.push({ field: missing[0]!, message: `movement "${e.movement}" is not in the current plan; an ad-hoc movement gives mode, from, to, trucks, escorts, people and cargo` });
      return;
    }
    const from = site('from', e.from!);
    const to = site('to', e.to!);
    const l = from && to ? leg(e.from!, e.to!, e.mode!) : undefined;
    if (!l) return;
    const people = e.people!;
    const cargo = e.cargo!;
    people.forEach((p, i) => {
      if (!this.groupHome.has(p.group)) out.push({ field: `people.${i}.group`, message: `unknown personnel group "${p.group}"` });
      else if (this.get(e.from!, `grp:${p.group}`) < p.count) out.push({ field: `people.${i}.count`, message: `${p.count} people of ${p.group} leave ${e.from}, but only ${this.get(e.from!, `grp:${p.group}`)} are there on ${e.on}` });
    });
    cargo.forEach((c, i) => {
      if (!this.lotHome.has(c.lot)) out.push({ field: `cargo.${i}.lot`, message: `unknown lot "${c.lot}"` });
      else if (this.get(e.from!, `lot:${c.lot}`) < c.count) {
        const gone = this.disposed.get(c.lot) ?? 0;
        out.push({ field: `cargo.${i}.count`, message: `${c.count} units of lot ${c.lot} leave ${e.from}, but only ${this.get(e.from!, `lot:${c.lot}`)} are there on ${e.on}${gone > 0 ? ` (${gone} disposed of)` : ''}` });
      }
    });
    if (people.length === 0 && cargo.length === 0) out.push({ field: 'people', message: 'a movement carries people or cargo' });
    if (out.length > 0) return;
    for (const p of people) this.add(e.from!, `grp:${p.group}`, -p.count);
    for (const c of cargo) this.add(e.from!, `lot:${c.lot}`, -c.count);
    this.lastActivity.set(e.from!, e.on);
    const trucks = e.mode === 'road' ? e.trucks ?? 0 : 0;
    this.movements.set(e.movement, {
      id: e.movement,
      mode: e.mode!,
      from: e.from!,
      to: e.to!,
      depart: e.on,
      arrive: addDays(e.on, l.days),
      arrived: false,
      delayDays: 0,
      trucks,
      escorts: e.mode === 'road' ? e.escorts ?? 0 : 0,
      busyUntil: addDays(e.on, e.mode === 'road' ? 2 * l.days - 1 : 0),
      people: people.map((p) => ({ ...p })),
      cargo: cargo.map((c) => ({ ...c })),
    });
  }

  finish(asOf: string, applied: number): MissionState {
    const s = this.base;
    const legRisks: LegRisk[] = s.legs.map((l) => {
      const a = this.sites.get(l.from)!;
      const b = this.sites.get(l.to)!;
      const weights = this.incidents.map((i) => incidentWeight({ ...i, lat: i.location.lat, lon: i.location.lon }, a, b, asOf)).filter((w) => w > 0);
      return { from: l.from, to: l.to, mode: l.mode, base: l.risk, current: weights.length === 0 ? l.risk : Math.min(1, Math.ceil(raisedRisk(l.risk, weights) * 1000) / 1000), incidents: weights.length };
    });
    const riskOf = new Map(legRisks.map((r) => [`${r.from}>${r.to}>${r.mode}`, r.current]));
    const sites: SiteState[] = s.sites.map((site) => {
      const deadline = this.deadlines.get(site.id);
      const base = { id: site.id, ...(deadline ? { deadline } : {}) };
      const handed = this.handedOver.get(site.id);
      if (handed) return { ...base, status: 'handed_over', handedOver: handed, ...(this.lastActivity.has(site.id) ? { emptiedOn: this.lastActivity.get(site.id)! } : {}) };
      if (site.kind === 'exit') return { ...base, status: 'open' };
      const holds = [...(this.stock.get(site.id)?.values() ?? [])].some((n) => n > 0);
      const inbound = [...this.movements.values()].some((m) => !m.arrived && m.to === site.id);
      if (!holds && !inbound) return { ...base, status: 'closed', ...(this.lastActivity.has(site.id) ? { emptiedOn: this.lastActivity.get(site.id)! } : {}) };
      return { ...base, status: this.lastActivity.has(site.id) ? 'drawing_down' : 'open' };
    });
    const scenario: Scenario = {
      ...s,
      sites: s.sites.map((site) => {
        const d = this.deadlines.get(site.id);
        if (d === undefined) return { ...site };
        // A deadline moved before the day the site was to be held until ends the hold with it.
        return { ...site, deadline: d, ...(site.hold_until !== undefined && site.hold_until > d ? { hold_until: d } : {}) };
      }),
      legs: s.legs.map((l) => ({ ...l, risk: riskOf.get(`${l.from}>${l.to}>${l.mode}`) ?? l.risk })),
      closures: this.closures,
      fleet: this.fleet,
    };
    return {
      asOf,
      scenario,
      base: s,
      applied,
      sites,
      stock: this.stock,
      disposed: this.disposed,
      movements: this.movements,
      fleet: this.fleet,
      legRisks,
      closures: this.closures,
      permits: this.permits,
      incidents: this.incidents,
      restrictions: this.restrictions,
      dispositions: this.dispositions,
    };
  }
}

/** Days from the state's day until a movement under way is back at full use (for display). */
export function daysLeft(m: MovementRecord, asOf: string): number {
  return Math.max(0, daysBetween(asOf, m.busyUntil));
}

