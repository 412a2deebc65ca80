import { summarize, type ScenarioSummary } from '../../domain/scenario/summary.ts';
import { format, onePositional, parse } from '../args.ts';
import { loadScenarioFile } from '../scenario-file.ts';
import type { Io } from '../io.ts';

export const usage = 'drawdown validate SCENARIO [--format text|json]   check a scenario file and summarise it';

export async function validate(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('validate', argv, { format: { type: 'string' } });
  const fmt = format('validate', values.format);
  const file = onePositional('validate', positionals, 'scenario file');
  const { scenario } = loadScenarioFile(file);
  const summary = summarize(scenario);
  if (fmt === 'json') io.out(JSON.stringify({ ok: true, file, summary }, null, 2));
  else io.out(renderSummary(file, summary));
  return 0;
}

const money = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function renderSummary(file: string, s: ScenarioSummary): string {
  const n = (x: number) => money.format(x);
  return [
    `${file}: ok — ${s.mission}`,
    `  horizon     ${s.horizon.start} → ${s.horizon.end} (${s.horizon.days} days)`,
    `  sites       ${s.sites.camp} camps, ${s.sites.hub} hubs, ${s.sites.exit} exits`,
    `  legs        ${s.legs.road} road, ${s.legs.air} air; ${s.closures} known closures`,
    `  people      ${n(s.people.total)} (${n(s.people.essential)} essential, ${n(s.people.non_essential)} non-essential)`,
    `  equipment   ${n(s.units)} units in ${s.lots} lots, ${n(s.truckloads)} truckloads`,
    `  value       ${n(s.value)}`,
  ].join('\n');
}
