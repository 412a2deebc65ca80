import { DrawdownError } from '../../domain/errors.ts';
import { summarize } from '../../domain/scenario/summary.ts';
import { openStore } from '../../store/store.ts';
import { actor, format, onePositional, parse, storePath } from '../args.ts';
import type { Io } from '../io.ts';
import { loadScenarioFile } from '../scenario-file.ts';

export const usage = 'drawdown init SCENARIO [--db FILE] [--force | --if-absent] [--as NAME]   create a mission store from a scenario';

export async function init(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('init', argv, { db: { type: 'string' }, force: { type: 'boolean' }, 'if-absent': { type: 'boolean' }, as: { type: 'string' }, format: { type: 'string' } });
  const fmt = format('init', values.format);
  const file = onePositional('init', positionals, 'scenario file');
  // Validate before touching the store, so a bad file never leaves a half-made mission.
  const { text, scenario } = loadScenarioFile(file);
  if (values.force && values['if-absent']) throw new DrawdownError('DRW_USAGE', 'drawdown init: --force and --if-absent contradict each other; choose one');
  const store = await openStore(storePath(values.db));
  try {
    // --if-absent keeps an existing mission and its log: the start-up path runs it every time.
    const existing = values['if-absent'] ? await store.mission() : undefined;
    if (existing) {
      if (fmt === 'json') io.out(JSON.stringify({ ok: true, db: store.location, mission: existing.name, created: false }, null, 2));
      else io.err(`mission ${existing.name} already in ${store.location} (created ${existing.created_at}); kept as it is`);
      return 0;
    }
    const entry = await store.createMission({ file, text, scenario, actor: actor(values.as), force: values.force === true });
    const s = summarize(scenario);
    if (fmt === 'json') io.out(JSON.stringify({ ok: true, db: store.location, mission: scenario.mission, log_head: entry.hash, summary: s }, null, 2));
    else io.out(`created mission ${scenario.mission} in ${store.location}: ${s.sites.camp + s.sites.hub} camps and hubs, ${s.people.total} people, ${s.units} units; log entry ${entry.seq} ${entry.type}`);
    return 0;
  } finally {
    await store.close();
  }
}
