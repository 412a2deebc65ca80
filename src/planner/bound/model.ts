// The LP relaxation behind the lower bound: a time-expanded network over days (or buckets of days)
// with three aggregated commodities, built as sparse column-wise (CSC) arrays for HiGHS.
//
// Why this is a RELAXATION (every feasible plan of SCENARIO.md maps to a feasible LP point of no
// greater objective, so the LP optimum is ≤ the optimum `total`):
// - Commodities are aggregated: P = all people, A = truckloads of lots that may fly, R = truckloads
//   of ammunition and weapons (road only). A plan's flows summed per class are an LP flow.
// - Integrality is dropped (trucks, sorties, units moved, people), and so are the minimum of one
//   truck per road movement, convoy_max_trucks per movement (escorts become trucks/convoy_max),
//   people-last and guard rules, and the return of trucks before `end`.
// - Units not moved are charged the cheapest disposal allowed at their ORIGIN. Disposal elsewhere is
//   never cheaper except hand_over (it needs a recipient, which the origin may lack): that option is
//   kept as "hand over elsewhere", whose truckloads must reach a recipient camp/hub by its deadline.
//   destroy, decommission and sell cost the same anywhere, and a unit that travels to be disposed
//   of can be disposed of at its origin instead (removing its path keeps the flow feasible and
//   costs are ≥ 0).
// - Vehicles with truckloads 0 use no capacity: they are not in the flows; they count as moved
//   for free when an exit is reachable from their origin in the time-expanded network.
// - Column upper bounds (flow ≤ total supply, trucks ≤ fleet, sorties ≤ sorties per day) hold for
//   some optimal plan: removing a round trip that returns a unit to a site it was at (holding it
//   there instead) keeps a plan feasible and costs no more, so each unit crosses each leg at most
//   once. These bounds also make the safe dual bound (safe.ts) finite.
//
// Buckets (bucketDays = k > 1), a coarser relaxation: time unit t = ⌊day / k⌋. A site's node exists
// for t ≤ ⌊deadline / k⌋ (deadline rounded up to its bucket's end); a movement departing in bucket b
// arrives in bucket b + ⌊days / k⌋ ≤ ⌊arrival / k⌋ (duration rounded down; it may then hold to the
// real arrival bucket, which exists because the real arrival is ≤ the deadline). Legs shorter than
// k give arcs inside one bucket; costs are ≥ 0, so cycles never pay. A bucket arc exists when at
// least one day of the bucket is a valid departure (open leg, deadlines kept). Capacities are
// summed daily rules: Σ over days of a window of busy trucks ≤ days × fleet, where a movement's
// coefficient is the FEWEST busy days it can have inside the window over every departure day in its
// bucket (so the coefficient never exceeds the truth); windows of 1 and 2 buckets are used. Air:
// Σ sorties departing in a bucket ≤ sorties_per_day × (days of the bucket within the horizon).
// With k = 1 all of this is the exact daily model.
import { daysBetween } from '../../domain/dates.ts';
import { isContingentOwned, type Lot, type Scenario } from '../../domain/scenario/schema.ts';

export type BuildOptions = {
  /** Aggregate time into buckets of this many days (1 = daily, the default). */
  bucketDays?: number;
};

/** Per-lot outcome bookkeeping, to read the LP's move share back. */
export type LotColumns = {
  id: string;
  count: number;
  /** Column of units moved out (−1 if none); `fixedMove` when the share is known without the LP. */
  move: number;
  fixedMove?: number;
};

export type BuiltModel = {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** CSC matrix. */
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  /** Constant added to the objective (disposal of everything, minus what moving saves). */
  offset: number;
  lots: LotColumns[];
  /** Columns of people flown on air legs. */
  airPeopleCols: number[];
  /** Per arc: its leg and the columns of people, cargo and trucks (road) or sorties (air); −1 if absent. */
  arcCols: { leg: number; people: number; cargo: number[]; vehicles: number }[];
  /** Set when the relaxation is already seen to be infeasible (then so is the scenario). */
  infeasible: string | null;
  bucketDays: number;
};

const P = 0;
const A = 1;
const R = 2;
const CLASSES = [P, A, R] as const;
type Cls = (typeof CLASSES)[number];

