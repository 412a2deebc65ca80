import { DrawdownError } from '../../domain/errors.ts';
import { foldState } from '../../domain/events/fold.ts';
import type { Scenario } from '../../domain/scenario/schema.ts';
import { planInWorker } from '../../planner/worker.ts';
import { openStore } from '../../store/store.ts';
import { format, parse, storePath } from '../args.ts';
import type { Io } from '../io.ts';
import { planText } from '../plan-text.ts';
import { loadScenarioFile } from '../scenario-file.ts';

export const usage = 'drawdown plan SCENARIO | --db FILE [--format text|json] [--time-limit SECONDS]   the best plan, its bound and gap';

export async function plan(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('plan', argv, { db: { type: 'string' }, format: { type: 'string' }, 'time-limit': { type: 'string' } });
  const fmt = format('plan', values.format);
  const limit = values['time-limit'] === undefined ? 10 : Number(values['time-limit']);
  if (!Number.isFinite(limit) || limit <= 0) throw new DrawdownError('DRW_USAGE', `drawdown plan: --time-limit must be a number of seconds above 0, not "${values['time-limit']}"`);
  const scenario = await source(positionals, values.db);

  const started = Date.now();
  let shown = false;
  const progress = (m: string) => {
    // Progress starts once the command has run for a second (worker start-up included).
    if (Date.now() - started > 1000 || shown) {
      shown = true;
      io.err(`plan: ${m}`);
    }
  };
  const result = await planInWorker(scenario, { timeLimitSeconds: limit, onProgress: progress });
  if (!result.ok) {
    const lines = result.stranded.map((s) =>
      s.people > 0 ? `${s.site}: ${s.people} people (${s.groups.join(', ')}) cannot be brought out — ${s.why}` : `${s.site}: lots ${s.lots.join(', ')} — ${s.why}`,
    );
    throw new DrawdownError('DRW_INFEASIBLE', `no plan brings everyone out of ${result.stranded.map((s) => s.site).join(', ')}`, lines);
  }
  if (fmt === 'json') io.out(JSON.stringify(result.plan, null, 2));
  else io.out(planText(result.plan, result.baseline?.objective.total));
  return 0;
}

async function source(positionals: string[], db: string | undefined): Promise<Scenario> {
  if (positionals.length > 1) throw new DrawdownError('DRW_USAGE', `drawdown plan: expected one scenario file, got ${positionals.join(' ')}`);
  if (positionals.length === 1 && db) throw new DrawdownError('DRW_USAGE', 'drawdown plan: give a scenario file or --db, not both');
  if (positionals.length === 1) return loadScenarioFile(positionals[0]!).scenario;
  // No file: the mission store (--db, else $DRAWDOWN_DB, else ./data/drawdown.db).
  const store = await openStore(storePath(db), { mustExist: true });
  try {
    return foldState(await store.scenario(), await store.events()).scenario;
  } finally {
    await store.close();
  }
}
