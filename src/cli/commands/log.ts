import { DrawdownError } from '../../domain/errors.ts';
import { openStore } from '../../store/store.ts';
import { format, parse, storePath } from '../args.ts';
import type { Io } from '../io.ts';

export const usage = [
  'drawdown log [--db FILE] [--type TYPE] [--format text|json]   list the log',
  'drawdown log verify [--db FILE] [--format text|json]          check the log\'s hash chain',
].join('\n');

export async function log(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('log', argv, { db: { type: 'string' }, type: { type: 'string' }, format: { type: 'string' } });
  const fmt = format('log', values.format);
  if (positionals.length > 1 || (positionals.length === 1 && positionals[0] !== 'verify')) {
    throw new DrawdownError('DRW_USAGE', `drawdown log: unknown argument "${positionals.join(' ')}" (did you mean \`drawdown log verify\`?)`);
  }
  const store = await openStore(storePath(values.db), { mustExist: true });
  try {
    if (positionals[0] === 'verify') {
      const report = await store.verifyChain();
      if (fmt === 'json') io.out(JSON.stringify(report, null, 2));
      if (report.ok) {
        if (fmt === 'text') io.out(`ok — ${report.entries} entries, chain intact (head ${report.head.slice(0, 12)})`);
        return 0;
      }
      io.err(`drawdown: ${store.location}: log entry ${report.broken.seq} is broken: ${report.broken.reason} (DRW_LOG_BROKEN) — restore the store from a backup`);
      return 1;
    }
    await store.requireMission();
    const entries = await store.entries(values.type ? { type: values.type } : {});
    if (fmt === 'json') io.out(JSON.stringify(entries, null, 2));
    else {
      for (const e of entries) {
        const { type: _t, on: _o, ...fields } = e.event as Record<string, unknown>;
        io.out(`${String(e.seq).padStart(5)}  ${e.on}  ${e.type.padEnd(18)} ${JSON.stringify(fields)}  by ${e.actor} at ${e.recorded_at}`);
      }
    }
    return 0;
  } finally {
    await store.close();
  }
}
