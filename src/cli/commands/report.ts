import { writeFileSync } from 'node:fs';
import { DrawdownError } from '../../domain/errors.ts';
import { restrictionsTally } from '../../domain/events/tally.ts';
import { loadMission, stateOn } from '../../operations/mission.ts';
import { makeSitrep } from '../../operations/report.ts';
import { htmlToPdf } from '../../reports/pdf.ts';
import { MARKING, sitrepHtml, sitrepMarkdown } from '../../reports/render.ts';
import { borders } from '../../server/map.ts';
import { openStore } from '../../store/store.ts';
import { actor, dateOption, format, parse, storePath } from '../args.ts';
import type { Io } from '../io.ts';

export const usage = [
  'drawdown report sitrep --for USER [--db FILE] [--on DATE] [--format pdf|html|md] [--out PATH]   the situation report, one traced copy per recipient',
  'drawdown report restrictions [--db FILE] [--from DATE] [--to DATE] [--format text|json|csv]    the restrictions tally by domain and month',
].join('\n');

export async function report(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('report', argv, { db: { type: 'string' }, on: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, for: { type: 'string' }, as: { type: 'string' } });
  const which = positionals[0];
  if (positionals.length !== 1 || !['sitrep', 'restrictions'].includes(which ?? '')) throw new DrawdownError('DRW_USAGE', 'drawdown report: use `report sitrep` or `report restrictions`');
  const store = await openStore(storePath(values.db), { mustExist: true });
  try {
    if (which === 'restrictions') {
      const fmt = format('report restrictions', values.format, ['text', 'json', 'csv']);
      const from = dateOption('report', 'from', values.from) ?? '0000-00-00';
      const to = dateOption('report', 'to', values.to) ?? '9999-12-31';
      const m = await loadMission(store);
      // Only what anyone may read goes into the tally made from the command line.
      const state = stateOn(m);
      const visible = <T extends { classification?: string }>(xs: T[]) => xs.filter((x) => (x.classification ?? 'unclassified') === 'unclassified');
      const rows = restrictionsTally({ restrictions: visible(state.restrictions), permits: visible(state.permits) }, from, to);
      if (fmt === 'json') io.out(JSON.stringify(rows, null, 2));
      else if (fmt === 'csv') io.out(['month,domain,records,requested,refused', ...rows.map((r) => `${r.month},${r.domain},${r.records},${r.requested},${r.denied}`)].join('\n'));
      else io.out(rows.length === 0 ? 'no restrictions recorded in that period' : rows.map((r) => `${r.month}  ${r.domain.padEnd(10)} ${String(r.records).padStart(3)} records, ${String(r.requested).padStart(4)} requested, ${String(r.denied).padStart(4)} refused`).join('\n'));
      return 0;
    }
    const fmt = format('report sitrep', values.format ?? 'pdf', ['pdf', 'html', 'md']);
    if (!values.for) throw new DrawdownError('DRW_USAGE', 'drawdown report sitrep: name the recipient with --for USER (each copy is made for one person and traced)');
    const { report: r, copyId } = await makeSitrep(store, { on: dateOption('report', 'on', values.on), recipient: values.for, madeBy: actor(values.as) });
    if (fmt === 'md') return write(values.out, sitrepMarkdown(r), io);
    const html = sitrepHtml(r, borders() as Parameters<typeof sitrepHtml>[1]);
    if (fmt === 'html') return write(values.out, html, io);
    const pdf = await htmlToPdf(html, { marking: MARKING[r.marking]!, copyId });
    const out = values.out ?? `sitrep-${r.on}-${copyId}.pdf`;
    writeFileSync(out, pdf);
    io.err(`report: copy ${copyId} for ${r.recipient.name} written to ${out} (${MARKING[r.marking]}${r.withheld ? `, ${r.withheld} records left out` : ''})`);
    return 0;
  } finally {
    await store.close();
  }
}

function write(out: string | undefined, text: string, io: Io): number {
  if (out) writeFileSync(out, text);
  else io.out(text);
  return 0;
}
