// An exact solver for TINY scenarios: every rule of SCENARIO.md as one mixed-integer program on a
// time-expanded network over days, solved to proven optimality by HiGHS. It exists to check the
// heuristic planner (solve.ts) and the LP bound (bound/) in tests; it does not scale and is not
// used by the CLI. Shares nothing with the planner but the schemas.
//
// The model (days d = 0 .. H, H = end − start; "vehicle" = one road convoy or one air sortie):
// - Vehicles. For each leg and departure day d that is usable (0 ≤ d, d + days ≤ H, the departure
//   outside every closure of the leg, d ≤ the deadline of a camp/hub it leaves, d + days ≤ the
//   deadline of a camp/hub it reaches) there are K indexed vehicles, each a future plan movement:
//   road convoy k: trucks y_k ∈ {0..convoy_max}, used u_k ∈ {0,1}, u_k ≤ y_k ≤ convoy_max·u_k,
//     Σ count·truckloads ≤ truck_capacity·y_k, people ≤ seats_per_truck·y_k, units ≤ count·u_k
//     (vehicles with truckloads 0 need a convoy but no space); a convoy on a leg with risk > 0
//     takes exactly one escort (more never helps), other convoys none.
//     K = min(trucks, 1 + ⌊2·trucks / (convoy_max + 1)⌋, escorts if risky): two convoys on one
//     leg-day with y_i + y_j ≤ convoy_max can be merged into one at the same cost and fewer
//     escorts, so some optimum has every pair summing to > convoy_max, hence at most one convoy
//     below (convoy_max + 1)/2 trucks and K − 1 < 2·trucks / (convoy_max + 1).
//   air sortie k: a_k ∈ {0,1}, people ≤ seats·a_k, Σ count·truckloads ≤ air.truckloads·a_k,
//     units ≤ count·a_k; never ammunition or weapons; K = sorties_per_day.
//   Symmetry: u_k ≥ u_{k+1}, y_k ≥ y_{k+1}, a_k ≥ a_{k+1}.
// - Cargo x(lot, vehicle) and people p(group, vehicle), integers. A lot whose kind's rules lack
//   `move` never travels.
// - Stock I(item, site, day) ≥ 0 at the end of each day: I(t) = I(t−1) + arrivals(t) −
//   departures(t) − disposals(t) (same-day arrivals may leave or be disposed of the same day, as
//   the verifier simulates). A camp/hub holds nothing at the end of its deadline day and after it
//   (nor at the end of day H); exits keep whatever arrives.
// - Disposals z(lot, site, day) at camps/hubs on days ≤ the deadline, with the cheapest action the
//   rules allow there (kind rules; hand_over needs a recipient; COE/ never sold or handed over).
//   The cost per unit of an action does not depend on site or day, so the cheapest is optimal.
// - Pooled fleet: Σ trucks (escorts) of convoys busy on day t ≤ fleet, busy = [d, d + 2·days − 1].
//   Days after H need no row: every convoy busy after H is busy on H too.
// - Air: Σ sorties departing on a day ≤ sorties_per_day.
// - People last: binary w(s,t): own essential people leaving s on t ≤ M_E·w; own non-essential
//   people at s at the end of t ≤ M_N·(1 − w).
// - Guard: binary g(s,t): lot units at s at the end of t ≤ M_L·g; own essential at s ≥ need·g,
//   need = min(guard, own essential total). Checked every day (the verifier checks event days,
//   and stock does not change on other days).
// - Objective: value lost and cost of disposals + road (truck_km·km·2 + risk·risk_per_truck) per
//   truck + risk·risk_per_person per person on road + air_sortie per sortie.
import highsLoader, { type Highs } from 'highs';
import { addDays, daysBetween } from '../../domain/dates.ts';
import type { Disposition, Movement, Objective, Plan } from '../../domain/plan/schema.ts';
import { type DisposalAction, isContingentOwned, type Leg, type Lot, type Scenario, type Site } from '../../domain/scenario/schema.ts';

