// The ingest evaluation: precision and recall per kind and overall on the annotated corpus
// (bench/ingest/rNN.txt and expected.json), for the development part and the held-out part apart;
// background facts reported as new events; throughput. An event matches an expected one of the
// same kind on the same day within 25 km (a movement by its origin). Prints one JSON line.
// The held-out part is exactly r23–r33 (HELD_OUT), whatever else the corpus grows to: every other
// report is development data. `--misses` lists the development part's misses only.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extract } from '../src/ingest/extract.ts';
import { buildGazetteer, km } from '../src/ingest/gazetteer.ts';

type Expected = { file: string; published: string; split: 'dev' | 'heldout'; events: { kind: string; date: string; lat: number; lon: number }[]; background: number };

const dir = fileURLToPath(new URL('./ingest/', import.meta.url));
/** The held-out reports: never tuned on, never listed one by one. */
const HELD_OUT = new Set(Array.from({ length: 11 }, (_, i) => `r${23 + i}.txt`));
const expected = (JSON.parse(readFileSync(`${dir}expected.json`, 'utf8')) as Expected[]).map((d) => ({ ...d, split: HELD_OUT.has(d.file) ? ('heldout' as const) : ('dev' as const) }));
if (expected.filter((d) => d.split === 'heldout').length !== HELD_OUT.size) throw new Error(`bench/ingest: expected.json lacks some of the ${HELD_OUT.size} held-out reports`);
const gazetteer = buildGazetteer();
const KINDS = ['movement', 'incident', 'restriction', 'disposal', 'site_status'];

type Tally = { tp: number; fp: number; fn: number };
const blank = (): Record<string, Tally> => Object.fromEntries([...KINDS, 'all'].map((k) => [k, { tp: 0, fp: 0, fn: 0 }]));
const tallies = { dev: blank(), heldout: blank() };
let backgroundAsNews = 0;
const misses: string[] = [];

for (const doc of expected) {
  const text = readFileSync(`${dir}${doc.file}`, 'utf8');
  const found = extract(text, { published: doc.published, gazetteer, source: doc.file }).filter((c) => c.kind !== 'background');
  backgroundAsNews += found.filter((c) => c.date !== null && c.date.slice(0, 4) < doc.published.slice(0, 4)).length;
  const t = tallies[doc.split];
  const open = [...doc.events];
  for (const c of found) {
    const where = c.location;
    const i = open.findIndex((e) => e.kind === c.kind && e.date === c.date && where !== null && km(where, e) <= 25);
    const bump = (k: keyof Tally) => {
      t[c.kind]![k] += 1;
      t.all![k] += 1;
    };
    if (i >= 0) {
      open.splice(i, 1);
      bump('tp');
    } else {
      bump('fp');
      if (doc.split === 'dev') misses.push(`${doc.file} extra ${c.kind} ${c.date} ${where?.name ?? '?'}: ${c.evidence.slice(0, 80)}`);
    }
  }
  for (const e of open) {
    t[e.kind]!.fn += 1;
    t.all!.fn += 1;
    if (doc.split === 'dev') misses.push(`${doc.file} missed ${e.kind} ${e.date} (${e.lat},${e.lon})`);
  }
}

const score = (x: Tally) => ({ precision: x.tp + x.fp === 0 ? null : x.tp / (x.tp + x.fp), recall: x.tp + x.fn === 0 ? null : x.tp / (x.tp + x.fn), ...x });
// Throughput: the whole corpus read repeatedly for at least two seconds, on this one thread.
const texts = expected.map((d) => ({ text: readFileSync(`${dir}${d.file}`, 'utf8'), published: d.published }));
const t0 = performance.now();
let articles = 0;
while (performance.now() - t0 < 2000) for (const d of texts) {
  extract(d.text, { published: d.published, gazetteer });
  articles += 1;
}
const perMinute = (articles / (performance.now() - t0)) * 60_000;
const result = {
  ok: true,
  reports: { dev: expected.filter((d) => d.split === 'dev').length, heldout: expected.filter((d) => d.split === 'heldout').length },
  dev: Object.fromEntries(Object.entries(tallies.dev).map(([k, v]) => [k, score(v)])),
  heldout: Object.fromEntries(Object.entries(tallies.heldout).map(([k, v]) => [k, score(v)])),
  background_as_news: backgroundAsNews,
  articles_per_minute: Math.round(perMinute),
};
if (process.argv.includes('--misses')) for (const m of misses) process.stderr.write(`${m}\n`);
console.log(JSON.stringify(result));
