import { readFileSync, statSync } from 'node:fs';
import { DrawdownError } from '../../domain/errors.ts';
import { buildGazetteer } from '../../ingest/gazetteer.ts';
import { extract } from '../../ingest/extract.ts';
import type { Candidate } from '../../ingest/schema.ts';
import { duplicateOf } from '../../ingest/review.ts';
import { openStore } from '../../store/store.ts';
import { dateOption, format, parse, storePath } from '../args.ts';
import type { Io } from '../io.ts';

export const usage = 'drawdown ingest FILE... [--published YYYY-MM-DD] [--db FILE] [--format json|text]   candidate events read from reports (plain text)';

export async function ingest(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('ingest', argv, { published: { type: 'string' }, db: { type: 'string' }, format: { type: 'string' } });
  const fmt = format('ingest', values.format);
  if (positionals.length === 0) throw new DrawdownError('DRW_USAGE', 'drawdown ingest: give one or more report files (plain text)');
  const published = dateOption('ingest', 'published', values.published) ?? new Date().toISOString().slice(0, 10);
  const texts = positionals.map((file) => ({ file, text: readReport(file) }));
  // With a mission store, its own sites join the gazetteer and the candidates go to its review queue.
  const store = values.db ? await openStore(storePath(values.db), { mustExist: true }) : null;
  try {
    const sites = store ? (await store.scenario()).sites.map((s) => ({ id: s.id, name: s.name, lat: s.lat, lon: s.lon })) : [];
    const gazetteer = buildGazetteer(sites);
    const candidates: Candidate[] = texts.flatMap(({ file, text }) => extract(text, { published, gazetteer, source: file }));
    if (store) {
      const log = (await store.entries()).map((e) => ({ seq: e.seq, event: e.event }));
      const queued = await store.access.queueCandidates(candidates.filter((c) => c.kind !== 'background'), 'drawdown ingest', (c) => duplicateOf(c as Candidate, log, sites));
      io.err(`ingest: ${queued} candidate${queued === 1 ? '' : 's'} added to the review queue of ${store.location}`);
    }
    if (fmt === 'json') io.out(JSON.stringify(candidates, null, 2));
    else for (const c of candidates) io.out(line(c));
    return 0;
  } finally {
    await store?.close();
  }
}

function readReport(file: string): string {
  let text: string;
  try {
    if (statSync(file).isDirectory()) throw new Error('is a folder');
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new DrawdownError('DRW_FILE_UNREADABLE', `${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (text.trim() === '') throw new DrawdownError('DRW_FILE_UNREADABLE', `${file}: is empty; give a report in plain text`);
  if (text.includes('\u0000')) throw new DrawdownError('DRW_FILE_UNREADABLE', `${file}: is not plain text`);
  return text;
}

function line(c: Candidate): string {
  const where = c.kind === 'movement' ? `${c.from?.name ?? '?'} → ${c.to?.name ?? '?'}` : c.location?.name ?? 'somewhere';
  const what = c.kind === 'incident' ? `${c.event_type} / ${c.sub_event_type}` : c.detail ?? '';
  const q = c.quantity ? ` ${JSON.stringify(c.quantity)}` : '';
  return `${c.date ?? '????-??-??'} ${c.kind.padEnd(11)} ${where} ${what}${q}${c.fatalities ? `, ${c.fatalities} killed` : ''}${c.injured ? `, ${c.injured} injured` : ''} (${c.confidence.toFixed(2)})\n    “${c.evidence}”`;
}
