// Text → candidate events. Pure: the gazetteer is passed in. Sentence by sentence: background
// facts (years before the publication's) are set apart; each other sentence is read for kinds of
// event (patterns.ts), located with the gazetteer (the previous sentence's place when it names
// none) and dated against the publication date (the article's last date when it gives none).
import { actorsIn } from './actors.ts';
import { resolveDate, yearsIn } from './dates.ts';
import { fold, type Gazetteer, km, placesIn } from './gazetteer.ts';
import { readSentence } from './patterns.ts';
import type { Candidate, Place } from './schema.ts';

export type ExtractOptions = { published: string; gazetteer: Gazetteer; source?: string };

const ABBREVIATIONS = /\b(mr|mrs|ms|dr|gen|col|lt|capt|maj|sgt|st|no|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|u\.n|u\.s|approx|km|vs|etc)\.$/i;

/** Sentences, paragraph by paragraph: a line on its own (a headline, a date) is one too. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  for (const paragraph of text.split(/\n\s*\n|\n(?=[A-Z0-9"“])(?<=[^.!?,;:\s-]\n)/)) {
    const parts = paragraph.replace(/\s+/g, ' ').trim().split(/(?<=[.!?]["”’]?)\s+(?=["“‘]?[A-Z0-9])/);
    const start = out.length;
    for (const p of parts) {
      if (out.length > start && ABBREVIATIONS.test(out[out.length - 1]!)) out[out.length - 1] += ` ${p}`;
      else out.push(p);
    }
  }
  return out.filter((s) => s.length > 0);
}

/**
 * A fact from before the publication's year ("following a coup in 2020", "last year"): context,
 * not news. A sentence that also dates something this year ("the first convoy since 2014 left on
 * Tuesday") is news.
 */
function isBackground(sentence: string, published: string): boolean {
  const year = Number(published.slice(0, 4));
  if (/\b(last year|years ago|a decade ago|in recent years|since its (creation|deployment|arrival))\b/i.test(sentence)) return true;
  if (!yearsIn(sentence).some((y) => y < year)) return false;
  const date = resolveDate(sentence, published);
  return !(date && date.date.startsWith(String(year)));
}

/**
 * A wire dateline ("GAO, Mali (AFP) — ", "BAMAKO, Nov 15 - ", "NOTE TO CORRESPONDENTS - "): where
 * and when the story was filed, not where or when it happened.
 */