export type ExactOptions = {
  /** Wall-clock budget for the MIP solve (default 30 s). */
  timeLimitSeconds?: number;
  /** Relative MIP gap at which HiGHS may stop (default 0: prove optimality). */
  relGap?: number;
};

export type ExactStats = {
  rows: number;
  cols: number;
  integers: number;
  nonzeros: number;
  buildSeconds: number;
  solveSeconds: number;
  nodes: number | null;
};

export type ExactResult = {
  status: 'optimal' | 'infeasible' | 'timeout';
  /** The plan's total, recomputed from the plan itself; null when no plan was found. */
  total: number | null;
  /** On 'timeout', the best plan found so far (if any), not proven optimal. */
  plan: Plan | null;
  stats: ExactStats;
};

let runtime: Promise<Highs> | null = null;
function loadHighs(): Promise<Highs> {
  runtime ??= highsLoader();
  return runtime;
}

// ---------------------------------------------------------------------------------------------
// A tiny row-wise model builder.

class MipBuilder {
  readonly cost: number[] = [];
  readonly lower: number[] = [];
  readonly upper: number[] = [];
  readonly integer: boolean[] = [];
  readonly rowLower: number[] = [];
  readonly rowUpper: number[] = [];
  readonly rowStarts: number[] = [0];
  readonly rowIndex: number[] = [];
  readonly rowValue: number[] = [];

  col(cost: number, lower: number, upper: number, integer: boolean): number {
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    this.integer.push(integer);
    return this.cost.length - 1;
  }

  /** lo ≤ Σ coef·x ≤ hi; repeated columns are summed. Rows without terms must hold for 0. */
  row(terms: readonly (readonly [number, number])[], lo: number, hi: number): void {
    const m = new Map<number, number>();
    for (const [c, v] of terms) m.set(c, (m.get(c) ?? 0) + v);
    const entries = [...m].filter(([, v]) => v !== 0);
    if (entries.length === 0) {
      if (lo > 1e-9 || hi < -1e-9) this.infeasible = true;
      return;
    }
    for (const [c, v] of entries) {
      this.rowIndex.push(c);
      this.rowValue.push(v);
    }
    this.rowStarts.push(this.rowIndex.length);
    this.rowLower.push(lo);
    this.rowUpper.push(hi);
  }

  infeasible = false;
  get numCols(): number {
    return this.cost.length;
  }
  get numRows(): number {
    return this.rowLower.length;
  }
}

// ---------------------------------------------------------------------------------------------
// The scenario in day numbers.

type Item =
  | { kind: 'lot'; id: string; lot: Lot; origin: number; count: number; movable: boolean; flies: boolean }
  | { kind: 'group'; id: string; origin: number; count: number; essential: boolean };

type Vehicle = {
  mode: 'road' | 'air';
  leg: number;
  day: number;
  /** Road: trucks column; air: −1. */
  y: number;
  /** Road: used; air: sortie flown. */
  u: number;
  escort: boolean;
  cargo: { item: number; col: number }[];
};

const DISPOSAL_ORDER: readonly DisposalAction[] = ['sell', 'hand_over', 'decommission', 'destroy'];

function disposalUnitCost(scenario: Scenario, lot: Lot, action: DisposalAction): number {
  const { costs } = scenario;
  if (action === 'sell') return (1 - costs.sell_recovers) * lot.value;
  if (action === 'hand_over') return lot.value;
  return lot.value + costs.destroy_per_truckload * (lot.truckloads === 0 ? 1 : lot.truckloads);
}

/** The cheapest disposal allowed for `lot` at `site`, or null when none is. */
function cheapestDisposal(scenario: Scenario, lot: Lot, site: Site): { action: DisposalAction; unitCost: number } | null {
  if (site.kind === 'exit') return null;
  let best: { action: DisposalAction; unitCost: number } | null = null;
  for (const action of DISPOSAL_ORDER) {
    if (!scenario.rules[lot.kind].includes(action)) continue;
    if (action === 'hand_over' && !site.recipient) continue;
    if ((action === 'sell' || action === 'hand_over') && isContingentOwned(lot.owner)) continue;
    const unitCost = disposalUnitCost(scenario, lot, action);
    if (!best || unitCost < best.unitCost) best = { action, unitCost };
  }
  return best;
}

