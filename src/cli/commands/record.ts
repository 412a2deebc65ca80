import { readFileSync } from 'node:fs';
import { DrawdownError } from '../../domain/errors.ts';
import { validateEventLines } from '../../domain/events/lines.ts';
import { foldState } from '../../domain/events/fold.ts';
import { openStore } from '../../store/store.ts';
import { actor, format, onePositional, parse, storePath } from '../args.ts';
import type { Io } from '../io.ts';
import { readText } from '../scenario-file.ts';

export const usage = 'drawdown record [EVENTS.jsonl | -] [--db FILE] [--as NAME]   append events (JSON lines), all or nothing';

export async function record(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('record', argv, { db: { type: 'string' }, as: { type: 'string' }, format: { type: 'string' } });
  const fmt = format('record', values.format);
  const file = positionals.length === 0 ? '-' : onePositional('record', positionals, 'events file');
  const text = file === '-' ? readFileSync(0, 'utf8') : readText(file);
  const name = file === '-' ? '(stdin)' : file;
  const store = await openStore(storePath(values.db), { mustExist: true });
  try {
    const state = foldState(await store.scenario(), await store.events());
    const result = validateEventLines(text, state);
    if (!result.ok) {
      const lines = result.problems.map((p) => `${name}:${p.line} ${p.field}: ${p.message}`);
      throw new DrawdownError('DRW_EVENT_INVALID', `${name}: ${lines.length} event problem${lines.length === 1 ? '' : 's'}; nothing was recorded`, lines);
    }
    if (result.events.length === 0) throw new DrawdownError('DRW_EVENT_INVALID', `${name}: no events to record`);
    const written = await store.append(result.events, actor(values.as));
    if (fmt === 'json') io.out(JSON.stringify(written, null, 2));
    else io.out(`recorded ${written.length} event${written.length === 1 ? '' : 's'} (log entries ${written[0]!.seq}–${written.at(-1)!.seq})`);
    return 0;
  } finally {
    await store.close();
  }
}
