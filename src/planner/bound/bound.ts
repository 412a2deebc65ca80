// A proven lower bound on the optimum `total` of a scenario: the LP relaxation of model.ts solved
// by HiGHS (WebAssembly), certified by weak duality on our own data (safe.ts). Pure apart from the
// solver call: no file or network I/O.
import highsLoader, { type Highs } from 'highs';
import type { Scenario } from '../../domain/scenario/schema.ts';
import { buildModel, type BuiltModel } from './model.ts';
import { safeDualBound } from './safe.ts';

export type LpSolver = 'simplex' | 'ipm' | 'choose';

export type BoundOptions = {
  /** Wall-clock budget for build + solve; no bound is claimed if the LP is not optimal by then. */
  timeLimitSeconds?: number;
  /** Aggregate time into buckets of this many days (a coarser, still valid relaxation). Default 1. */
  bucketDays?: number;
  /** HiGHS LP algorithm. Default 'simplex' (measured fastest on MINUSMA, see README.md); 'ipm' runs without crossover. */
  solver?: LpSolver;
  /** Further HiGHS options (snake_case names), applied last; for experiments. */
  highsOptions?: Readonly<Record<string, string | number | boolean>>;
};

export type BoundStats = {
  rows: number;
  cols: number;
  nonzeros: number;
  bucketDays: number;
  buildSeconds: number;
  solveSeconds: number;
  /** The LP optimum as HiGHS reports it (bound is this, certified; they agree to rounding). */
  lpObjective: number | null;
  iterations: number | null;
};

export type LegFlow = { people: number; loads: number; vehicles: number };

export type BoundResult = {
  /** The LP's flows per leg, for diagnosis and to guide routing (empty unless optimal). */
  legFlows?: Record<string, LegFlow>;
  /** Proven lower bound on `total`; null when the LP did not solve to optimality in time. */
  bound: number | null;
  /** HiGHS model status in words ('optimal', 'infeasible', 'timeLimit', …). */
  status: string;
  /** Wall-clock seconds for build + solve. */
  seconds: number;
  /** LP share of each lot's units moved out (0..1). */
  moveFraction: Record<string, number>;
  /** People-legs flown in the LP. */
  airPeople: number;
  stats: BoundStats;
};

let runtime: Promise<Highs> | null = null;
/** The WASM runtime is loaded once per process. */
function loadHighs(): Promise<Highs> {
  runtime ??= highsLoader();
  return runtime;
}

function statusName(highs: Highs, code: number): string {
  for (const [name, value] of Object.entries(highs.constants.modelStatus)) if (value === code) return name;
  return `status ${code}`;
}

export async function lowerBound(scenario: Scenario, options: BoundOptions = {}): Promise<BoundResult> {
  const t0 = performance.now();
  const timeLimit = options.timeLimitSeconds ?? 60;
  const highs = await loadHighs();
  const model = buildModel(scenario, { bucketDays: options.bucketDays ?? 1 });
  const buildSeconds = (performance.now() - t0) / 1000;
  const stats: BoundStats = {
    rows: model.numRows,
    cols: model.numCols,
    nonzeros: model.indices.length,
    bucketDays: model.bucketDays,
    buildSeconds,
    solveSeconds: 0,
    lpObjective: null,
    iterations: null,
  };
  const empty = (status: string): BoundResult => ({ bound: null, status, seconds: (performance.now() - t0) / 1000, moveFraction: readMoves(model, null), airPeople: 0, stats });
  if (model.infeasible) return empty('infeasible');
  if (model.numCols === 0) {
    // Nothing to decide: everything is disposed of (or free) at fixed cost, and nobody travels.
    if (model.numRows > 0 && Array.from(model.rowLower).some((v, i) => v > 0 || model.rowUpper[i]! < 0)) return empty('infeasible');
    return { bound: model.offset, status: 'optimal', seconds: (performance.now() - t0) / 1000, moveFraction: readMoves(model, null), airPeople: 0, stats };
  }
  const remaining = timeLimit - buildSeconds;
  if (remaining <= 0) return empty('timeLimit');

  const lp = highs.createModel({
    numCols: model.numCols,
    numRows: model.numRows,
    offset: model.offset,
    colCost: model.colCost,
    colLower: model.colLower,
    colUpper: model.colUpper,
    rowLower: model.rowLower,
    rowUpper: model.rowUpper,
    matrix: { format: 'csc', numRows: model.numRows, numCols: model.numCols, starts: model.starts, indices: model.indices, values: model.values },
  });
  try {
    const solver = options.solver ?? 'simplex';
    // Dual simplex was the fastest on the MINUSMA scenario (README.md). With 'ipm' crossover is
    // off: its duals need not be exact, as safeDualBound certifies whatever duals it gets.
    lp.options.set({ output_flag: false, time_limit: remaining, solver, presolve: 'on', run_crossover: solver === 'ipm' ? 'off' : 'choose' });
    if (options.highsOptions) lp.options.set(options.highsOptions);
    const s0 = performance.now();
    lp.run();
    let status = statusName(highs, lp.getModelStatus());
    const left = timeLimit - (performance.now() - t0) / 1000;
    if (solver !== 'simplex' && !['optimal', 'infeasible', 'timeLimit', 'unboundedOrInfeasible'].includes(status) && left > 0) {
      // The interior point method occasionally stops short of its tolerances; simplex finishes it.
      lp.clearSolver();
      lp.zeroAllClocks();
      lp.options.set({ solver: 'simplex', time_limit: left });
      lp.run();
      status = statusName(highs, lp.getModelStatus());
    }
    stats.solveSeconds = (performance.now() - s0) / 1000;
    try {
      stats.iterations = Number(lp.info.get('simplex_iteration_count')) + Number(lp.info.get('ipm_iteration_count'));
    } catch {
      stats.iterations = null;
    }
    if (status !== 'optimal') return { ...empty(status), stats };
    const sol = lp.getSolution();
    stats.lpObjective = lp.getObjectiveValue();
    const bound = safeDualBound(model, sol.rowDual);
    let airPeople = 0;
    for (const c of model.airPeopleCols) airPeople += sol.colValue[c]!;
    const legFlows = readLegFlows(model, sol.colValue, scenario);
    return {
      legFlows,
      bound: Number.isFinite(bound) ? bound : null,
      status: Number.isFinite(bound) ? status : 'noCertificate',
      seconds: (performance.now() - t0) / 1000,
      moveFraction: readMoves(model, sol.colValue),
      airPeople,
      stats,
    };
  } finally {
    lp.dispose();
  }
}

/** The LP's totals per leg (`from>to:mode`): people, truckloads, and trucks or sorties. */
function readLegFlows(model: BuiltModel, colValue: Float64Array, scenario: Scenario): Record<string, LegFlow> {
  const out: Record<string, LegFlow> = {};
  for (const a of model.arcCols) {
    const leg = scenario.legs[a.leg]!;
    const key = `${leg.from}>${leg.to}:${leg.mode}`;
    const f = (out[key] ??= { people: 0, loads: 0, vehicles: 0 });
    if (a.people >= 0) f.people += colValue[a.people]!;
    for (const c of a.cargo) f.loads += colValue[c]!;
    if (a.vehicles >= 0) f.vehicles += colValue[a.vehicles]!;
  }
  return out;
}

function readMoves(model: BuiltModel, colValue: Float64Array | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of model.lots) {
    if (l.fixedMove !== undefined) out[l.id] = l.fixedMove;
    else if (colValue && l.move >= 0) out[l.id] = Math.min(1, Math.max(0, colValue[l.move]! / l.count));
    else out[l.id] = 0;
  }
  return out;
}
