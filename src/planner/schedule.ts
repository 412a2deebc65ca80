// Turns decisions (which units to dispose of at their origin) into a dated plan: convoys and
// sorties day by day, with the pooled fleet, escorts and sorties reserved as they are used.
// Sites are worked through from the far camps to the hubs, earliest deadline first; on each day
// a site sends what its cost-to-exit table says should leave today, as far as capacity allows.
// What cannot leave by its last chance is disposed of where it stands, with the reason.
import { addDays, toEpochDay } from '../domain/dates.ts';
import type { DisposalAction, Lot } from '../domain/scenario/schema.ts';
import type { Disposition, Movement } from '../domain/plan/schema.ts';
import { cheapestDisposal } from './disposal.ts';
import type { ItemClass, Model, ModelLeg, ModelSite } from './model.ts';
import { buildRouting, canDepart, type Routing } from './routing.ts';

export type Decisions = {
  /** Units of each lot to dispose of at their origin on the first day instead of moving them. */
  dispose: Map<string, number>;
  /** Reason to give for each such disposal. */
  reasons?: Map<string, string>;
};

export type ScheduleOptions = {
  /** Rank legs by fewest days instead of cost (the spreadsheet baseline). */
  naiveRouting?: boolean;
  /** Dispose of stranded lots by destruction rather than the cheapest allowed action (baseline). */
  destroyOnly?: boolean;
  /** People leave as soon as any leg can take them, never waiting for a cheaper one (the safe fallback). */
  peopleAsap?: boolean;
  /**
   * Movements and dispositions of the previous plan to keep (a stable re-plan): each is made
   * again, exactly, on its day, when what it carries is there and the rules and the fleet allow;
   * otherwise it is dropped and its units are planned afresh.
   */
  pinned?: Pinned;
  /** Number of the first new movement id (`m0001` by default), so new ids never repeat kept ones. */
  firstId?: number;
};

export type Pinned = { movements: readonly Movement[]; dispositions: readonly Disposition[] };

export type PlannedDisposition = Disposition & { reason: string };

/** What a plan could not bring out: people, or lots that may neither leave in time nor be disposed of. */
export type Stranded = { site: string; day: number; people: number; groups: string[]; lots: string[]; why: string };

/** One line per site of what a plan could not bring out, and why. */
export function strandedLines(stranded: readonly Stranded[]): string[] {
  return stranded.map((s) => (s.people > 0 ? `${s.site}: ${s.people} people (${s.groups.join(', ')}) cannot be brought out — ${s.why}` : `${s.site}: lots ${s.lots.join(', ')} — ${s.why}`));
}

export type Schedule = {
  movements: Movement[];
  dispositions: PlannedDisposition[];
  /** People who could not be brought out: the plan is infeasible when this is not empty. */
  stranded: Stranded[];
  use: { trucks: Int32Array; escorts: Int32Array; sorties: Int32Array };
  closesOn: Map<string, number>;
};

type Item = { kind: 'lot' | 'group'; id: string; cls: ItemClass; loads: number; priority: number; essential: boolean; home: string };
type Batch = { item: Item; count: number; day: number };