const INF = Number.POSITIVE_INFINITY;

type Arc = {
  leg: number;
  road: boolean;
  from: number; // node id
  to: number; // node id, or −1 for an exit
  bucket: number; // departure bucket
};

/** Cheapest loss per unit of disposing of a lot at its origin; Infinity if no disposal is allowed there. */
export function originDisposalLoss(scenario: Scenario, lot: Lot, recipient: boolean): number {
  const { costs } = scenario;
  const coe = isContingentOwned(lot.owner);
  let best = INF;
  for (const a of scenario.rules[lot.kind]) {
    let loss = INF;
    if (a === 'destroy' || a === 'decommission') loss = lot.value + costs.destroy_per_truckload * (lot.truckloads === 0 ? 1 : lot.truckloads);
    else if (a === 'hand_over') loss = recipient && !coe ? lot.value : INF;
    else if (a === 'sell') loss = coe ? INF : (1 - costs.sell_recovers) * lot.value;
    if (loss < best) best = loss;
  }
  return best;
}

function roadOnly(lot: Lot): boolean {
  return lot.kind === 'ammunition' || lot.kind === 'weapon';
}

/** min over departure offsets o ∈ [0,k) of |[o, o + busy − 1] ∩ [lo, hi]| (all in days from the bucket start). */
function minOverlap(busy: number, k: number, lo: number, hi: number): number {
  let best = INF;
  for (let o = 0; o < k; o++) {
    const a = Math.max(o, lo);
    const b = Math.min(o + busy - 1, hi);
    best = Math.min(best, Math.max(0, b - a + 1));
  }
  return best;
}

