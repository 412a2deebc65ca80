import { DrawdownError } from '../../domain/errors.ts';
import { REPLAN_SECONDS } from '../../operations/replan.ts';
import { reevaluateBackups, saveBackup, whatIf, type WhatIf } from '../../operations/whatif.ts';
import { openStore } from '../../store/store.ts';
import { format, onePositional, parse, secondsOption, storePath } from '../args.ts';
import type { Io } from '../io.ts';
import { readText } from '../scenario-file.ts';

export const usage = [
  'drawdown whatif CHANGES.jsonl [--db FILE] [--save NAME] [--format text|json]   plan as if those events happened, beside the current plan',
  'drawdown backups [--db FILE] [--drop NAME] [--format text|json]               the saved backup plans, re-evaluated',
].join('\n');

const n = (x: number) => Math.round(x).toLocaleString('en-US');

export async function whatif(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('whatif', argv, { db: { type: 'string' }, save: { type: 'string' }, format: { type: 'string' }, 'time-limit': { type: 'string' } });
  const fmt = format('whatif', values.format);
  const file = onePositional('whatif', positionals, 'events file');
  const text = readText(file);
  const store = await openStore(storePath(values.db), { mustExist: true });
  try {
    const w = await whatIf(store, text, file, { timeLimitSeconds: secondsOption('whatif', values['time-limit'], REPLAN_SECONDS), onProgress: (m) => io.err(`whatif: ${m}`) });
    if (values.save !== undefined) {
      await saveBackup(store, values.save, text, w);
      io.err(`whatif: saved as backup plan "${values.save}"`);
    }
    if (fmt === 'json') io.out(JSON.stringify({ as_of: w.as_of, events: w.events, current: w.current.summary, whatif: w.whatif.summary, lost: w.lost, closures_moved: w.closures_moved, movements: w.movements, plan: w.whatif.plan }, null, 2));
    else io.out(whatIfText(w));
    return 0;
  } finally {
    await store.close();
  }
}

export function whatIfText(w: WhatIf): string {
  const a = w.current.summary;
  const b = w.whatif.summary;
  const row = (name: string, x: number, y: number) => `  ${name.padEnd(16)} ${n(x).padStart(16)} ${n(y).padStart(16)} ${(y - x >= 0 ? '+' : '') + n(y - x)}`;
  const out = [`WHAT IF — as of ${w.as_of}, assuming ${w.events.length} event${w.events.length === 1 ? '' : 's'}`, '', `  ${''.padEnd(16)} ${'current'.padStart(16)} ${'what-if'.padStart(16)} difference`];
  out.push(row('mission total', a.mission_total, b.mission_total));
  out.push(row('value lost', a.realized.value_lost + a.remaining.value_lost, b.realized.value_lost + b.remaining.value_lost));
  out.push(row('cost', a.realized.cost + a.remaining.cost, b.realized.cost + b.remaining.cost));
  out.push(row('risk', a.realized.risk + a.remaining.risk, b.realized.risk + b.remaining.risk));
  const lostRows = w.lost.filter((l) => l.current !== l.whatif);
  out.push('', lostRows.length ? 'Units lost, by kind and owner' : 'Units lost: the same');
  for (const l of lostRows) out.push(`  ${l.kind.padEnd(11)} ${l.owner.padEnd(24)} ${String(l.current).padStart(6)} → ${l.whatif}`);
  out.push('', w.closures_moved.length ? 'Closure dates that move' : 'Closure dates: the same');
  for (const c of w.closures_moved) out.push(`  ${c.site.padEnd(18)} ${c.current ?? '-'} → ${c.whatif ?? '-'}`);
  const m = w.movements;
  out.push('', `Movements: ${m.kept.length} the same, ${m.moved.length} on other days, ${m.removed.length} dropped, ${m.added.length} new`);
  return out.join('\n');
}

export async function backups(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('backups', argv, { db: { type: 'string' }, drop: { type: 'string' }, format: { type: 'string' }, 'time-limit': { type: 'string' } });
  const fmt = format('backups', values.format);
  if (positionals.length > 0) throw new DrawdownError('DRW_USAGE', `drawdown backups: unexpected argument "${positionals.join(' ')}"`);
  const store = await openStore(storePath(values.db), { mustExist: true });
  try {
    if (values.drop !== undefined) {
      if (!(await store.deletePlan(values.drop)) || values.drop === 'current') throw new DrawdownError('DRW_USAGE', `drawdown backups: no backup plan named "${values.drop}"`);
      io.err(`backups: dropped "${values.drop}"`);
    }
    const standing = await reevaluateBackups(store, { timeLimitSeconds: secondsOption('backups', values['time-limit'], REPLAN_SECONDS) });
    if (fmt === 'json') io.out(JSON.stringify(standing, null, 2));
    else if (standing.length === 0) io.out('no backup plans; save one with `drawdown whatif CHANGES.jsonl --save NAME`');
    else for (const b of standing) io.out(b.ok ? `${b.name.padEnd(24)} mission total ${n(b.total!)}${b.against_current !== undefined ? ` (current plan ${n(b.against_current)}, ${b.total! - b.against_current >= 0 ? '+' : ''}${n(b.total! - b.against_current)})` : ''}` : `${b.name.padEnd(24)} cannot be planned now: ${b.problem}`);
    return 0;
  } finally {
    await store.close();
  }
}
