import { DrawdownError } from '../../domain/errors.ts';
import { REPLAN_SECONDS, replan } from '../../operations/replan.ts';
import { strandedLines } from '../../planner/schedule.ts';
import { planInWorker } from '../../planner/worker.ts';
import { openStore } from '../../store/store.ts';
import { dateOption, format, parse, secondsOption, storePath } from '../args.ts';
import { summaryText } from '../changes-text.ts';
import type { Io } from '../io.ts';
import { planText } from '../plan-text.ts';
import { loadScenarioFile } from '../scenario-file.ts';

export const usage = [
  'drawdown plan SCENARIO [--format text|json] [--time-limit SECONDS]   the best plan, its bound and gap',
  'drawdown plan --db FILE [--as-of DATE] [--format text|json]          re-plan what remains from the mission\'s state',
].join('\n');

export async function plan(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('plan', argv, { db: { type: 'string' }, format: { type: 'string' }, 'time-limit': { type: 'string' }, 'as-of': { type: 'string' } });
  const fmt = format('plan', values.format);
  const asOf = dateOption('plan', 'as-of', values['as-of']);
  if (positionals.length > 1) throw new DrawdownError('DRW_USAGE', `drawdown plan: expected one scenario file, got ${positionals.join(' ')}`);
  if (positionals.length === 1 && values.db) throw new DrawdownError('DRW_USAGE', 'drawdown plan: give a scenario file or --db, not both');
  if (positionals.length === 1 && asOf) throw new DrawdownError('DRW_USAGE', 'drawdown plan: --as-of needs a mission store (--db), not a scenario file');

  const started = Date.now();
  let shown = false;
  const progress = (m: string) => {
    // Progress starts once the command has run for a second (worker start-up included).
    if (Date.now() - started > 1000 || shown) {
      shown = true;
      io.err(`plan: ${m}`);
    }
  };
  if (positionals.length === 1) {
    const limit = secondsOption('plan', values['time-limit'], 10);
    const scenario = loadScenarioFile(positionals[0]!).scenario;
    const result = await planInWorker(scenario, { timeLimitSeconds: limit, onProgress: progress });
    if (!result.ok) {
      throw new DrawdownError('DRW_INFEASIBLE', `no plan brings everyone out of ${result.stranded.map((s) => s.site).join(', ')}`, strandedLines(result.stranded));
    }
    if (fmt === 'json') io.out(JSON.stringify(result.plan, null, 2));
    else io.out(planText(result.plan, result.baseline?.objective.total));
    return 0;
  }
  // No file: the mission store (--db, else $DRAWDOWN_DB, else ./data/drawdown.db).
  const store = await openStore(storePath(values.db), { mustExist: true });
  try {
    const limit = values['time-limit'] === undefined ? undefined : secondsOption('plan', values['time-limit'], REPLAN_SECONDS);
    const r = await replan(store, { asOf, timeLimitSeconds: limit, onProgress: progress });
    if (fmt === 'json') io.out(JSON.stringify({ ...r.plan, as_of: r.summary.as_of, mission_total: r.summary.mission_total, realized: r.summary.realized, changes: r.summary.changes, risks: r.summary.risks }, null, 2));
    else io.out(`${summaryText(r.summary)}\n\n${planText(r.plan)}`);
    if (!r.saved) io.err(`plan: a look back from ${r.summary.as_of}; the mission's current plan is unchanged`);
    return 0;
  } finally {
    await store.close();
  }
}
