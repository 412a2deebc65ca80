import { REPLAN_SECONDS } from '../../operations/replan.ts';
import { replay as replayMission, type ReplayRow } from '../../operations/replay.ts';
import { openStore } from '../../store/store.ts';
import { actor, dateOption, format, onePositional, parse, secondsOption, storePath } from '../args.ts';
import type { Io } from '../io.ts';
import { readText } from '../scenario-file.ts';

export const usage = 'drawdown replay EVENTS.jsonl [--db FILE] [--to DATE] [--format text|json|md]   real events interleaved with following the plan, re-planning after each disruption';

export async function replay(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('replay', argv, { db: { type: 'string' }, to: { type: 'string' }, as: { type: 'string' }, format: { type: 'string' }, 'time-limit': { type: 'string' } });
  const fmt = format('replay', values.format, ['text', 'json', 'md']);
  const to = dateOption('replay', 'to', values.to);
  const file = onePositional('replay', positionals, 'events file');
  const text = readText(file);
  const store = await openStore(storePath(values.db), { mustExist: true });
  try {
    const rows = await replayMission(store, text, file, {
      to,
      actor: actor(values.as),
      timeLimitSeconds: values['time-limit'] === undefined ? undefined : secondsOption('replay', values['time-limit'], REPLAN_SECONDS),
      onStep: (r) => io.err('note' in r ? `replay: ${r.date} ${r.note}` : `replay: ${r.date} ${r.events} → total ${Math.round(r.mission_total).toLocaleString('en-US')}, ${r.movements_changed} changed, ${r.replan_ms} ms`),
    });
    if (fmt === 'json') io.out(JSON.stringify(rows, null, 2));
    else io.out(replayTable(rows));
    return 0;
  } finally {
    await store.close();
  }
}

export function replayTable(rows: ReplayRow[]): string {
  const out = ['| date | event | mission total | units lost | movements changed | re-plan ms | verified |', '|---|---|---:|---:|---:|---:|---|'];
  for (const r of rows) {
    const changed = `${r.movements_changed} of ${r.previous_movements} (+${r.movements_added} new)`;
    out.push(`| ${r.date} | ${r.events.replace(/\|/g, '/')} | ${Math.round(r.mission_total).toLocaleString('en-US')} | ${r.units_lost} | ${changed} | ${r.replan_ms} | ${r.verified ? 'yes' : 'NO'} |`);
  }
  return out.join('\n');
}
