import { DrawdownError } from '../../domain/errors.ts';
import { advance as advanceMission } from '../../operations/advance.ts';
import { reevaluateBackups, standingLine } from '../../operations/whatif.ts';
import { openStore } from '../../store/store.ts';
import { actor, dateOption, format, parse, storePath } from '../args.ts';
import type { Io } from '../io.ts';

export const usage = 'drawdown advance --to DATE [--db FILE]   record the current plan\'s movements and dispositions due by DATE as done';

export async function advance(argv: string[], io: Io): Promise<number> {
  const { values } = parse('advance', argv, { db: { type: 'string' }, to: { type: 'string' }, as: { type: 'string' }, format: { type: 'string' } });
  const fmt = format('advance', values.format);
  const to = dateOption('advance', 'to', values.to);
  if (!to) throw new DrawdownError('DRW_USAGE', 'drawdown advance: --to DATE is required');
  const store = await openStore(storePath(values.db), { mustExist: true });
  try {
    const r = await advanceMission(store, to, actor(values.as));
    const count = (t: string) => r.events.filter((e) => e.type === t).length;
    if (fmt === 'json') io.out(JSON.stringify({ to, recorded: r.written.length, departed: count('movement_departed'), arrived: count('movement_arrived'), disposed: count('disposition_done') }, null, 2));
    else io.out(`advanced to ${to}: ${count('movement_departed')} departures, ${count('movement_arrived')} arrivals, ${count('disposition_done')} dispositions recorded`);
    for (const b of await reevaluateBackups(store)) io.err(standingLine(b));
    return 0;
  } finally {
    await store.close();
  }
}