const DATELINE = /^\s*([A-ZÀ-Ý][A-ZÀ-Ý' .-]+?)(?:,\s*[A-Z][a-z]+\.?)?(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s+\d{4})?)?(?:\s*\([^)]*\))?\s+[—–-]+\s+/;

export function extract(text: string, o: ExtractOptions): Candidate[] {
  const out: Candidate[] = [];
  let lastDate: string | null = null;
  let lastPlaces: Place[] = [];
  const dateline = DATELINE.exec(text);
  if (dateline) {
    lastPlaces = placesIn(o.gazetteer, dateline[1]!.charAt(0) + dateline[1]!.slice(1).toLowerCase()).map(strip);
    text = text.slice(dateline[0].length);
  }
  const all = sentences(text);
  const datelinePlaces = lastPlaces;
  // A report is about one place and one day, mostly: the first place and day it gives with news.
  // A sentence naming neither takes its place from the next sentence that does (the story goes
  // on), else from that focus; the wire dateline is where the reporter was, the last resort.
  let focusPlace: Place | null = null;
  let focusDate: string | null = null;
  for (const [i, sentence] of all.entries()) {
    const t = fold(sentence);
    const found = placesIn(o.gazetteer, sentence);
    const ahead = found.length > 0 ? [] : all.slice(i + 1, i + 3).map((x) => placesIn(o.gazetteer, x).filter((f) => !f.reference)).find((f) => f.length > 0) ?? [];
    lastPlaces = focusPlace ? [focusPlace] : ahead.length > 0 ? ahead.map(strip) : datelinePlaces;
    if (ahead.length > 0 && !focusPlace) lastPlaces = ahead.map(strip);
    const readings = readSentence(t);
    if (isBackground(sentence, o.published)) {
      if (readings.length > 0 || /\b(killed|coup|agreement|deals?|accords?|ceasefire|attacks?|deployed|set up|created|established|signed|took power)\b/.test(t)) {
        const year = Math.min(...yearsIn(sentence).filter((y) => y <= Number(o.published.slice(0, 4))), Number(o.published.slice(0, 4)) - 1);
        out.push(blank('background', sentence, o, { date: `${year}-01-01`, date_precision: 'year', location: found[0] ? strip(found[0]) : null, confidence: 0.7 }));
      }
      continue;
    }
    const resolved = resolveDate(sentence, o.published);
    const date = resolved?.date ?? focusDate ?? lastDate ?? o.published;
    const precision = resolved?.precision ?? 'day';
    // "since 24 September" starts a state of affairs; it does not date what follows.
    if (resolved && resolved.precision === 'day' && !/\bsince\b/.test(t)) lastDate = resolved.date;
    // A place named only as a reference point ("57 km east of Timbuktu") does not locate the event.
    const located = found.filter((f) => !f.reference);
    const places = located.length > 0 ? located.map(strip) : lastPlaces.length > 0 ? lastPlaces : found.map(strip);
    for (const r of readings) {
      const actors = actorsIn(t).map((a) => a.name);
      // Where something happened is not where a convoy was going: a place after "for/to/towards" locates only movements.
      const here = located.filter((f) => !/\b(to|for|towards|toward|bound for)\s+(the\s+)?$/.test(t.slice(Math.max(0, f.index - 15), f.index)));
      let location: Place | null = r.kind !== 'movement' && located.length > 0 && here.length === 0 ? (focusPlace ?? places[0] ?? null) : (here[0] ? strip(here[0]) : places[0] ?? null);
      let from: Place | null = null;
      let to: Place | null = null;
      if (r.kind === 'movement') ({ from, to } = route(t, found));
      // A convoy "left for Gao" with no origin named left from where the story is.
      if (r.kind === 'movement' && !from && to && focusPlace && focusPlace.name !== to.name) from = focusPlace;
      if (r.kind === 'movement') location = from ?? to ?? location;
      if (r.kind === 'site_status' && r.anchor !== undefined && found.length > 0) location = strip(nearest(found, r.anchor));
      let confidence = r.strength;
      if (found.length === 0) confidence -= 0.2;
      if (!resolved) confidence -= 0.1;
      out.push({
        ...blank(r.kind, sentence, o, { date, date_precision: precision, location, confidence: Math.max(0.05, Math.min(1, confidence)) }),
        event_type: r.event_type ?? null,
        sub_event_type: r.sub_event_type ?? null,
        actors,
        from,
        to,
        quantity: r.quantity ?? null,
        fatalities: r.fatalities ?? null,
        injured: r.injured ?? null,
        detail: r.detail ?? null,
      });
    }
    if (readings.length > 0) {
      focusPlace ??= located[0] ? strip(located[0]) : null;
      if (resolved && resolved.precision === 'day' && !/\bsince\b/.test(t)) focusDate ??= resolved.date;
    }
  }
  return merge(out);
}

function strip(p: Place & { index?: number }): Place {
  return { name: p.name, lat: p.lat, lon: p.lon };
}

function nearest<T extends { index: number }>(found: T[], at: number): T {
  return [...found].sort((a, b) => Math.abs(a.index - at) - Math.abs(b.index - at))[0]!;
}

/** Origin and destination of a movement: the places after "from/left/out of" and "to/for/towards/reached". */
function route(t: string, found: (Place & { index: number })[]): { from: Place | null; to: Place | null } {
  let from: Place | null = null;
  let to: Place | null = null;
  for (const p of found) {
    const before = t.slice(Math.max(0, p.index - 45), p.index);
    if (/\b(to|for|towards|toward|reached|reaching|arrived (in|at)|arriving (in|at)|into|bound for|en route to|destined for|on to|as far as|made it to|back to)\s+(the\s+)?([\w'-]+\s+){0,3}$/.test(before) && !to) to = strip(p);
    else if (/\b(from|left|leaving|leave|departed|departing|out of|quit|quitting|withdrew from|withdrawing from|pulled out of|evacuated from|airlifted from|in)\s+(the\s+)?([\w'-]+\s+){0,3}$/.test(before) && !from) from = strip(p);
  }
  // "…handed over the Goundam camp, and a convoy left for Timbuktu": the other place is the origin.
  if (!from) {
    const other = found.find((p) => !to || p.name !== to.name);
    if (other) from = strip(other);
  }
  return { from, to };
}

function blank(kind: Candidate['kind'], evidence: string, o: ExtractOptions, over: Partial<Candidate>): Candidate {
  return { kind, date: null, date_precision: null, event_type: null, sub_event_type: null, actors: [], location: null, from: null, to: null, quantity: null, fatalities: null, injured: null, detail: null, confidence: 0.5, evidence, source: o.source ?? null, ...over };
}

/** One candidate per kind, day and place (within 25 km): a story tells the same event in several sentences. */
function merge(cs: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of cs) {
    const same = out.find((x) => x.kind === c.kind && x.kind !== 'background' && x.date === c.date && (x.location && c.location ? km(x.location, c.location) <= 25 : !x.location && !c.location) && (x.kind !== 'incident' || x.event_type === c.event_type || !c.event_type || !x.event_type) && (x.kind !== 'restriction' || x.detail === c.detail));
    if (!same) {
      out.push(c);
      continue;
    }
    same.confidence = Math.max(same.confidence, c.confidence);
    same.actors = [...new Set([...same.actors, ...c.actors])];
    same.fatalities = max(same.fatalities, c.fatalities);
    same.injured = max(same.injured, c.injured);
    same.quantity = same.quantity || c.quantity ? { ...(c.quantity ?? {}), ...(same.quantity ?? {}) } : null;
    same.from ??= c.from;
    same.to ??= c.to;
    same.detail ??= c.detail;
  }
  return out;
}

function max(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}