export async function exactPlan(scenario: Scenario, options: ExactOptions = {}): Promise<ExactResult> {
  const t0 = performance.now();
  const H = daysBetween(scenario.start, scenario.end);
  const { fleet, costs } = scenario;
  const sites = scenario.sites;
  const siteIndex = new Map(sites.map((s, i) => [s.id, i]));
  const closing = sites.map((s) => s.kind !== 'exit');
  /** Last day anything may be at a site (camps/hubs: min(deadline, H); exits: H). */
  const lastDay = sites.map((s) => (s.kind === 'exit' ? H : Math.min(H, daysBetween(scenario.start, s.deadline ?? scenario.end))));

  // Legs as the verifier resolves them: the last leg of each (from, to, mode) wins.
  const legMap = new Map<string, Leg>();
  for (const l of scenario.legs) legMap.set(`${l.from}>${l.to}>${l.mode}`, l);
  const legs = [...legMap.values()].filter((l) => siteIndex.has(l.from) && siteIndex.has(l.to) && l.from !== l.to);
  const legFrom = legs.map((l) => siteIndex.get(l.from)!);
  const legTo = legs.map((l) => siteIndex.get(l.to)!);

  const closed = (l: Leg, d: number) =>
    scenario.closures.some(
      (c) => c.from === l.from && c.to === l.to && c.mode === l.mode && d >= daysBetween(scenario.start, c.first) && d <= daysBetween(scenario.start, c.last),
    );
  const roadKmax = (l: Leg) => {
    let k = Math.min(fleet.trucks, 1 + Math.floor((2 * fleet.trucks) / (fleet.convoy_max_trucks + 1)));
    if (l.risk > 0) k = Math.min(k, fleet.escorts);
    return Math.max(0, k);
  };
  const airKmax = fleet.air.sorties_per_day;

  /** Usable departure days of each leg (deadlines, closures, horizon, any vehicle at all). */
  const legDays: number[][] = legs.map((l, li) => {
    const out: number[] = [];
    if (l.mode === 'road' ? roadKmax(l) < 1 : airKmax < 1) return out;
    for (let d = 0; d + l.days <= H; d++) {
      if (closing[legFrom[li]!] && d > lastDay[legFrom[li]!]!) continue;
      if (closing[legTo[li]!] && d + l.days > lastDay[legTo[li]!]!) continue;
      if (closed(l, d)) continue;
      out.push(d);
    }
    return out;
  });

  // Items: lot and group commodities.
  const items: Item[] = [];
  sites.forEach((s, si) => {
    for (const lot of s.lots) {
      items.push({
        kind: 'lot', id: lot.id, lot, origin: si, count: lot.count,
        movable: scenario.rules[lot.kind].includes('move'),
        flies: lot.kind !== 'ammunition' && lot.kind !== 'weapon',
      });
    }
    for (const g of s.personnel) items.push({ kind: 'group', id: g.group, origin: si, count: g.count, essential: g.essential });
  });
  const canUse = (it: Item, li: number): boolean => {
    const l = legs[li]!;
    if (it.kind === 'group') return l.mode === 'air' ? fleet.air.seats > 0 : fleet.seats_per_truck > 0;
    if (!it.movable) return false;
    if (l.mode === 'air') return it.flies && it.lot.truckloads <= fleet.air.truckloads;
    return it.lot.truckloads <= fleet.truck_capacity * fleet.convoy_max_trucks;
  };

  // Earliest day each item can be at each site (ignoring capacity), to prune columns.
  const earliest: number[][] = items.map((it) => {
    const e = sites.map(() => Infinity);
    e[it.origin] = 0;
    for (let changed = true; changed; ) {
      changed = false;
      legs.forEach((l, li) => {
        if (!canUse(it, li)) return;
        const from = e[legFrom[li]!]!;
        if (!Number.isFinite(from)) return;
        const d = legDays[li]!.find((x) => x >= from);
        if (d === undefined) return;
        if (d + l.days < e[legTo[li]!]!) {
          e[legTo[li]!] = d + l.days;
          changed = true;
        }
      });
    }
    return e;
  });

  const b = new MipBuilder();

  // Vehicles and their cargo.
  const vehicles: Vehicle[] = [];
  const departing = new Map<string, { item: number; col: number }[]>(); // `${item}|${site}|${day}`
  const arriving = new Map<string, { item: number; col: number }[]>();
  const push = (m: Map<string, { item: number; col: number }[]>, key: string, v: { item: number; col: number }) => {
    const list = m.get(key);
    if (list) list.push(v);
    else m.set(key, [v]);
  };
  legs.forEach((l, li) => {
    for (const d of legDays[li]!) {
      const users = items.map((_, i) => i).filter((i) => canUse(items[i]!, li) && d >= earliest[i]![legFrom[li]!]!);
      if (users.length === 0) continue;
      const K = l.mode === 'road' ? roadKmax(l) : airKmax;
      const first = vehicles.length;
      for (let k = 0; k < K; k++) {
        const v: Vehicle = { mode: l.mode, leg: li, day: d, y: -1, u: -1, escort: l.mode === 'road' && l.risk > 0, cargo: [] };
        if (l.mode === 'road') {
          v.y = b.col(costs.truck_km * l.km * 2 + l.risk * costs.risk_per_truck, 0, fleet.convoy_max_trucks, true);
          v.u = b.col(0, 0, 1, true);
          b.row([[v.u, 1], [v.y, -1]], -Infinity, 0);
          b.row([[v.y, 1], [v.u, -fleet.convoy_max_trucks]], -Infinity, 0);
        } else {
          v.u = b.col(costs.air_sortie, 0, 1, true);
        }
        for (const i of users) {
          const it = items[i]!;
          const perPerson = it.kind === 'group' && l.mode === 'road' ? l.risk * costs.risk_per_person : 0;
          const ub = l.mode === 'air' && it.kind === 'group' ? Math.min(it.count, fleet.air.seats) : it.count;
          const col = b.col(perPerson, 0, ub, true);
          v.cargo.push({ item: i, col });
          push(departing, `${i}|${legFrom[li]}|${d}`, { item: i, col });
          push(arriving, `${i}|${legTo[li]}|${d + l.days}`, { item: i, col });
        }
        // Capacity of this vehicle.
        const loads = v.cargo.filter((c) => items[c.item]!.kind === 'lot');
        const people = v.cargo.filter((c) => items[c.item]!.kind === 'group');
        const tl = (c: { item: number }) => (items[c.item] as Extract<Item, { kind: 'lot' }>).lot.truckloads;
        if (l.mode === 'road') {
          if (loads.some((c) => tl(c) > 0)) b.row([...loads.filter((c) => tl(c) > 0).map((c) => [c.col, tl(c)] as const), [v.y, -fleet.truck_capacity]], -Infinity, 0);
          if (people.length) b.row([...people.map((c) => [c.col, 1] as const), [v.y, -fleet.seats_per_truck]], -Infinity, 0);
        } else {
          if (loads.some((c) => tl(c) > 0)) b.row([...loads.filter((c) => tl(c) > 0).map((c) => [c.col, tl(c)] as const), [v.u, -fleet.air.truckloads]], -Infinity, 0);
          if (people.length) b.row([...people.map((c) => [c.col, 1] as const), [v.u, -fleet.air.seats]], -Infinity, 0);
        }
        for (const c of v.cargo) b.row([[c.col, 1], [v.u, -items[c.item]!.count]], -Infinity, 0);
        vehicles.push(v);
        // Symmetry: vehicle k is used no less than vehicle k + 1.
        if (k > 0) {
          const prev = vehicles[first + k - 1]!;
          b.row([[prev.u, 1], [v.u, -1]], 0, Infinity);
          if (l.mode === 'road') b.row([[prev.y, 1], [v.y, -1]], 0, Infinity);
        }
      }
    }
  });

  // Pooled fleet and sorties per day.
  for (let t = 0; t <= H; t++) {
    const busy = vehicles.filter((v) => v.mode === 'road' && v.day <= t && t <= v.day + 2 * legs[v.leg]!.days - 1);
    if (busy.length > 0) {
      b.row(busy.map((v) => [v.y, 1] as const), -Infinity, fleet.trucks);
      const escorted = busy.filter((v) => v.escort);
      if (escorted.length > 0) b.row(escorted.map((v) => [v.u, 1] as const), -Infinity, fleet.escorts);
    }
    const flights = vehicles.filter((v) => v.mode === 'air' && v.day === t);
    if (flights.length > fleet.air.sorties_per_day) b.row(flights.map((v) => [v.u, 1] as const), -Infinity, fleet.air.sorties_per_day);
  }

  // Disposals and stock balances.
  const disposals: { item: number; site: number; day: number; col: number; action: DisposalAction }[] = [];
  /** stock[item][site][day] = column, or −1 where the stock is 0 by construction. */
  const stock: number[][][] = items.map(() => sites.map(() => new Array<number>(H + 1).fill(-1)));
  items.forEach((it, i) => {
    sites.forEach((s, si) => {
      const e = earliest[i]![si]!;
      if (!Number.isFinite(e)) return;
      const disposal = it.kind === 'lot' ? cheapestDisposal(scenario, it.lot, s) : null;
      for (let t = e; t <= H; t++) {
        // A camp/hub holds nothing at the end of its last day (deadline, or H) and after it.
        const ub = closing[si] && t >= lastDay[si]! ? 0 : it.count;
        const col = b.col(0, 0, ub, false);
        stock[i]![si]![t] = col;
        const terms: [number, number][] = [[col, 1]];
        if (t > e) terms.push([stock[i]![si]![t - 1]!, -1]);
        for (const c of departing.get(`${i}|${si}|${t}`) ?? []) terms.push([c.col, 1]);
        for (const c of arriving.get(`${i}|${si}|${t}`) ?? []) terms.push([c.col, -1]);
        if (disposal && (!closing[si] || t <= lastDay[si]!)) {
          const z = b.col(disposal.unitCost, 0, it.count, true);
          disposals.push({ item: i, site: si, day: t, col: z, action: disposal.action });
          terms.push([z, 1]);
        }
        const rhs = t === 0 && si === it.origin ? it.count : 0;
        b.row(terms, rhs, rhs);
      }
    });
  });
  // Deadlines before the start: the site must be empty from the outset.
  sites.forEach((s, si) => {
    if (closing[si] && lastDay[si]! < 0 && (s.lots.length > 0 || s.personnel.length > 0)) b.infeasible = true;
  });

  // Rule 4: people last and the guard.
  sites.forEach((s, si) => {
    const own = items.map((it, i) => ({ it, i })).filter(({ it }) => it.kind === 'group' && it.origin === si);
    const ess = own.filter(({ it }) => it.kind === 'group' && it.essential);
    const non = own.filter(({ it }) => it.kind === 'group' && !it.essential);
    const mE = ess.reduce((a, { it }) => a + it.count, 0);
    const mN = non.reduce((a, { it }) => a + it.count, 0);
    for (let t = 0; t <= H; t++) {
      if (mE > 0 && mN > 0) {
        const leaving = ess.flatMap(({ i }) => departing.get(`${i}|${si}|${t}`) ?? []);
        const staying = non.map(({ i }) => stock[i]![si]![t]!).filter((c) => c >= 0);
        if (leaving.length > 0 && staying.length > 0) {
          const w = b.col(0, 0, 1, true);
          b.row([...leaving.map((c) => [c.col, 1] as const), [w, -mE]], -Infinity, 0);
          b.row([...staying.map((c) => [c, 1] as const), [w, mN]], -Infinity, mN);
        }
      }
      const need = Math.min(s.guard, mE);
      if (need > 0) {
        const lotCols = items.map((it, i) => (it.kind === 'lot' ? stock[i]![si]![t]! : -1)).filter((c) => c >= 0);
        if (lotCols.length > 0) {
          const mL = items.reduce((a, it, i) => a + (it.kind === 'lot' && stock[i]![si]![t]! >= 0 ? it.count : 0), 0);
          const g = b.col(0, 0, 1, true);
          b.row([...lotCols.map((c) => [c, 1] as const), [g, -mL]], -Infinity, 0);
          const present = ess.map(({ i }) => stock[i]![si]![t]!).filter((c) => c >= 0);
          b.row([...present.map((c) => [c, 1] as const), [g, -need]], 0, Infinity);
        }
      }
    }
  });

  const stats: ExactStats = {
    rows: b.numRows,
    cols: b.numCols,
    integers: b.integer.filter(Boolean).length,
    nonzeros: b.rowIndex.length,
    buildSeconds: (performance.now() - t0) / 1000,
    solveSeconds: 0,
    nodes: null,
  };
  if (b.infeasible) return { status: 'infeasible', total: null, plan: null, stats };

  let colValue: Float64Array | number[];
  let status: ExactResult['status'];
  if (b.numCols === 0) {
    colValue = [];
    status = 'optimal';
  } else {
    const highs = await loadHighs();
    const model = highs.createModel({
      numCols: b.numCols,
      numRows: b.numRows,
      colCost: b.cost,
      colLower: b.lower,
      colUpper: b.upper,
      rowLower: b.rowLower.map((x) => (x === -Infinity ? -highs.infinity : x)),
      rowUpper: b.rowUpper.map((x) => (x === Infinity ? highs.infinity : x)),
      matrix: { format: 'csr', numRows: b.numRows, numCols: b.numCols, starts: b.rowStarts, indices: b.rowIndex, values: b.rowValue },
      integrality: b.integer.map((x) => (x ? highs.constants.variableType.integer : highs.constants.variableType.continuous)),
    });
    try {
      model.options.set({
        output_flag: false,
        time_limit: options.timeLimitSeconds ?? 30,
        mip_rel_gap: options.relGap ?? 0,
        mip_abs_gap: 1e-6,
      });
      const s0 = performance.now();
      model.run();
      stats.solveSeconds = (performance.now() - s0) / 1000;
      try {
        stats.nodes = Number(model.info.get('mip_node_count'));
      } catch {
        stats.nodes = null;
      }
      const code = model.getModelStatus();
      const S = highs.constants.modelStatus;
      const hasPrimal = (() => {
        try {
          return Number(model.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
        } catch {
          return false;
        }
      })();
      if (code === S.optimal) status = 'optimal';
      else if (code === S.infeasible) return { status: 'infeasible', total: null, plan: null, stats };
      else if (code === S.timeLimit || code === S.interrupted || code === S.solutionLimit) status = 'timeout';
      else throw new Error(`exactPlan: HiGHS ended with model status ${code}`);
      if (!hasPrimal) return { status, total: null, plan: null, stats };
      colValue = model.getSolution().colValue;
    } finally {
      model.dispose();
    }
  }

  const val = (c: number) => Math.round(colValue[c] ?? 0);
  const plan = buildPlan(scenario, {
    legs, vehicles, items, disposals, sites, val,
    solveSeconds: (performance.now() - t0) / 1000,
  });
  return { status, total: plan.objective.total, plan, stats };
}

// ---------------------------------------------------------------------------------------------
// From a solution to a plan.

function buildPlan(
  scenario: Scenario,
  sol: {
    legs: Leg[];
    vehicles: Vehicle[];
    items: Item[];
    disposals: { item: number; site: number; day: number; col: number; action: DisposalAction }[];
    sites: Site[];
    val: (c: number) => number;
    solveSeconds: number;
  },
): Plan {
  const { legs, vehicles, items, disposals, sites, val } = sol;
  const date = (d: number) => addDays(scenario.start, d);
  const movements: Movement[] = [];
  const lastAction = new Map<string, number>();
  const act = (site: string, d: number) => lastAction.set(site, Math.max(lastAction.get(site) ?? -Infinity, d));
  for (const v of vehicles) {
    if (val(v.u) < 1) continue;
    const l = legs[v.leg]!;
    const people: Movement['people'] = [];
    const cargo: Movement['cargo'] = [];
    for (const c of v.cargo) {
      const n = val(c.col);
      if (n < 1) continue;
      const it = items[c.item]!;
      if (it.kind === 'group') people.push({ group: it.id, count: n });
      else cargo.push({ lot: it.id, count: n });
    }
    if (people.length === 0 && cargo.length === 0) continue; // an empty vehicle only costs
    const road = v.mode === 'road';
    movements.push({
      id: `${road ? 'r' : 'a'}${movements.length + 1}`,
      mode: v.mode,
      from: l.from,
      to: l.to,
      depart: date(v.day),
      arrive: date(v.day + l.days),
      trucks: road ? val(v.y) : 0,
      escorts: road && v.escort ? 1 : 0,
      people,
      cargo,
    });
    act(l.from, v.day);
  }
  const dispositions: Disposition[] = [];
  for (const z of disposals) {
    const n = val(z.col);
    if (n < 1) continue;
    const site = sites[z.site]!;
    dispositions.push({ lot: items[z.item]!.id, site: site.id, count: n, action: z.action, on: date(z.day), reason: 'exact MIP optimum' });
    act(site.id, z.day);
  }
  const closures = sites
    .filter((s) => s.kind !== 'exit' && lastAction.has(s.id))
    .map((s) => ({ site: s.id, closes_on: date(lastAction.get(s.id)!), deadline: s.deadline ?? scenario.end }));
  const objective = objectiveOfPlan(scenario, movements, dispositions);
  return {
    scenario: scenario.mission,
    horizon: { start: scenario.start, end: scenario.end },
    objective,
    bound: null,
    gap: null,
    solve_seconds: sol.solveSeconds,
    closures,
    movements,
    dispositions,
    method: 'exact-mip',
  };
}

/** SCENARIO.md's objective of a list of movements and dispositions. */
function objectiveOfPlan(scenario: Scenario, movements: Movement[], dispositions: Disposition[]): Objective {
  const { costs } = scenario;
  const lots = new Map(scenario.sites.flatMap((s) => s.lots.map((l) => [l.id, l] as const)));
  const legs = new Map(scenario.legs.map((l) => [`${l.from}>${l.to}>${l.mode}`, l]));
  let valueLost = 0;
  let cost = 0;
  let risk = 0;
  for (const m of movements) {
    if (m.mode === 'air') {
      cost += costs.air_sortie;
      continue;
    }
    const leg = legs.get(`${m.from}>${m.to}>road`)!;
    const people = m.people.reduce((a, p) => a + p.count, 0);
    cost += costs.truck_km * leg.km * m.trucks * 2;
    risk += leg.risk * (costs.risk_per_truck * m.trucks + costs.risk_per_person * people);
  }
  for (const d of dispositions) {
    const lot = lots.get(d.lot)!;
    valueLost += d.action === 'sell' ? (1 - costs.sell_recovers) * lot.value * d.count : lot.value * d.count;
    if (d.action === 'destroy' || d.action === 'decommission') cost += costs.destroy_per_truckload * (lot.truckloads === 0 ? 1 : lot.truckloads) * d.count;
  }
  const totalValue = [...lots.values()].reduce((a, l) => a + l.value * l.count, 0);
  return { total: valueLost + cost + risk, value_recovered: totalValue - valueLost, value_lost: valueLost, risk, cost };
}
