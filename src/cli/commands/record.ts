import { readFileSync } from 'node:fs';
import { reevaluateBackups, standingLine } from '../../operations/whatif.ts';
import { recordLines } from '../../operations/record.ts';
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
    const written = await recordLines(store, text, name, actor(values.as));
    if (fmt === 'json') io.out(JSON.stringify(written, null, 2));
    else io.out(`recorded ${written.length} event${written.length === 1 ? '' : 's'} (log entries ${written[0]!.seq}–${written.at(-1)!.seq})`);
    // Backup plans are judged against the mission as it now stands.
    const backups = await reevaluateBackups(store, { onProgress: (m) => io.err(`backups: ${m}`) });
    for (const b of backups) io.err(standingLine(b));
    return 0;
  } finally {
    await store.close();
  }
}