export function schedule(model: Model, decisions: Decisions, options: ScheduleOptions = {}): Schedule {
  const { scenario, horizon } = model;
  const { fleet } = scenario;
  const maxDays = Math.max(1, ...model.legs.map((l) => l.days));
  const span = horizon + 2 * maxDays + 2;
  const use = { trucks: new Int32Array(span), escorts: new Int32Array(span), sorties: new Int32Array(span) };
  const movements: Movement[] = [];
  const dispositions: PlannedDisposition[] = [];
  const stranded: Stranded[] = [];
  const closesOn = new Map<string, number>();
  const override = new Map<string, number>();
  const date = (d: number) => addDays(scenario.start, d);
  const touch = (site: string, d: number) => closesOn.set(site, Math.max(closesOn.get(site) ?? 0, d));

  const stock = new Map<string, Batch[]>(model.sites.map((s) => [s.id, []]));
  for (const g of model.groups) {
    stock.get(g.site)!.push({ item: { kind: 'group', id: g.id, cls: 'people', loads: 0, priority: g.essential ? 0 : 1, essential: g.essential, home: g.home }, count: g.count, day: g.day });
  }
  // Movements under way at the start hold their trucks and escorts until they are back.
  for (const b of model.busy) {
    for (let t = 0; t <= Math.min(b.until, span - 1); t++) {
      use.trucks[t]! += b.trucks;
      use.escorts[t]! += b.escorts;
      use.sorties[t]! += b.sorties;
    }
  }
  for (const lot of model.lots) {
    const site = model.site.get(lot.site)!;
    let keep = lot.count;
    // A kind whose rules do not allow `move` is never moved: all of it is disposed of at origin.
    const movable = scenario.rules[lot.kind].includes('move');
    const drop = movable ? Math.min(lot.count, decisions.dispose.get(lot.id) ?? 0) : lot.count;
    const action = drop > 0 ? actionFor(lot, site) : undefined;
    if (action) {
      dispositions.push({ lot: lot.id, site: site.id, count: drop, action, on: date(lot.day), reason: movable ? decisions.reasons?.get(lot.id) ?? 'disposed of at origin by decision' : `the rules do not allow moving ${lot.kind}` });
      touch(site.id, lot.day);
      keep -= drop;
    }
    if (keep > 0) {
      // Scarce capacity goes first to what is most valuable per truckload.
      const lossPerLoad = lot.value / Math.max(lot.loads, 1e-3);
      stock.get(site.id)!.push({ item: { kind: 'lot', id: lot.id, cls: lot.cls, loads: lot.loads, priority: lossPerLoad, essential: false, home: lot.home }, count: keep, day: lot.day });
    }
  }

  const hops = hopsToExit(model);
  const inner = model.sites.filter((x) => !x.isExit);
  const upstream = upstreamSites(model);
  // The guard is drawn from the site's own essential people who are there at the start.
  const guardNeed = model.sites.map((x) => Math.min(x.guard, model.groups.filter((g) => g.essential && g.home === x.id && g.site === x.id && g.day === 0).reduce((a, g) => a + g.count, 0)));

  let routing = buildRouting(model, override);
  // New ids start past every kept one, so a kept movement's id is never given to another.
  let nextId = options.firstId ?? 1 + Math.max(0, ...(options.pinned?.movements ?? []).map((m) => Number(/^m(\d+)$/.exec(m.id)?.[1] ?? 0)));
  const originOf = new Map<string, string>([...model.lots.map((l) => [l.id, l.origin] as const), ...model.groups.map((g) => [g.id, g.origin] as const)]);
  const legByKey = new Map(model.legs.map((l) => [`${l.from}>${l.to}>${l.mode}`, l]));
  const pinnedMoves = byDay(options.pinned?.movements ?? [], (m) => m.depart);
  const pinnedDisposals = byDay(options.pinned?.dispositions ?? [], (x) => x.on);
  const claimed = new Map<Batch, number>();
  // The day each site's guard may leave at the earliest (hold_until), as a day number.
  const holdDay = model.sites.map((x) => (x.hold_until === undefined ? -1 : Math.min(x.deadlineDay, toEpochDay(x.hold_until) - model.start)));
  let day = 0;
  // Kept movements hold their fleet from the start, so what is planned afresh around them
  // cannot take it; each hold is released on its day, just before the movement is made again.
  const held = new Map<Movement, { leg: ModelLeg; day: number; escorts: number }>();
  for (const [d, ms] of pinnedMoves) {
    for (const m of ms) {
      const leg = legByKey.get(`${m.from}>${m.to}>${m.mode}`);
      if (!leg) continue;
      const escorts = leg.mode === 'road' && leg.risk > 0 ? Math.max(1, m.escorts) : m.escorts;
      hold(leg, d, m.trucks, escorts, 1);
      held.set(m, { leg, day: d, escorts });
    }
  }
  const bookings = bookGuardExits();
  // Day by day, every site; on each day the most urgent site (earliest last day) goes first,
  // so a camp about to close is not starved by a hub that has months left.
  for (let d = 0; d <= horizon; d++) {
    const today = inner
      .filter((x) => d <= routing.lastDay[x.index]! && stock.get(x.id)!.some((b) => b.day <= d))
      .sort((x, y) => routing.lastDay[x.index]! - routing.lastDay[y.index]! || hops[y.index]! - hops[x.index]!);
    let stale = false;
    // People of every site board first: they cannot be disposed of, so scarce trucks and
    // sorties are theirs. Then each site's cargo fills the same convoys, and the people left
    // (the guard, once no lot remains) take the seats that are left.
    day = d;
    for (const b of bookings) if (b.day === d) release(b);
    restoreClaims();
    // Kept movements whose people-last rules depend on others of the day wait for those: retry until none more can go.
    for (const m of pinnedMoves.get(d) ?? []) {
      const h = held.get(m);
      if (h) hold(h.leg, h.day, m.trucks, h.escorts, -1);
    }
    for (let waiting = pinnedMoves.get(d) ?? [], before = -1; waiting.length > 0 && waiting.length !== before; ) {
      before = waiting.length;
      waiting = waiting.filter((m) => !replayMovement(m, d));
    }
    for (const x of pinnedDisposals.get(d) ?? []) replayDisposition(x, d);
    claimFuture(d);
    const drafts = new Map<number, Draft>();
    for (const site of today) board(site, d, 'people', drafts);
    for (const site of today) {
      for (const cls of ['road', 'air', 'vehicle'] as const) board(site, d, cls, drafts);
      reseat(site, d, drafts);
      board(site, d, 'people', drafts, true);
      closeDay(site, d, drafts);
      // A site whose last lot and person are gone, with nothing on the way and nothing upstream
      // that could still come through, is closed: its guard has left, so nothing may be routed
      // through it any more.
      if (stock.get(site.id)!.length === 0 && !upstream[site.index]!.some((u) => hasLots(u)) && d < routing.lastDay[site.index]!) {
        override.set(site.id, d);
        stale = true;
      }
    }
    if (stale) routing = buildRouting(model, override);
  }
  restoreClaims();
  for (const site of inner) {
    const left = stock.get(site.id)!.filter((b) => b.item.kind === 'group' && b.count > 0);
    const lots = stock.get(site.id)!.filter((b) => b.item.kind === 'lot' && b.count > 0);
    if (left.length > 0 || lots.length > 0) {
      stranded.push({
        site: site.id,
        day: routing.lastDay[site.index]!,
        people: left.reduce((a, b) => a + b.count, 0),
        groups: [...new Set(left.map((b) => b.item.id))],
        lots: [...new Set(lots.map((b) => b.item.id))],
        why: left.length > 0 ? strandedWhy(model, routing, site) : `these lots can neither reach an exit in time nor be disposed of under the rules for their kind and owner`,
      });
    }
  }
  return { movements, dispositions, stranded, use, closesOn };

  function byDay<T>(items: readonly T[], dateOf: (t: T) => string): Map<number, T[]> {
    const out = new Map<number, T[]>();
    for (const t of items) {
      const d = toEpochDay(dateOf(t)) - model.start;
      if (d < 0 || d > horizon) continue;
      out.set(d, [...(out.get(d) ?? []), t]);
    }
    return out;
  }

  /** Whether any of a batch is at its site: free, or claimed by a kept movement of a later day. */
  function present(b: Batch): boolean {
    return b.count > 0 || (claimed.get(b) ?? 0) > 0;
  }

  /** Gives back what kept movements of later days had claimed, before the day's kept movements are made. */
  function restoreClaims(): void {
    for (const [b, n] of claimed) b.count += n;
    claimed.clear();
  }

  /**
   * Sets aside what the kept movements and dispositions of later days will take, so what is
   * planned afresh today does not take it first. A kept movement that then cannot be made gives
   * its units back on its day.
   */
  function claimFuture(d: number): void {
    const claim = (siteId: string, kind: 'lot' | 'group', origin: string, count: number, day: number) => {
      let left = count;
      for (const b of stock.get(siteId) ?? []) {
        if (left === 0) break;
        if (b.day > day || b.item.kind !== kind || originOf.get(b.item.id) !== origin || b.count === 0) continue;
        const n = Math.min(left, b.count);
        b.count -= n;
        claimed.set(b, (claimed.get(b) ?? 0) + n);
        left -= n;
      }
    };
    for (const [day, ms] of pinnedMoves) {
      if (day <= d) continue;
      for (const m of ms) {
        for (const p of m.people) claim(m.from, 'group', p.group, p.count, day);
        for (const c of m.cargo) claim(m.from, 'lot', c.lot, c.count, day);
      }
    }
    for (const [day, xs] of pinnedDisposals) if (day > d) for (const x of xs) claim(x.site, 'lot', x.lot, x.count, day);
  }

  /** Adds (sign 1) or removes (−1) a movement's use of the fleet: trucks and escorts there and back, or one sortie. */
  function hold(leg: ModelLeg, d: number, trucks: number, escorts: number, sign: 1 | -1): void {
    if (leg.mode === 'air') {
      use.sorties[d]! += sign;
      return;
    }
    for (let t = d; t < Math.min(span, d + 2 * leg.days); t++) {
      use.trucks[t]! += sign * trucks;
      use.escorts[t]! += sign * escorts;
    }
  }

  /** Units of `origin` (a lot or group id) at a site today, from its batches; null when fewer than `count` are there. */
  function take(siteId: string, kind: 'lot' | 'group', origin: string, count: number, d: number, taken: Map<Batch, number>): { batch: Batch; count: number }[] | null {
    const out: { batch: Batch; count: number }[] = [];
    let left = count;
    for (const b of stock.get(siteId)!) {
      if (left === 0) break;
      if (b.day > d || b.item.kind !== kind || originOf.get(b.item.id) !== origin) continue;
      const n = Math.min(left, b.count - (taken.get(b) ?? 0));
      if (n <= 0) continue;
      out.push({ batch: b, count: n });
      taken.set(b, (taken.get(b) ?? 0) + n);
      left -= n;
    }
    return left === 0 ? out : null;
  }

  /** Makes a kept movement again if its leg is open, its fleet free, its load there and the people-last rules allow. */
  function replayMovement(m: Movement, d: number): boolean {
    const leg = legByKey.get(`${m.from}>${m.to}>${m.mode}`);
    const site = model.site.get(m.from);
    if (!leg || !site || site.isExit || !canDepart(model, routing.lastDay, leg, d)) return false;
    // A road whose risk has risen above 0 since needs an escort the kept convoy may not have had.
    const escorts = leg.mode === 'road' && leg.risk > 0 ? Math.max(1, m.escorts) : m.escorts;
    if (leg.mode === 'road' ? m.trucks > fleet.convoy_max_trucks || !fits(leg, d, m.trucks, escorts, true) : use.sorties[d]! >= fleet.air.sorties_per_day) return false;
    const taken = new Map<Batch, number>();
    const units: { batch: Batch; count: number }[] = [];
    for (const p of m.people) {
      const got = take(site.id, 'group', p.group, p.count, d, taken);
      if (!got) return false;
      units.push(...got);
    }
    for (const c of m.cargo) {
      const got = take(site.id, 'lot', c.lot, c.count, d, taken);
      if (!got) return false;
      units.push(...got);
    }
    if (units.length === 0) return false;
    const own = (u: { batch: Batch }) => u.batch.item.kind === 'group' && u.batch.item.essential && u.batch.item.home === site.id;
    // Everyone and everything else leaves first; then the site's own essential people only as far as the rules allow.
    for (const u of units) if (!own(u)) u.batch.count -= u.count;
    const essential = units.filter(own).reduce((a, u) => a + u.count, 0);
    if (essential > 0 && essential > essentialAllowance(site, stock.get(site.id)!, guardNeed[site.index]!, d === routing.lastDay[site.index]!)) {
      for (const u of units) if (!own(u)) u.batch.count += u.count;
      return false;
    }
    for (const u of units) if (own(u)) u.batch.count -= u.count;
    if (leg.mode === 'road') {
      for (let t = d; t < d + 2 * leg.days; t++) {
        use.trucks[t]! += m.trucks;
        use.escorts[t]! += escorts;
      }
    } else use.sorties[d]! += 1;
    const people = new Map<string, number>();
    const cargo = new Map<string, number>();
    const dest = stock.get(leg.to);
    for (const u of units) {
      const into = u.batch.item.kind === 'group' ? people : cargo;
      into.set(u.batch.item.id, (into.get(u.batch.item.id) ?? 0) + u.count);
      if (dest && !model.site.get(leg.to)!.isExit) dest.push({ item: u.batch.item, count: u.count, day: d + leg.days });
    }
    movements.push({ ...m, escorts, depart: date(d), arrive: date(d + leg.days), people: [...people].map(([group, count]) => ({ group, count })), cargo: [...cargo].map(([lot, count]) => ({ lot, count })) });
    stock.set(site.id, stock.get(site.id)!.filter(present));
    touch(site.id, d);
    return true;
  }

  /** Makes a kept disposition again when its units are at the site that day. */
  function replayDisposition(x: Disposition, d: number): void {
    const site = model.site.get(x.site);
    if (!site || site.isExit || d > routing.lastDay[site.index]!) return;
    const got = take(site.id, 'lot', x.lot, x.count, d, new Map());
    if (!got) return;
    for (const u of got) {
      u.batch.count -= u.count;
      dispositions.push({ lot: u.batch.item.id, site: site.id, count: u.count, action: x.action, on: date(d), reason: x.reason ?? 'kept from the previous plan' });
    }
    stock.set(site.id, stock.get(site.id)!.filter(present));
    touch(site.id, d);
  }

  /** Whether, with what is committed so far, these legs still have seats for `people` before `last`. */
  function laterSeats(legs: ModelLeg[], d: number, last: number, people: number): boolean {
    let seats = 0;
    for (let t = d + 1; t <= last && seats < people; t++) {
      for (const leg of legs) {
        if (!canDepart(model, routing.lastDay, leg, t)) continue;
        seats += leg.mode === 'road'
          ? Math.min(roadTrucksAvailable(leg, t, new Map()), fleet.convoy_max_trucks) * fleet.seats_per_truck
          : Math.max(0, fleet.air.sorties_per_day - use.sorties[t]!) * fleet.air.seats;
      }
    }
    return seats >= people;
  }

  type Booking = { site: string; day: number; leg: ModelLeg; trucks: number; escorts: number; sorties: number; released: boolean };

  /**
   * A guard stays while lots remain, so it often leaves on the site's last day, when the fleet
   * may be fully taken. Book its way out on that day now; the booking is released on that day
   * (or when the guard has gone) for the guard and everyone else to use.
   */
  function bookGuardExits(): Booking[] {
    const out: Booking[] = [];
    for (const site of inner) {
      const need = guardNeed[site.index]!;
      if (need === 0) continue;
      const day = routing.lastDay[site.index]!;
      const legs = (model.legsFrom.get(site.id) ?? [])
        .filter((l) => Number.isFinite(routing.unitCost('people', l)) && canDepart(model, routing.lastDay, l, day) && Number.isFinite(routing.value.people[l.toIndex]![day + l.days]!))
        .sort((a, b) => routing.unitCost('people', a) - routing.unitCost('people', b));
      for (const leg of legs) {
        const b: Booking = { site: site.id, day, leg, trucks: 0, escorts: 0, sorties: 0, released: false };
        if (leg.mode === 'air') {
          b.sorties = Math.ceil(need / fleet.air.seats);
          if (use.sorties[day]! + b.sorties > fleet.air.sorties_per_day) continue;
          use.sorties[day]! += b.sorties;
        } else {
          b.trucks = Math.ceil(need / fleet.seats_per_truck);
          b.escorts = leg.risk > 0 ? Math.ceil(b.trucks / fleet.convoy_max_trucks) : 0;
          if (!fits(leg, day, b.trucks, b.escorts, true)) continue;
          for (let t = day; t < day + 2 * leg.days; t++) {
            use.trucks[t]! += b.trucks;
            use.escorts[t]! += b.escorts;
          }
        }
        out.push(b);
        break;
      }
    }
    return out;
  }

  function release(b: Booking): void {
    if (b.released) return;
    b.released = true;
    use.sorties[b.day]! -= b.sorties;
    for (let t = b.day; t < b.day + 2 * b.leg.days; t++) {
      use.trucks[t]! -= b.trucks;
      use.escorts[t]! -= b.escorts;
    }
  }

  function hasLots(siteId: string): boolean {
    return stock.get(siteId)!.some((b) => b.item.kind === 'lot' && present(b));
  }

  /**
   * Boards one class of item at a site onto today's drafts (convoys and sorties not yet
   * committed, shared by every site so pooled capacity is counted once).
   */
  function board(site: ModelSite, d: number, cls: ItemClass, drafts: Map<number, Draft>, secondPass = false): void {
    const last = routing.lastDay[site.index]!;
    const batches = stock.get(site.id)!;
    const allowance = { essential: cls === 'people' ? essentialAllowance(site, batches, guardNeed[site.index]!, d === last) : Infinity };
    const ready = batches.filter((b) => b.day <= d && b.item.cls === cls && b.count > 0);
    if (ready.length === 0) return;
    const wait = d + 1 <= last ? routing.value[cls][site.index]![d + 1]! : Infinity;
    const legs = rankedLegs(site, cls, d, wait);
    if (cls === 'vehicle') {
      // Vehicles drive with any convoy that leaves today on a way out, not only their shortest.
      loadVehicles(ready, rankedLegs(site, cls, d, Infinity), drafts, d, !Number.isFinite(wait));
      return;
    }
    let order = legs;
    if (cls === 'air' || cls === 'road') {
      // Room left on today's convoys and sorties (a sortie full of people still has space for
      // truckloads) costs cargo nothing more: use it when the onward route is no dearer.
      const best = Math.min(wait, ...legs.map((l) => routing.unitCost(cls, l) + routing.value[cls][l.toIndex]![d + l.days]!));
      for (const l of rankedLegs(site, cls, d, Infinity)) {
        const draft = drafts.get(l.index);
        if (!draft || draft.units.length === 0 || routing.value[cls][l.toIndex]![d + l.days]! > best + 1e-9) continue;
        const movable = ready.filter((b) => b.count > 0);
        if (movable.length > 0) load(movable, l, drafts, d, allowance, site, true);
      }
    }
    if (secondPass) {
      // Seats left on convoys that run today anyway cost people only their risk.
      const riding = rankedLegs(site, cls, d, Infinity).filter((l) => {
        const draft = drafts.get(l.index);
        if (!draft || draft.units.length === 0 || legs.includes(l)) return false;
        const onward = routing.value.people[model.site.get(l.to)!.index]![d + l.days]!;
        return l.personRisk + onward <= wait + 1e-9;
      });
      // People whose cheaper way is full, with no seats on it later either, take any way out.
      const waiting = ready.reduce((a, b) => a + b.count, 0);
      const starved = legs.length > 0 && waiting > 0 && !laterSeats(legs, d, last, waiting);
      order = [...riding, ...legs, ...(starved ? rankedLegs(site, cls, d, Infinity).filter((l) => !legs.includes(l) && !riding.includes(l)) : [])];
    }
    for (const leg of order) {
      const movable = ready.filter((b) => b.count > 0);
      if (movable.length === 0) break;
      load(movable, leg, drafts, d, allowance, site);
    }
  }

  /**
   * People who boarded a sortie may ride instead on a convoy that leaves today anyway with free
   * seats: worth it when it saves whole sorties, net of the road's risk.
   */
  function reseat(site: ModelSite, d: number, drafts: Map<number, Draft>): void {
    const mine = [...drafts.values()].filter((x) => x.leg.from === site.id && x.units.length > 0);
    for (const air of mine.filter((x) => x.leg.mode === 'air')) {
      for (const road of mine.filter((x) => x.leg.mode === 'road')) {
        const people = air.units.filter((u) => u.batch.item.kind === 'group');
        const aboard = people.reduce((a, u) => a + u.count, 0);
        const roadPeople = road.units.reduce((a, u) => a + (u.batch.item.kind === 'group' ? u.count : 0), 0);
        const spare = road.slots * fleet.seats_per_truck - roadPeople;
        if (aboard === 0 || spare <= 0) continue;
        const k = Math.min(spare, aboard);
        const loads = air.units.reduce((a, u) => a + (u.batch.item.kind === 'lot' ? u.count * u.batch.item.loads : 0), 0);
        const saved = slotsFor(air.leg, aboard, loads) - (aboard - k > 0 || loads > 0 ? slotsFor(air.leg, aboard - k, loads) : 0);
        const byRoad = road.leg.personRisk + routing.value.people[road.leg.toIndex]![d + road.leg.days]!;
        const byAir = routing.value.people[air.leg.toIndex]![d + air.leg.days]!;
        if (saved * scenario.costs.air_sortie - k * (byRoad - byAir) <= 0) continue;
        let left = k;
        for (const u of [...people].reverse()) {
          if (left === 0) break;
          const n = Math.min(u.count, left);
          u.count -= n;
          left -= n;
          road.units.push({ batch: u.batch, count: n });
        }
        air.units = air.units.filter((u) => u.count > 0);
        const airPeople = aboard - k;
        air.slots = air.units.length > 0 ? slotsFor(air.leg, airPeople, loads) : 0;
      }
    }
  }

  /** Commits a site's drafts of the day, then disposes of what has no later chance to leave. */
  function closeDay(site: ModelSite, d: number, drafts: Map<number, Draft>): void {
    const last = routing.lastDay[site.index]!;
    const mine = [...drafts].filter(([, draft]) => draft.leg.from === site.id);
    for (const [k] of mine) drafts.delete(k);
    // Drafts are committed only as far as the fleet allows. Commit those without the site's own
    // essential people first; then let essential people go only as far as what actually left
    // (non-essential people, lots) still permits.
    const ownEssential = (u: { batch: Batch }) => u.batch.item.kind === 'group' && u.batch.item.essential && u.batch.item.home === site.id;
    const plain = mine.filter(([, draft]) => !draft.units.some(ownEssential));
    const guarded = mine.filter(([, draft]) => draft.units.some(ownEssential));
    commit(site, new Map(plain), d);
    if (guarded.length > 0) {
      const held: { batch: Batch; count: number; draft: Draft }[] = [];
      for (const [, draft] of guarded) {
        for (const u of draft.units.filter(ownEssential)) {
          u.batch.count += u.count;
          held.push({ ...u, draft });
        }
        draft.units = draft.units.filter((u) => !ownEssential(u));
      }
      // Lots aboard a convoy that might not all fit still count as remaining: the guard stays.
      const cargoAboard = guarded.some(([, draft]) => draft.units.some((u) => u.batch.item.kind === 'lot') && !surelyFits(draft, held.filter((h) => h.draft === draft)));
      let allow = essentialAllowance(site, stock.get(site.id)!, guardNeed[site.index]!, d === last, cargoAboard);
      for (const u of held) {
        const n = Math.min(u.count, allow);
        if (n <= 0) continue;
        u.batch.count -= n;
        allow -= n;
        u.draft.units.push({ batch: u.batch, count: n });
      }
      commit(site, new Map(guarded), d);
    }
    for (const b of stock.get(site.id)!) {
      if (b.day > d || b.item.kind !== 'lot' || b.count === 0) continue;
      const later = d + 1 <= last && Number.isFinite(routing.value[b.item.cls][site.index]![d + 1]!);
      if (later) continue;
      disposeHere(b, site, d);
    }
    stock.set(site.id, stock.get(site.id)!.filter(present));
    if (!stock.get(site.id)!.some((b) => b.item.kind === 'group' && b.item.essential && b.item.home === site.id)) {
      for (const b of bookings) if (b.site === site.id) release(b);
    }
  }

  /**
   * How many of the site's own essential people may leave today: none while any of its
   * non-essential people remain; all but the guard while any lot remains (here, on its way here,
   * or at a site upstream that could still send it here).
   */
  function essentialAllowance(site: ModelSite, batches: Batch[], guardNeed: number, finalDay: boolean, lotsAboard = false): number {
    if (finalDay) return Infinity;
    const own = batches.filter((x) => x.item.kind === 'group' && x.item.home === site.id);
    // Units claimed by kept movements of later days are still here.
    if (own.some((x) => !x.item.essential && present(x))) return 0;
    const here = own.filter((x) => x.item.essential).reduce((a, x) => a + x.count, 0);
    const holding = holdDay[site.index]! > day;
    const lotsRemain = holding || lotsAboard || batches.some((x) => x.item.kind === 'lot' && present(x)) || upstream[site.index]!.some((u) => hasLots(u));
    return lotsRemain ? Math.max(0, here - guardNeed) : Infinity;
  }

  function rankedLegs(site: ModelSite, cls: ItemClass, d: number, wait: number): ModelLeg[] {
    const ranked: { leg: ModelLeg; cost: number }[] = [];
    for (const leg of model.legsFrom.get(site.id) ?? []) {
      const unit = routing.unitCost(cls, leg);
      if (!Number.isFinite(unit) || !canDepart(model, routing.lastDay, leg, d)) continue;
      const to = model.site.get(leg.to)!;
      const onward = routing.value[cls][to.index]![d + leg.days]!;
      if (!Number.isFinite(onward)) continue;
      const cost = options.naiveRouting ? leg.days + hops[to.index]! : unit + onward;
      ranked.push({ leg, cost });
    }
    ranked.sort((a, b) => a.cost - b.cost);
    // Leave today only by legs no dearer than waiting for a better day; on the last chance, any leg.
    if (!Number.isFinite(wait) || options.naiveRouting || (cls === 'people' && options.peopleAsap)) return ranked.map((o) => o.leg);
    return ranked.filter((o) => o.cost <= wait + 1e-9).map((o) => o.leg);
  }

  type Draft = { leg: ModelLeg; day: number; units: { batch: Batch; count: number }[]; people: number; loads: number; slots: number };

  /** Loads batches onto today's convoys (road) or sorties (air) of one leg, as capacity allows. */
  function load(batches: Batch[], leg: ModelLeg, drafts: Map<number, Draft>, d: number, allowance: { essential: number }, site: ModelSite, spareOnly = false): void {
    // With spareOnly, only the room left on convoys or sorties already drafted is used.
    const maxSlots = spareOnly ? (drafts.get(leg.index)?.slots ?? 0) : leg.mode === 'road' ? roadTrucksAvailable(leg, d, drafts) : sortiesAvailable(d, drafts, leg);
    if (maxSlots <= 0) return;
    let draft = drafts.get(leg.index);
    if (!draft) {
      draft = { leg, day: d, units: [], people: 0, loads: 0, slots: 0 };
      drafts.set(leg.index, draft);
    }
    const seatCap = leg.mode === 'road' ? fleet.seats_per_truck : fleet.air.seats;
    const loadCap = leg.mode === 'road' ? fleet.truck_capacity : fleet.air.truckloads;
    const sorted = [...batches].sort((a, b) => b.item.priority - a.item.priority);
    // A unit bigger than one convoy or sortie can carry can never go this way.
    const unitCap = leg.mode === 'road' ? fleet.convoy_max_trucks * fleet.truck_capacity : fleet.air.truckloads;
    for (const b of sorted) {
      if (b.item.kind === 'lot' && b.item.loads > unitCap + 1e-9) continue;
      if (b.item.kind === 'group') {
        const guarded = b.item.essential && b.item.home === site.id;
        const room = Math.max(0, maxSlots * seatCap - draft.people);
        const n = Math.min(b.count, room, guarded ? allowance.essential : Infinity);
        if (n <= 0) continue;
        if (guarded) allowance.essential -= n;
        draft.units.push({ batch: b, count: n });
        draft.people += n;
        b.count -= n;
      } else {
        const room = maxSlots * loadCap - draft.loads;
        const n = Math.min(b.count, Math.floor((room + 1e-9) / b.item.loads));
        if (n <= 0) continue;
        draft.units.push({ batch: b, count: n });
        draft.loads += n * b.item.loads;
        b.count -= n;
      }
    }
    draft.slots = draft.units.length > 0 ? Math.min(maxSlots, slotsFor(leg, draft.people, draft.loads)) : 0;
  }

  function loadVehicles(ready: Batch[], legs: ModelLeg[], drafts: Map<number, Draft>, d: number, forced: boolean): void {
    for (const b of ready) {
      if (b.count === 0) continue;
      const withConvoy = legs.find((l) => drafts.get(l.index)?.units.length);
      const leg = withConvoy ?? (forced ? legs.find((l) => roadTrucksAvailable(l, d, drafts) > 0) : undefined);
      if (!leg) continue;
      let draft = drafts.get(leg.index);
      if (!draft) {
        draft = { leg, day: d, units: [], people: 0, loads: 0, slots: 1 };
        drafts.set(leg.index, draft);
      }
      draft.units.push({ batch: b, count: b.count });
      b.count = 0;
    }
  }

  function slotsFor(leg: ModelLeg, people: number, loads: number): number {
    if (leg.mode === 'road') {
      return Math.max(Math.ceil(loads / fleet.truck_capacity - 1e-9), fleet.seats_per_truck > 0 ? Math.ceil(people / fleet.seats_per_truck) : 0, 1);
    }
    const bySeats = fleet.air.seats > 0 ? Math.ceil(people / fleet.air.seats) : 0;
    const byLoads = fleet.air.truckloads > 0 ? Math.ceil(loads / fleet.air.truckloads - 1e-9) : 0;
    return Math.max(bySeats, byLoads, 1);
  }

  /** Trucks that can leave on this leg today: free for the whole round trip, within escorts, less other drafts of the day. */
  function roadTrucksAvailable(leg: ModelLeg, d: number, drafts: Map<number, Draft>): number {
    let pendingTrucks = 0;
    let pendingEscorts = 0;
    for (const other of drafts.values()) {
      if (other.leg === leg || other.leg.mode !== 'road') continue;
      pendingTrucks += other.slots;
      if (other.leg.risk > 0) pendingEscorts += Math.ceil(other.slots / fleet.convoy_max_trucks);
    }
    let free = Infinity;
    let escorts = Infinity;
    for (let t = d; t < d + 2 * leg.days; t++) {
      free = Math.min(free, fleet.trucks - use.trucks[t]!);
      escorts = Math.min(escorts, fleet.escorts - use.escorts[t]!);
    }
    free -= pendingTrucks;
    if (leg.risk > 0) free = Math.min(free, (escorts - pendingEscorts) * fleet.convoy_max_trucks);
    return Math.max(0, free);
  }

  function sortiesAvailable(d: number, drafts: Map<number, Draft>, leg: ModelLeg): number {
    let planned = 0;
    for (const draft of drafts.values()) if (draft.leg.mode === 'air' && draft.leg !== leg) planned += draft.slots;
    return Math.max(0, fleet.air.sorties_per_day - use.sorties[d]! - planned);
  }

  /** Splits each draft into convoys or sorties, reserves the fleet, and moves the stock. */
  function commit(site: ModelSite, drafts: Map<number, Draft>, d: number): void {
    for (const draft of drafts.values()) {
      if (draft.units.length === 0) continue;
      const { leg } = draft;
      const groups = pack(leg, draft.units);
      const arrive = d + leg.days;
      let blocked = false;
      for (const g of groups) {
        const trucks = leg.mode === 'road' ? slotsFor(leg, g.people, g.loads) : 0;
        const escorts = leg.mode === 'road' && leg.risk > 0 ? 1 : 0;
        if (blocked || !fits(leg, d, trucks, escorts)) {
          // Packing into convoys can need a truck or escort more than estimated: this convoy and
          // every later one stay for another day. Only a prefix of the boarding order leaves,
          // so no essential person leaves ahead of a non-essential one who boarded before.
          blocked = true;
          for (const u of g.units) u.batch.count += u.count;
          continue;
        }
        if (leg.mode === 'road') {
          for (let t = d; t < d + 2 * leg.days; t++) {
            use.trucks[t]! += trucks;
            use.escorts[t]! += escorts;
          }
        } else use.sorties[d]! += 1;
        const people = new Map<string, number>();
        const cargo = new Map<string, number>();
        for (const u of g.units) {
          const into = u.batch.item.kind === 'group' ? people : cargo;
          into.set(u.batch.item.id, (into.get(u.batch.item.id) ?? 0) + u.count);
          const dest = stock.get(leg.to);
          if (dest) dest.push({ item: u.batch.item, count: u.count, day: arrive });
        }
        movements.push({
          id: `m${String(nextId++).padStart(4, '0')}`,
          mode: leg.mode,
          from: leg.from,
          to: leg.to,
          depart: date(d),
          arrive: date(arrive),
          trucks,
          escorts,
          people: [...people].map(([group, count]) => ({ group, count })),
          cargo: [...cargo].map(([lot, count]) => ({ lot, count })),
        });
      }
      touch(site.id, d);
    }
    // Exits keep nothing in stock: what reaches them has left the theatre.
    for (const s of model.sites) if (s.isExit) stock.set(s.id, []);
  }

  type Group = { units: { batch: Batch; count: number }[]; people: number; loads: number };

  /** Splits a draft's units, in boarding order, into convoys (or sorties) that each keep the rules. */
  function pack(leg: ModelLeg, units: { batch: Batch; count: number }[]): Group[] {
    const vehicles = leg.mode === 'road' ? units.filter((u) => u.batch.item.cls === 'vehicle') : [];
    const rest = units.filter((u) => !vehicles.includes(u));
    const seatCap = leg.mode === 'road' ? fleet.convoy_max_trucks * fleet.seats_per_truck : fleet.air.seats;
    const loadCap = leg.mode === 'road' ? fleet.convoy_max_trucks * fleet.truck_capacity : fleet.air.truckloads;
    // First fit: each unit goes into the first convoy with room for its kind, so people and
    // cargo share convoys instead of each opening their own.
    const groups: Group[] = [];
    for (const u of rest) {
      const isPeople = u.batch.item.kind === 'group';
      let left = u.count;
      for (let i = 0; left > 0; i++) {
        if (i === groups.length) groups.push({ units: [], people: 0, loads: 0 });
        const g = groups[i]!;
        const room = isPeople ? seatCap - g.people : Math.floor((loadCap - g.loads + 1e-9) / u.batch.item.loads);
        if (room <= 0 && g.units.length === 0) throw new Error(`a unit of ${u.batch.item.id} fits no ${leg.mode === 'road' ? 'convoy' : 'sortie'}`);
        if (room <= 0) continue;
        const n = Math.min(left, room);
        g.units.push({ batch: u.batch, count: n });
        if (isPeople) g.people += n;
        else g.loads += n * u.batch.item.loads;
        left -= n;
      }
    }
    if (groups.length === 0) groups.push({ units: [], people: 0, loads: 0 });
    groups[0]!.units.push(...vehicles);
    return groups;
  }

  /** Whether every convoy or sortie of a draft, with `extra` units aboard too, can leave today. */
  function surelyFits(draft: Draft, extra: { batch: Batch; count: number }[]): boolean {
    const { leg, day } = draft;
    const groups = pack(leg, [...draft.units, ...extra]);
    if (leg.mode === 'air') return use.sorties[day]! + groups.length <= fleet.air.sorties_per_day;
    const trucks = groups.reduce((a, g) => a + slotsFor(leg, g.people, g.loads), 0);
    if (groups.some((g) => slotsFor(leg, g.people, g.loads) > fleet.convoy_max_trucks)) return false;
    return fits(leg, day, trucks, leg.risk > 0 ? groups.length : 0, true);
  }

  function fits(leg: ModelLeg, d: number, trucks: number, escorts: number, several = false): boolean {
    if (leg.mode === 'air') return use.sorties[d]! < fleet.air.sorties_per_day;
    if (!several && trucks > fleet.convoy_max_trucks) return false;
    for (let t = d; t < d + 2 * leg.days; t++) {
      if (use.trucks[t]! + trucks > fleet.trucks || use.escorts[t]! + escorts > fleet.escorts) return false;
    }
    return true;
  }

  /** How to dispose of a lot here: the cheapest allowed action, or destruction for the baseline. */
  function actionFor(lot: Lot, site: ModelSite): DisposalAction | undefined {
    const choice = cheapestDisposal(scenario, lot, site);
    if (!choice) return undefined;
    return options.destroyOnly && scenario.rules[lot.kind].includes('destroy') ? 'destroy' : choice.action;
  }

  function disposeHere(b: Batch, site: ModelSite, d: number): void {
    const lot = model.lot.get(b.item.id)!;
    const action = actionFor(lot, site);
    if (!action) return; // left in stock: reported as a plan that cannot be made
    dispositions.push({ lot: lot.id, site: site.id, count: b.count, action, on: date(d), reason: strandedReason(site, b, d) });
    touch(site.id, d);
    b.count = 0;
  }

  function strandedReason(site: ModelSite, b: Batch, d: number): string {
    const legs = (model.legsFrom.get(site.id) ?? []).filter((l) => Number.isFinite(routing.unitCost(b.item.cls, l)));
    if (legs.length === 0) return `no leg out of ${site.id} can carry ${b.item.cls === 'road' ? 'ammunition or weapons' : 'it'}`;
    const names = legs.map((l) => `${l.from}→${l.to} (${l.mode})`).join(', ');
    return `no ${legs.some((l) => l.mode === 'road') ? 'truck or escort' : 'sortie'} capacity on ${names} before ${date(d)}, the last day it could leave ${site.id} in time`;
  }
}

