import { stateView } from '../../domain/events/view.ts';
import { residualScenario } from '../../domain/events/residual.ts';
import { underWay } from '../../domain/events/state.ts';
import { toYaml } from '../../domain/scenario/write.ts';
import { loadMission, stateOn } from '../../operations/mission.ts';
import { openStore } from '../../store/store.ts';
import { dateOption, format, parse, storePath } from '../args.ts';
import type { Io } from '../io.ts';

export const usage = 'drawdown state [--db FILE] [--as-of DATE] [--format text|json|yaml]   where everything is; yaml: a scenario starting that day';

export async function state(argv: string[], io: Io): Promise<number> {
  const { values } = parse('state', argv, { db: { type: 'string' }, 'as-of': { type: 'string' }, format: { type: 'string' } });
  const fmt = format('state', values.format, ['text', 'json', 'yaml']);
  const asOf = dateOption('state', 'as-of', values['as-of']);
  const store = await openStore(storePath(values.db), { mustExist: true });
  try {
    const s = stateOn(await loadMission(store), asOf);
    if (fmt === 'yaml') {
      const moving = underWay(s);
      if (moving.length > 0) io.err(`state: ${moving.length} movement${moving.length === 1 ? ' is' : 's are'} under way on ${s.asOf}; what they carry is written under progress.located with its arrival day, and their fleet under progress.busy`);
      const header = ` The mission ${s.scenario.mission} as it stands on ${s.asOf}, written by \`drawdown state --format yaml\`.\n Counts are what is still in the theatre; progress (a Drawdown addition to scenario version 1)\n says what is away from its own site or still on its way.`;
      io.out(toYaml(residualScenario(s), header).trimEnd());
      return 0;
    }
    const view = stateView(s);
    if (fmt === 'json') {
      io.out(JSON.stringify(view, null, 2));
      return 0;
    }
    const out: string[] = [`STATE — ${view.mission} on ${view.as_of} (${view.events_applied} events applied)`, '', 'Sites'];
    for (const x of view.sites) {
      if (x.kind === 'exit') out.push(`  ${x.id.padEnd(18)} exit          arrived: ${x.people} people, ${x.units} units`);
      else out.push(`  ${x.id.padEnd(18)} ${x.status.padEnd(13)} ${String(x.people).padStart(6)} people ${String(x.units).padStart(6)} units  deadline ${x.deadline ?? '-'}${x.handed_over ? `  handed over ${x.handed_over.on} to ${x.handed_over.recipient}` : ''}`);
    }
    out.push('', `Under way (${view.in_transit.length})`);
    for (const m of view.in_transit) out.push(`  ${m.movement} ${m.mode} ${m.from} → ${m.to}, left ${m.departed}, expected ${m.expected}${m.delay_days ? ` (${m.delay_days} days late)` : ''}: ${m.people.reduce((a, p) => a + p.count, 0)} people, ${m.cargo.reduce((a, c) => a + c.count, 0)} units`);
    out.push('', `Fleet: ${view.fleet.busy_today.trucks}/${view.fleet.trucks} trucks, ${view.fleet.busy_today.escorts}/${view.fleet.escorts} escorts busy; ${view.fleet.busy_today.sorties}/${view.fleet.sorties_per_day} sorties flown today`);
    if (view.closures.length) {
      out.push('', 'Closures');
      for (const c of view.closures) out.push(`  ${c.from} → ${c.to} (${c.mode}) ${c.first} to ${c.last}${c.reason ? ` — ${c.reason}` : ''}`);
    }
    const raised = view.leg_risks.filter((r) => r.current > r.base);
    if (raised.length) {
      out.push('', 'Road risk raised by recent incidents');
      for (const r of raised) out.push(`  ${r.leg}: ${r.base} → ${r.current} (${r.incidents} incident${r.incidents === 1 ? '' : 's'})`);
    }
    out.push('', `Records: ${view.incidents} incidents, ${view.restrictions} restrictions, permits ${view.permits.requested} requested / ${view.permits.granted} granted / ${view.permits.denied} denied`);
    io.out(out.join('\n'));
    return 0;
  } finally {
    await store.close();
  }
}