export function buildModel(scenario: Scenario, options: BuildOptions = {}): BuiltModel {
  const k = Math.max(1, Math.floor(options.bucketDays ?? 1));
  const H = Math.max(0, daysBetween(scenario.start, scenario.end));
  const NB = Math.floor(H / k); // last bucket index holding a day ≤ H
  const { fleet, costs } = scenario;

  // ---- sites and nodes ------------------------------------------------------------------------
  const siteIndex = new Map<string, number>();
  scenario.sites.forEach((s, i) => siteIndex.set(s.id, i));
  const isExit = scenario.sites.map((s) => s.kind === 'exit');
  // Last day at the site (camp/hub). A missing deadline (or one before start, which the semantic
  // check rejects) is widened, a relaxation; one after `end` is cut to `end`, as nothing happens later.
  const lastDay = scenario.sites.map((s) => {
    if (s.kind === 'exit') return -1;
    if (!s.deadline) return H;
    return Math.min(H, Math.max(0, daysBetween(scenario.start, s.deadline)));
  });
  const lastBucket = lastDay.map((d) => (d < 0 ? -1 : Math.floor(d / k)));
  const nodeCount = scenario.sites.length * (NB + 1);
  const node = (s: number, t: number) => s * (NB + 1) + t;
  const nodeSite = (n: number) => Math.floor(n / (NB + 1));
  const nodeTime = (n: number) => n % (NB + 1);
  const recipientSite = scenario.sites.map((s) => s.kind !== 'exit' && !!s.recipient);

  // ---- legs → arcs ----------------------------------------------------------------------------
  const closed = new Map<string, Array<[number, number]>>();
  for (const c of scenario.closures) {
    const key = `${c.from}>${c.to}:${c.mode}`;
    const list = closed.get(key) ?? [];
    list.push([daysBetween(scenario.start, c.first), daysBetween(scenario.start, c.last)]);
    closed.set(key, list);
  }
  const roadUsable = fleet.trucks >= 1 && fleet.truck_capacity > 0;
  const airUsable = fleet.air.sorties_per_day >= 1;
  const arcs: Arc[] = [];
  scenario.legs.forEach((leg, li) => {
    const f = siteIndex.get(leg.from);
    const t = siteIndex.get(leg.to);
    if (f === undefined || t === undefined || f === t || isExit[f]) return;
    if (leg.mode === 'road' && (!roadUsable || (leg.risk > 0 && fleet.escorts < 1))) return;
    if (leg.mode === 'air' && !airUsable) return;
    const shut = closed.get(`${leg.from}>${leg.to}:${leg.mode}`) ?? [];
    const lastDepart = Math.min(lastDay[f]!, H);
    const arrivalLimit = isExit[t] ? H : lastDay[t]!;
    for (let b = 0; b * k <= lastDepart; b++) {
      let ok = false;
      for (let d = b * k; d <= Math.min(b * k + k - 1, lastDepart) && !ok; d++) {
        if (d + leg.days > arrivalLimit) continue;
        if (shut.some(([x, y]) => d >= x && d <= y)) continue;
        ok = true;
      }
      if (!ok) continue;
      const arrive = b + Math.floor(leg.days / k);
      arcs.push({ leg: li, road: leg.mode === 'road', from: node(f, b), to: isExit[t] ? -1 : node(t, arrive), bucket: b });
    }
  });

  const classOnArc = (c: Cls, a: Arc): boolean => {
    if (a.road) return c !== P || fleet.seats_per_truck > 0;
    if (c === P) return fleet.air.seats > 0;
    if (c === A) return fleet.air.truckloads > 0;
    return false;
  };

  // Adjacency for reachability, by predicate over arcs.
  const outArcs: number[][] = Array.from({ length: nodeCount }, () => []);
  const inArcs: number[][] = Array.from({ length: nodeCount }, () => []);
  arcs.forEach((a, i) => {
    outArcs[a.from]!.push(i);
    if (a.to >= 0) inArcs[a.to]!.push(i);
  });
  const nodeExists = (n: number) => {
    const s = nodeSite(n);
    return !isExit[s] && nodeTime(n) <= lastBucket[s]!;
  };

  function forward(sources: number[], arcOk: (a: Arc) => boolean): Uint8Array {
    const seen = new Uint8Array(nodeCount);
    const stack: number[] = [];
    for (const n of sources) if (nodeExists(n) && !seen[n]) { seen[n] = 1; stack.push(n); }
    while (stack.length > 0) {
      const n = stack.pop()!;
      const s = nodeSite(n);
      if (nodeTime(n) + 1 <= lastBucket[s]! && !seen[n + 1]) { seen[n + 1] = 1; stack.push(n + 1); }
      for (const ai of outArcs[n]!) {
        const a = arcs[ai]!;
        if (a.to >= 0 && !seen[a.to] && arcOk(a)) { seen[a.to] = 1; stack.push(a.to); }
      }
    }
    return seen;
  }
  /** Nodes from which an exit (or one of `sinkNodes`) can be reached. */
  function backward(sinkNodes: number[], arcOk: (a: Arc) => boolean): Uint8Array {
    const seen = new Uint8Array(nodeCount);
    const stack: number[] = [];
    const mark = (n: number) => { if (!seen[n]) { seen[n] = 1; stack.push(n); } };
    for (const n of sinkNodes) if (nodeExists(n)) mark(n);
    arcs.forEach((a) => { if (a.to < 0 && arcOk(a)) mark(a.from); });
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (nodeTime(n) > 0) mark(n - 1); // hold from the previous bucket (it exists: earlier than n)
      for (const ai of inArcs[n]!) {
        const a = arcs[ai]!;
        if (arcOk(a)) mark(a.from);
      }
    }
    return seen;
  }

  // ---- lots ---------------------------------------------------------------------------------
  const anyRecipient = recipientSite.some(Boolean);
  const recipientNodes = scenario.sites.flatMap((_, s) => (recipientSite[s] ? [node(s, lastBucket[s]!)] : []));
  let offset = 0;
  let infeasible: string | null = null;
  type LotPlan = { lot: Lot; site: number; cls: Cls; loss: number; moveOk: boolean; hoElsewhere: boolean };
  const flowLots: LotPlan[] = [];
  const lotsOut: LotColumns[] = [];
  const reachCache = new Map<string, Uint8Array>();
  const freeReach = (site: number, airable: boolean): Uint8Array => {
    const key = `${site}:${airable}`;
    let r = reachCache.get(key);
    if (!r) {
      r = forward([node(site, 0)], (a) => a.road || airable);
      reachCache.set(key, r);
    }
    return r;
  };
  scenario.sites.forEach((site, s) => {
    for (const lot of site.lots) {
      const loss = originDisposalLoss(scenario, lot, !!site.recipient);
      const allowed = scenario.rules[lot.kind];
      const moveOk = allowed.includes('move');
      const hoOk = allowed.includes('hand_over') && !isContingentOwned(lot.owner) && anyRecipient && lot.value < loss;
      if (isExit[s]) {
        // Already out of the theatre (a scenario the semantic check rejects): nothing to pay.
        lotsOut.push({ id: lot.id, count: lot.count, move: -1, fixedMove: 1 });
        continue;
      }
      if (lot.truckloads === 0) {
        const reach = freeReach(s, !roadOnly(lot));
        const exitReachable = arcs.some((a) => a.to < 0 && reach[a.from] && (a.road || !roadOnly(lot)));
        const recipientReachable = hoOk && recipientNodes.some((n) => reach[n]);
        let best = loss;
        let moved = 0;
        if (moveOk && exitReachable) { best = 0; moved = 1; }
        else if (recipientReachable && lot.value < best) best = lot.value;
        if (best === INF) infeasible ??= `lot ${lot.id} can neither leave nor be disposed of at ${site.id}`;
        else offset += best * lot.count;
        lotsOut.push({ id: lot.id, count: lot.count, move: -1, fixedMove: moved });
        continue;
      }
      flowLots.push({ lot, site: s, cls: roadOnly(lot) ? R : A, loss, moveOk, hoElsewhere: hoOk });
    }
  });
  const hoClass = [false, flowLots.some((l) => l.cls === A && l.hoElsewhere), flowLots.some((l) => l.cls === R && l.hoElsewhere)];

  // ---- supplies and reachability per class ------------------------------------------------------
  const people = scenario.sites.map((s, i) => (isExit[i] ? 0 : s.personnel.reduce((n, g) => n + g.count, 0)));
  const totalSupply = [people.reduce((a, b) => a + b, 0), 0, 0];
  for (const l of flowLots) if (l.moveOk || l.hoElsewhere) totalSupply[l.cls]! += l.lot.count * l.lot.truckloads;
  const sources: number[][] = [[], [], []];
  people.forEach((n, s) => { if (n > 0) sources[P]!.push(node(s, 0)); });
  for (const l of flowLots) if (l.moveOk || l.hoElsewhere) sources[l.cls]!.push(node(l.site, 0));
  const fwd: Uint8Array[] = [];
  const bwd: Uint8Array[] = [];
  for (const c of CLASSES) {
    const ok = (a: Arc) => classOnArc(c, a);
    fwd[c] = forward(sources[c]!, ok);
    bwd[c] = backward(hoClass[c] ? recipientNodes : [], ok);
  }
  people.forEach((n, s) => {
    if (n > 0 && !bwd[P]![node(s, 0)]) infeasible ??= `the ${n} people at ${scenario.sites[s]!.id} cannot reach an exit in time`;
  });

  // ---- LP assembly ------------------------------------------------------------------------------
  const rowLo: number[] = [];
  const rowHi: number[] = [];
  const newRow = (lo: number, hi: number) => { rowLo.push(lo); rowHi.push(hi); return rowLo.length - 1; };
  const cost: number[] = [];
  const colLo: number[] = [];
  const colHi: number[] = [];
  const starts: number[] = [0];
  const idx: number[] = [];
  const val: number[] = [];
  const newCol = (c: number, lo: number, hi: number, entries: Array<[number, number]>) => {
    cost.push(c); colLo.push(lo); colHi.push(hi);
    for (const [r, v] of entries) { if (v !== 0) { idx.push(r); val.push(v); } }
    starts.push(idx.length);
    return cost.length - 1;
  };

  // Conservation rows: out − in = supply, created when first used.
  const nodeRow: Int32Array[] = CLASSES.map(() => new Int32Array(nodeCount).fill(-1));
  const conservation = (c: Cls, n: number): number => {
    const rows = nodeRow[c]!;
    if (rows[n]! < 0) {
      const supply = c === P && nodeTime(n) === 0 ? people[nodeSite(n)]! : 0;
      rows[n] = newRow(supply, supply);
    }
    return rows[n]!;
  };
  for (const n of sources[P]!) conservation(P, n);
  const usefulTail = (c: Cls, n: number) => fwd[c]![n] === 1 && bwd[c]![n] === 1;

  // Hand-over-elsewhere link rows: Σ sinks − Σ truckloads × handed over = 0.
  const hoRow = [-1, hoClass[A] ? newRow(0, 0) : -1, hoClass[R] ? newRow(0, 0) : -1];

  // Lot columns.
  for (const l of flowLots) {
    const { lot } = l;
    const origin = node(l.site, 0);
    const finiteLoss = l.loss < INF;
    const canFlow = bwd[l.cls]![origin] === 1;
    const moveCol = l.moveOk && canFlow;
    const hoCol = l.hoElsewhere && canFlow;
    if (!moveCol && !hoCol && !finiteLoss) {
      infeasible ??= `lot ${lot.id} can neither leave ${scenario.sites[l.site]!.id} nor be disposed of there`;
      lotsOut.push({ id: lot.id, count: lot.count, move: -1, fixedMove: 0 });
      continue;
    }
    if (finiteLoss) offset += l.loss * lot.count;
    const base = finiteLoss ? l.loss : 0;
    const mustGo = !finiteLoss;
    const both = moveCol && hoCol;
    const linkRow = both ? newRow(mustGo ? lot.count : -INF, lot.count) : -1;
    let move = -1;
    if (moveCol) {
      const entries: Array<[number, number]> = [[conservation(l.cls, origin), -lot.truckloads]];
      if (both) entries.push([linkRow, 1]);
      move = newCol(-base, mustGo && !both ? lot.count : 0, lot.count, entries);
    }
    if (hoCol) {
      const entries: Array<[number, number]> = [[conservation(l.cls, origin), -lot.truckloads], [hoRow[l.cls]!, -lot.truckloads]];
      if (both) entries.push([linkRow, 1]);
      newCol(lot.value - base, mustGo && !both ? lot.count : 0, lot.count, entries);
    }
    lotsOut.push(move >= 0 ? { id: lot.id, count: lot.count, move } : { id: lot.id, count: lot.count, move: -1, fixedMove: 0 });
  }

  // Hand-over sinks at recipient camps/hubs, on their last bucket (earlier arrivals hold there).
  for (const c of [A, R] as const) {
    if (!hoClass[c]) continue;
    for (const n of recipientNodes) {
      if (!fwd[c]![n]) continue;
      newCol(0, 0, totalSupply[c]!, [[conservation(c, n), 1], [hoRow[c]!, 1]]);
    }
  }

  // Hold arcs.
  for (const c of CLASSES) {
    if (totalSupply[c] === 0) continue;
    for (let n = 0; n < nodeCount; n++) {
      if (!nodeExists(n) || nodeTime(n) + 1 > lastBucket[nodeSite(n)]!) continue;
      if (!usefulTail(c, n) || !bwd[c]![n + 1]) continue;
      newCol(0, 0, totalSupply[c]!, [[conservation(c, n), 1], [conservation(c, n + 1), -1]]);
    }
  }

  // Capacity rows over time windows (created lazily).
  const truckRows = new Map<string, number>();
  const escortRows = new Map<string, number>();
  const sortieRows = new Map<number, number>();
  const windowRow = (map: Map<string, number>, first: number, width: number, perDay: number) => {
    const key = `${first}:${width}`;
    let r = map.get(key);
    if (r === undefined) { r = newRow(-INF, perDay * width * k); map.set(key, r); }
    return r;
  };
  const widths = k === 1 ? [1] : [1, 2];
  // Busy coefficients per leg duration: [window offset j (buckets after departure), width, coefficient].
  const busyCache = new Map<number, Array<[number, number, number]>>();
  const busyCoefs = (days: number) => {
    let list = busyCache.get(days);
    if (!list) {
      list = [];
      const busy = 2 * days;
      const span = Math.ceil((busy + k) / k) + 1;
      for (const w of widths) {
        for (let j = -(w - 1); j <= span; j++) {
          const coef = minOverlap(busy, k, j * k, (j + w) * k - 1);
          if (coef > 0) list.push([j, w, coef]);
        }
      }
      busyCache.set(days, list);
    }
    return list;
  };

  const airPeopleCols: number[] = [];
  const arcCols: BuiltModel['arcCols'] = [];
  for (const a of arcs) {
    const leg = scenario.legs[a.leg]!;
    const flows: Array<[Cls, boolean]> = CLASSES.map((c) => [c, totalSupply[c]! > 0 && classOnArc(c, a) && usefulTail(c, a.from) && (a.to < 0 || bwd[c]![a.to] === 1)]);
    if (!flows.some(([, on]) => on)) continue;
    const rowsFor = (c: Cls): Array<[number, number]> => {
      const e: Array<[number, number]> = [[conservation(c, a.from), 1]];
      if (a.to >= 0) e.push([conservation(c, a.to), -1]);
      return e;
    };
    if (a.road) {
      const peopleRow = flows[P]![1] ? newRow(-INF, 0) : -1;
      const cargoRow = flows[A]![1] || flows[R]![1] ? newRow(-INF, 0) : -1;
      const cols: BuiltModel['arcCols'][number] = { leg: a.leg, people: -1, cargo: [], vehicles: -1 };
      arcCols.push(cols);
      if (flows[P]![1]) cols.people = newCol(leg.risk * costs.risk_per_person, 0, totalSupply[P]!, [...rowsFor(P), [peopleRow, 1 / fleet.seats_per_truck]]);
      for (const c of [A, R] as const) if (flows[c]![1]) cols.cargo.push(newCol(0, 0, totalSupply[c]!, [...rowsFor(c), [cargoRow, 1 / fleet.truck_capacity]]));
      const entries: Array<[number, number]> = [];
      if (peopleRow >= 0) entries.push([peopleRow, -1]);
      if (cargoRow >= 0) entries.push([cargoRow, -1]);
      for (const [j, w, coef] of busyCoefs(leg.days)) {
        const first = a.bucket + j;
        if (first + w - 1 < 0) continue;
        entries.push([windowRow(truckRows, first, w, fleet.trucks), coef]);
        if (leg.risk > 0) entries.push([windowRow(escortRows, first, w, fleet.escorts), coef / fleet.convoy_max_trucks]);
      }
      // Trucks of all movements departing in the bucket: at most the fleet on each of its days.
      cols.vehicles = newCol(costs.truck_km * leg.km * 2 + leg.risk * costs.risk_per_truck, 0, fleet.trucks * k, entries);
    } else {
      const peopleRow = flows[P]![1] ? newRow(-INF, 0) : -1;
      const cargoRow = flows[A]![1] ? newRow(-INF, 0) : -1;
      const cols: BuiltModel['arcCols'][number] = { leg: a.leg, people: -1, cargo: [], vehicles: -1 };
      arcCols.push(cols);
      if (flows[P]![1]) airPeopleCols.push((cols.people = newCol(0, 0, totalSupply[P]!, [...rowsFor(P), [peopleRow, 1 / fleet.air.seats]])));
      if (flows[A]![1]) cols.cargo.push(newCol(0, 0, totalSupply[A]!, [...rowsFor(A), [cargoRow, 1 / fleet.air.truckloads]]));
      let sr = sortieRows.get(a.bucket);
      const daysInBucket = Math.min(H, a.bucket * k + k - 1) - a.bucket * k + 1;
      const cap = fleet.air.sorties_per_day * daysInBucket;
      if (sr === undefined) { sr = newRow(-INF, cap); sortieRows.set(a.bucket, sr); }
      const entries: Array<[number, number]> = [[sr, 1]];
      if (peopleRow >= 0) entries.push([peopleRow, -1]);
      if (cargoRow >= 0) entries.push([cargoRow, -1]);
      cols.vehicles = newCol(costs.air_sortie, 0, cap, entries);
    }
  }

  return {
    numCols: cost.length,
    numRows: rowLo.length,
    colCost: Float64Array.from(cost),
    colLower: Float64Array.from(colLo),
    colUpper: Float64Array.from(colHi),
    rowLower: Float64Array.from(rowLo),
    rowUpper: Float64Array.from(rowHi),
    starts: Int32Array.from(starts),
    indices: Int32Array.from(idx),
    values: Float64Array.from(val),
    offset,
    lots: lotsOut,
    airPeopleCols,
    arcCols,
    infeasible,
    bucketDays: k,
  };
}