function strandedWhy(model: Model, routing: Routing, site: ModelSite): string {
  const legs = model.legsFrom.get(site.id) ?? [];
  if (legs.length === 0) return `no leg leaves ${site.id}`;
  if (!Number.isFinite(routing.value.people[site.index]![0]!)) {
    return `no leg out of ${site.id} reaches an exit before the deadlines along the way (check closures and deadlines of ${legs.map((l) => l.to).join(', ')})`;
  }
  return `not enough seats (trucks × seats_per_truck, escorts, or air sorties) to bring everyone out of ${site.id} by ${addDays(model.scenario.start, routing.lastDay[site.index]!)}`;
}

/** For each site, the sites that can reach it through a chain of legs. */
export function upstreamSites(model: Model): string[][] {
  const into = new Map<string, string[]>();
  for (const leg of model.legs) into.set(leg.to, [...(into.get(leg.to) ?? []), leg.from]);
  return model.sites.map((site) => {
    const seen = new Set<string>();
    const queue = [...(into.get(site.id) ?? [])];
    while (queue.length > 0) {
      const u = queue.pop()!;
      if (u === site.id || seen.has(u)) continue;
      seen.add(u);
      queue.push(...(into.get(u) ?? []));
    }
    return [...seen];
  });
}

/** Fewest legs from each site to an exit. */
export function hopsToExit(model: Model): number[] {
  const hops = model.sites.map((s) => (s.isExit ? 0 : Infinity));
  for (let changed = true; changed; ) {
    changed = false;
    for (const leg of model.legs) {
      const from = model.site.get(leg.from)!.index;
      const to = model.site.get(leg.to)!.index;
      if (hops[to]! + 1 < hops[from]!) {
        hops[from] = hops[to]! + 1;
        changed = true;
      }
    }
  }
  return hops;
}
