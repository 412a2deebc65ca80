// Text → candidate events. Pure: the gazetteer is passed in. Sentence by sentence: background
// facts (years before the publication's) are set apart; each other sentence is read for kinds of
// event (patterns.ts), located with the gazetteer (the previous sentence's place when it names
// none) and dated against the publication date (the article's last date when it gives none).
import { actorsIn } from './actors.ts';
import { addDays, toEpochDay } from '../domain/dates.ts';
import { ATTRIBUTION, dayOffset, resolveDate, sinceDate, yearsIn } from './dates.ts';
import { NUMBER } from './numbers.ts';
import { fold, type Gazetteer, km, placesIn } from './gazetteer.ts';
import { nearest, primary, route, statedDistance, strip, type Weighed, weigh } from './places.ts';
import { findDateline, paragraphSentences } from './text.ts';
import { clauseAt, clauses, readSentence, relativeMovements } from './patterns.ts';
import type { Candidate, Place } from './schema.ts';

export { sentences } from './text.ts';

/** How many days back an event dated to the day is still news. */
export const STALE_DAYS = 10;

export type ExtractOptions = { published: string; gazetteer: Gazetteer; source?: string };

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

/** "Two attacks on 7 September", "a string of blasts": a count of events, which sums up. */
const COUNTED_EVENTS = new RegExp(`\\b(${NUMBER}|several|a series of|a string of|a spate of) ([\\w-]+ ){0,2}(attacks|ambushes|incidents|ieds|explosions|blasts|clashes|devices|roadside bombs|mines)\\b`);
/** A sentence set abroad: "In neighbouring Niger", "across the border in Burkina Faso". */
const FOREIGN = /(^|[,;:]\s*|\b(and|but|meanwhile|while)\s+)(in|across the border in|over the border in|on the other side of the border,? in) (neighbouring |neighboring |nearby )?(niger|burkina faso|mauritania|algeria|senegal|guinea|cote d'ivoire|ivory coast|benin|togo|chad|nigeria|niamey|ouagadougou|nouakchott|dakar)\b/;
/** A restriction still in force: "the stop is still in force", "the trucks remain blocked". */
const GOES_ON = /\b(still (in force|in place|blocked|held|waiting|awaiting|stuck|not)|remains? (in force|in place|blocked|held|stuck)|remained (blocked|held|stuck)|continues? to (block|hold|refuse|deny|withhold)|to this day)\b/;
/** "On the same occasion", "at the same ceremony", "that day": the day of the event told just before. */
const SAME_DAY = /\b(on the same occasion|on that occasion|at the same (ceremony|time|event)|during the (same )?ceremony|the same day|that (same )?(day|morning|afternoon|evening|night)|later (that|the same) day|hours later|in the (afternoon|evening)|at (dawn|dusk|nightfall)|(with|upon|by) (that|this|its|their) (departure|handover|withdrawal|exit|pull-?out|move))\b/i;

export function extract(text: string, o: ExtractOptions): Candidate[] {
  const out: Candidate[] = [];
  let lastDate: string | null = null;
  let lastPlaces: Place[] = [];
  const found0 = findDateline(text);
  if (found0) {
    const dateline = found0.match;
    // "NIAMEY/BAMAKO": the last of several is where the story was filed from.
    const filed = dateline[1]!.split('/').pop()!.trim();
    lastPlaces = placesIn(o.gazetteer, filed.charAt(0) + filed.slice(1).toLowerCase()).map(strip);
    text = text.slice(0, found0.start) + text.slice(found0.start + dateline[0].length);
  }
  const all = paragraphSentences(text).map(({ sentence, paragraph }) => {
    const t = fold(sentence);
    const background = isBackground(sentence, o.published);
    // The day a relative clause gives ("the convoy that left Kidal on Tuesday") is that clause's, not the sentence's.
    const main = relativeMovements(t).reduceRight((x, [a, b]) => x.slice(0, a) + ' '.repeat(b - a) + x.slice(b), t);
    return { sentence, paragraph, t, main, background, readings: readSentence(t), resolved: background ? null : resolveDate(main.replace(ATTRIBUTION, ' '), o.published) ?? resolveDate(main, o.published) ?? resolveDate(sentence, o.published), found: weigh(t, placesIn(o.gazetteer, sentence)) };
  });
  const datelinePlaces = lastPlaces;
  // A report is about one place and one day, mostly: the first place and day it gives with news.
  // A sentence naming neither takes its place from the next sentence that does (the story goes
  // on), else from that focus; the wire dateline is where the reporter was, the last resort. The
  // day is the first one the story gives to news, wherever it gives it: a headline or a lead
  // sentence without a day takes it.
  let focusPlace: Place | null = null;
  // The places of the last sentence that named one: "The trucks remained blocked" is where they were.
  let previousPlaces: Place[] = [];
  const continuing = new WeakSet<Candidate>();
  const focusDate: string | null = all.find((x) => !x.background && x.readings.length > 0 && x.resolved?.precision === 'day' && !x.resolved.since && x.resolved.date <= o.published)?.resolved?.date ?? null;
  // A headline (the unpunctuated lines a story starts with) and a sentence that counts events ("two attacks on 7 September") sum up what the body tells.
  const bodyStart = all.findIndex((x) => /[.!?]["”’)]?$/.test(x.sentence.trim()));
  const summaries = new WeakSet<Candidate>();
  // A sentence that gives no day of its own ("The mission has pulled out of its base at Tessalit") sums up what another dates.
  const undated = new WeakSet<Candidate>();
  const siteUndated = new WeakSet<Candidate>();
  const firstDated = all.findIndex((x) => !x.background && x.readings.length > 0 && x.resolved?.precision === 'day');
  // A lead whose only day is the one it was said on ("… have pulled out of Aguelhok, the mission said Wednesday") sums up what the body dates.
  const leads = new WeakSet<Candidate>();
  for (const [i, { sentence, t, main, background, readings: read, resolved, found }] of all.entries()) {
    const sumsUp = i < bodyStart || COUNTED_EVENTS.test(t);
    const made = out.length;
    const saidOnly = resolved?.precision === 'day' && resolveDate(main.replace(ATTRIBUTION, ' '), o.published) === null;
    let readings = read;
    const ahead = found.length > 0 ? null : all.slice(i + 1, i + 3).map((x) => primary(x.found)).find((f) => f !== null) ?? null;
    // A place named only as a reference point ("57 km east of Timbuktu") does not locate the event,
    // unless nothing better does: the story's focus first, then the reference, then what follows.
    const references = found.filter((f) => f.reference);
    // The focus stands for "the camp, 57 km east of Timbuktu" only if it lies about that far from the reference; "a blast 120 km north of Gao" is elsewhere.
    const fits = (p: Place) => references.every((r) => { const d = statedDistance(t, r.index); return d === null || Math.abs(km(p, r) - d) <= Math.max(25, d / 2); });
    lastPlaces = focusPlace && fits(focusPlace) ? [focusPlace] : references.length > 0 ? references.map(strip) : focusPlace ? [focusPlace] : previousPlaces.length > 0 ? previousPlaces : ahead ? [strip(ahead)] : datelinePlaces;
    // The sentence before, in the same paragraph, is where one that names no place happened.
    const prevHere = all[i - 1]?.paragraph === all[i]!.paragraph && !all[i - 1]!.background && all[i - 1]!.found.some((f) => !f.weak);
    if (prevHere && previousPlaces.length > 0 && found.length === 0) lastPlaces = previousPlaces;
    // "That flight", "this convoy": the thing the sentence before told of, where it told it.
    if (previousPlaces.length > 0 && /\b(that|this|these|those) (flight|flights|airlift|convoy|column|request|requests|camp|base|attack|operation|move|movement|decision|refusal|trucks|vehicles|shipment|cargo)\b/.test(t)) lastPlaces = previousPlaces;
    const previousBefore = previousPlaces;
    // Where the sentence is, not where its convoy was going.
    if (!background && found.some((f) => !f.reference && !f.weak && !f.destination)) previousPlaces = found.filter((f) => !f.reference && !f.weak && !f.destination).map(strip);
    else if (!background && readings.length > 0 && references.length > 0) previousPlaces = references.map(strip);
    // A question asks; it does not tell.
    if (/\?["”’]?\s*$/.test(sentence)) readings = [];
    // "In neighbouring Niger, …": what happens abroad is not the mission area's news.
    if (FOREIGN.test(t)) readings = [];
    // "An earlier version of this story said…": a correction takes back what it quotes.
    if (/\b(earlier|previous|an earlier) version of this (story|article|report|item)\b/i.test(sentence)) readings = [];
    if (background) {
      if (readings.length > 0 || /\b(killed|coup|agreement|deals?|accords?|ceasefire|attacks?|deployed|set up|created|established|signed|took power)\b/.test(t)) {
        const year = Math.min(...yearsIn(sentence).filter((y) => y <= Number(o.published.slice(0, 4))), Number(o.published.slice(0, 4)) - 1);
        out.push(blank('background', sentence, o, { date: `${year}-01-01`, date_precision: 'year', location: found[0] ? strip(found[0]) : null, confidence: 0.7 }));
      }
      continue;
    }
    // The sentence before, in the same paragraph, gives the day of one that names none: the story goes on ("31 October — The last convoy pulls out of Kidal. The camp is left for good.").
    const prev = all[i - 1];
    const headed = prev && prev.paragraph === all[i]!.paragraph && !prev.background && prev.resolved?.precision === 'day' && !prev.resolved.since ? prev.resolved.date : null;
    // "The day before, …", "The next day, …": a day from the day told just before.
    const step = /^\W*(the|a) (day|night) (before|earlier)\b|^\W*the previous (day|night)\b/i.test(sentence) ? -1 : /^\W*(the (next|following) (day|morning)|a day later|the day after)\s*,/i.test(sentence) ? 1 : 0;
    const stepped = !resolved && step !== 0 ? addDays(headed ?? lastDate ?? focusDate ?? o.published, step) : null;
    // "The same day" is the day the sentence gives elsewhere, else the day told just before.
    const sameDayAs = (resolved?.precision === 'day' && !resolved.since ? resolved.date : null) ?? lastDate;
    const sentenceDate = resolved?.date ?? stepped ?? (SAME_DAY.test(sentence) ? lastDate : null) ?? headed ?? focusDate ?? lastDate ?? o.published;
    // "since 24 September" starts a state of affairs; it does not date what follows.
    if (resolved && resolved.precision === 'day' && !resolved.since) lastDate = resolved.date;
    // "… joining a convoy that had earlier left Tessalit": that clause's places are another movement's.
    const relatives = relativeMovements(t);
    const located = found.filter((f) => !f.reference && !f.weak);
    const outside = (at: number | undefined) => located.filter((f) => !relatives.some(([a, b]) => f.index >= a && f.index < b && !(at !== undefined && at >= a && at < b)));
    const places = located.length > 0 ? located.map(strip) : lastPlaces.length > 0 ? lastPlaces : found.map(strip);
    // "The convoy that left Kidal this week": named, not news, unless its clause gives the day.
    const before = out.length;
    readings = readings.filter((r) => !r.requireDay || resolveDate(t.slice(...r.requireDay), o.published)?.precision === 'day');
    for (const r of readings) {
      const madeHere = out.length;
      // Each event is dated by its own clause when that clause gives a day ("… yesterday, a day after the authorities refused …").
      let date = sentenceDate;
      let precision = resolved?.precision ?? 'day';
      if (r.at !== undefined) {
        const c = clauseAt(t, r.at);
        // A date set off after the clause ("… the next morning, Friday 4 August, and …") is the clause's own.
        const after = clauses(main).find((x) => x.start === c.end);
        const apposed = after && /^\W*((mon|tues|wednes|thurs|fri|satur|sun)day,? )?(\d{1,2}(st|nd|rd|th)? [a-z]{3,9}\.?|[a-z]{3,9}\.? \d{1,2}(st|nd|rd|th)?)(,? \d{4})?\W*$/.test(main.slice(after.start, after.end)) ? resolveDate(main.slice(after.start, after.end), o.published) : null;
        // The day something was said dates it only when nothing else in the sentence gives a day.
        const clauseDate = resolveDate(main.slice(c.start, c.end).replace(ATTRIBUTION, ' '), o.published) ?? (resolved?.precision === 'day' ? null : resolveDate(main.slice(c.start, c.end), o.published));
        // "On Wednesday, 30 August": the date set off after a weekday is the same day, told exactly.
        const weekdayThenDate = clauseDate && apposed?.precision === 'day' && !apposed.since && /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*$/.test(main.slice(c.start, c.end));
        // A restriction dates from when it began: "said on 6 October that trucks have been stuck since 24 September".
        const began = r.kind === 'restriction' ? sinceDate(main.slice(c.start, c.end), o.published) : null;
        const own = r.requireDay ? resolveDate(t.slice(...r.requireDay), o.published) : began ? { date: began, precision: 'day' as const, explicit: true, since: true } : weekdayThenDate ? apposed : clauseDate ?? (apposed?.precision === 'day' && !apposed.since ? apposed : null);
        const offset = own ? null : dayOffset(t.slice(c.start, c.end));
        // "since Sunday" dates the start of a restriction that goes on, and nothing else.
        if (!own && SAME_DAY.test(t.slice(c.start, c.end)) && sameDayAs) ({ date, precision } = { date: sameDayAs, precision: 'day' });
        else if (own && own.precision === 'day' && (!own.since || r.kind === 'restriction')) ({ date, precision } = own);
        // "Trucks left Gao weeks ago, officials said on Thursday": the clause's own vaguer time is the event's, not the saying's day.
        else if (own && own.precision !== 'day' && !own.since) ({ date, precision } = own);
        else if (offset !== null) {
          const rest = resolveDate(main.slice(0, c.start) + main.slice(c.end), o.published);
          date = addDays(rest?.date ?? sentenceDate, offset);
          precision = 'day';
        }
      }
      // Wire copy tells the news of the last few days; a day more than ten days back is a reminder
      // ("UN peacekeepers left their camp in the town on 31 October"), unless a restriction still holds "since" then.
      const stale = precision === 'day' && toEpochDay(o.published) - toEpochDay(date) > STALE_DAYS && !(r.kind === 'restriction' && (/\bsince\b/.test(t) || GOES_ON.test(t) || GOES_ON.test(all[i + 1]?.t ?? '')));
      // A day still to come is a plan ("next rotation on 2 January"), not news.
      if (precision === 'day' && date > o.published) continue;
      if (stale) {
        if (!out.some((x) => x.kind === 'background' && x.evidence === sentence)) out.push(blank('background', sentence, o, { date, date_precision: precision, location: found[0] ? strip(found[0]) : null, confidence: 0.6 }));
        continue;
      }
      // "In August, peacekeepers left Ber": told with no day, a recap of what is no longer news.
      if (precision !== 'day' || /\b(earlier this (year|month)|last month|in recent (weeks|months))\b/.test(t.slice(clauseAt(t, r.at ?? 0).start, clauseAt(t, r.at ?? 0).end))) {
        if (!out.some((x) => x.kind === 'background' && x.evidence === sentence)) out.push(blank('background', sentence, o, { date, date_precision: precision, location: found[0] ? strip(found[0]) : null, confidence: 0.6 }));
        continue;
      }
      const actors = actorsIn(t).map((a) => a.name);
      // Where something happened is not where a convoy was going, nor where it came from when the sentence names where it was hit ("the convoy that left Kidal was hit near Anefis").
      let here = located.filter((f) => !f.destination);
      // "A plane hit as it landed at Tessalit": an incident on arriving is where it arrived.
      const arrivedAt = r.kind === 'incident' ? located.find((f) => f.destination && /\b(landed|landing|arrived|arriving|took off|taking off)\s+(at|in)\s+(the\s+)?$/.test(t.slice(Math.max(0, f.index - 30), f.index))) : undefined;
      if (arrivedAt && here.every((f) => f.origin)) here = [arrivedAt];
      // "A vehicle coming down from Tessalit struck a device 20 km south of Aguelhok": the reference, not where the column came from.
      else if (r.kind === 'incident' && here.length > 0 && here.every((f) => f.origin) && references.length > 0) here = [];
      if (r.kind !== 'movement' && here.some((f) => !f.origin)) here = here.filter((f) => !f.origin);
      // "The vessel, travelling from Gao towards Mopti, was struck": an incident on the way, with both ends named, is at neither.
      else if (r.kind === 'incident' && located.some((f) => f.destination)) here = [];
      let location: Place | null = r.kind !== 'movement' && located.length > 0 && here.length === 0 ? (r.kind === 'incident' && references.length > 0 && !(focusPlace && fits(focusPlace)) ? strip(references[0]!) : focusPlace ?? places[0] ?? null) : (here[0] ? strip(here[0]) : places[0] ?? null);
      // "A request to fly them to Gao was turned down": a refused flight is restricted where it was going, when the sentence names no place it is in.
      const flownTo = located.find((f) => f.destination && /\b(fly|flights?|flew|flown|airlift\w*|helicopters?|aircraft|planes?)\b[^,;:.]{0,70}$/.test(t.slice(Math.max(0, f.index - 90), f.index)));
      // Goods held by customs on their way are restricted where they were going, when the sentence names no place they are in; a convoy refused leave is held where it is.
      // A trip forbidden ("the team's mission to Goundam") is restricted where it was going.
      const trip = /\b(travel\w*|trips?|missions? to|visits?|patrols?|journey)\b/.test(t) && !/\b(trucks|lorries|convoys?|tankers|containers|vehicles)\b/.test(t);
      const goingTo = flownTo ?? (r.detail === 'customs' || trip ? located.find((f) => f.destination) : undefined);
      if (r.kind === 'restriction' && here.length === 0 && goingTo) location = strip(goingTo);
      // "Barred convoys from leaving Gao to collect equipment from Tessalit": held where they cannot leave.
      const heldIn = r.kind === 'restriction' ? located.find((f) => /\b(leaving|leave|exit|exiting)\s+(the\s+)?$/.test(t.slice(Math.max(0, f.index - 20), f.index))) : undefined;
      if (heldIn) location = strip(heldIn);
      let from: Place | null = null;
      let to: Place | null = null;
      const mine = outside(r.at);
      // "The column that left Kidal last week rolled into Gao": for an arrival, the relative clause tells this convoy's origin.
      const arriving = r.at !== undefined && /^(arrived|arrives|reached|reaches|rolled into|rolls into|landed|made it to)/.test(t.slice(r.at));
      const elsewhere = (f: Weighed) => located.includes(f) && !mine.includes(f) && !arriving;
      if (r.kind === 'movement') ({ from, to } = route(t, found.filter((f) => !f.comparison && !elsewhere(f))));
      if (r.kind === 'movement' && from && found.some((f) => f.destination && f.name === from!.name) && !found.some((f) => !f.destination && f.name === from!.name)) from = null;
      // A convoy "left for Gao" with no origin named left from where the story is.
      const storyPlace = focusPlace ?? previousBefore[0] ?? null;
      if (r.kind === 'movement' && !from && to && storyPlace && storyPlace.name !== to.name) from = storyPlace;
      if (r.kind === 'movement') location = from ?? to ?? (located.length > 0 && mine.length === 0 ? storyPlace : null) ?? location;
      // A site is the camp left, not where the convoy went: the named place nearest the verb, destinations last.
      if (r.kind === 'site_status' && r.anchor !== undefined && located.length > 0) {
        const ours = here.filter((f) => mine.includes(f));
        location = ours.length > 0 ? strip(nearest(ours, r.anchor)) : storyPlace ?? strip(nearest(located, r.anchor));
      }
      // A disposal or a restriction is where its own clause puts it ("which left Kidal, … handed units to the hospital in Gao").
      if ((r.kind === 'disposal' || r.kind === 'restriction') && r.at !== undefined) {
        const c = clauseAt(t, r.at);
        const inClause = here.filter((f) => f.index >= c.start && f.index < c.end);
        if (inClause.length > 0) location = strip(inClause[0]!);
      }
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
      // A restriction told again without a day of its own ("the containers were stopped when they reached the capital") is the one told before.
      if ((r.continuing || (r.kind === 'restriction' && !resolved && !stepped)) && out.length > madeHere) continuing.add(out[out.length - 1]!);
    }
    if (sumsUp) for (const c of out.slice(made)) if (c.kind !== 'background') summaries.add(c);
    if (saidOnly) for (const c of out.slice(made)) if (c.kind !== 'background') leads.add(c);
    // A camp changes hands once: a site told again without a day is the one told with it.
    if (!resolved && !headed && !stepped && !SAME_DAY.test(sentence)) for (const c of out.slice(made)) if (c.kind === 'site_status') siteUndated.add(c);
    if (!resolved && !SAME_DAY.test(sentence) && i < firstDated) for (const c of out.slice(made)) if (c.kind !== 'background') undated.add(c);
    // The focus is where the first event told here happened (a convoy's origin, not where it went).
    if (readings.length > 0 && !focusPlace && !sumsUp) {
      const first = out.slice(before).find((c) => c.kind !== 'background')?.location;
      const named = [...located, ...references];
      focusPlace = first && named.some((f) => f.name === first.name) ? first : named[0] ? strip(named[0]) : null;
    }
  }
  // An arrival told without its origin came from where the story's convoy to that place set off.
  for (const c of out) if (c.kind === 'movement' && !c.from && c.to) {
    const known = out.find((x) => x !== c && x.kind === 'movement' && x.from && x.to?.name === c.to!.name);
    if (known) {
      c.from = known.from;
      c.location = known.from;
    }
  }
  // A summary stands only for what the body does not tell: a headline gives way to any event of its kind, a count of events to those of its day.
  const told = out.filter((c) => !summaries.has(c) && c.kind !== 'background');
  const dated = told.filter((c) => !leads.has(c) && !undated.has(c));
  const kept = out.filter((c) => !(isLede(c) && !namesItsPlace(c) && told.some((x) => x !== c && !isLede(x) && x.kind === c.kind && x.date === c.date)) && (!summaries.has(c) || !told.some((x) => (isHeadline(c) ? true : x.kind === c.kind && x.date === c.date))) && (!leads.has(c) || !dated.some((x) => x.kind === c.kind && (!namesItsPlace(c) || (x.location && c.location && km(x.location, c.location) <= 25)))) && (!undated.has(c) || !dated.some((x) => x.kind === c.kind && x.location && c.location && km(x.location, c.location) <= 25)) && (c.kind !== 'site_status' || !siteUndated.has(c) || !told.some((x) => x !== c && x.kind === 'site_status' && !siteUndated.has(x) && x.location && c.location && km(x.location, c.location) <= 25)));
  return merge(kept, continuing);

  function isLede(c: Candidate): boolean {
    return all.findIndex((x) => x.sentence === c.evidence) === bodyStart;
  }

  function namesItsPlace(c: Candidate): boolean {
    return c.location !== null && all.some((x) => x.sentence === c.evidence && x.found.some((f) => f.name === c.location!.name));
  }

  function isHeadline(c: Candidate): boolean {
    return all.findIndex((x) => x.sentence === c.evidence) < bodyStart;
  }
}

function blank(kind: Candidate['kind'], evidence: string, o: ExtractOptions, over: Partial<Candidate>): Candidate {
  return { kind, date: null, date_precision: null, event_type: null, sub_event_type: null, actors: [], location: null, from: null, to: null, quantity: null, fatalities: null, injured: null, detail: null, confidence: 0.5, evidence, source: o.source ?? null, ...over };
}

/**
 * One candidate per kind, day and place (within 25 km): a story tells the same event in several
 * sentences, and often types it differently as it goes ("gunmen ambushed the convoy, killing three
 * drivers"; "the trucks were attacked twice"): the first telling's type stands.
 */
function merge(cs: Candidate[], continuing: WeakSet<Candidate> = new WeakSet()): Candidate[] {
  const out: Candidate[] = [];
  for (const c of cs) {
    // A restriction still in force is the one told before at that place, whatever day this sentence gives.
    const goesOn = continuing.has(c) ? out.find((x) => x.kind === 'restriction' && x.location && c.location && km(x.location, c.location) <= 25) : undefined;
    const same = goesOn ?? out.find((x) => x.kind === c.kind && x.kind !== 'background' && x.date === c.date && (x.location && c.location ? km(x.location, c.location) <= 25 : !x.location && !c.location) && (x.kind !== 'restriction' || x.detail === c.detail || (x.detail !== 'air' && c.detail !== 'air')));
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
    // A site's recipient is more than "left" or "closed".
    if (same.kind === 'site_status' && (same.detail === 'left' || same.detail === 'closed') && c.detail && c.detail !== 'left') same.detail = c.detail;
    else same.detail ??= c.detail;
  }
  // A camp handed over on one day and left the next ("handed over … yesterday"; "the last troops
  // left the base this morning"): the handover is the site's status; the leaving is a movement.
  return out.filter((c) => !(c.kind === 'site_status' && (c.detail === 'left' || c.detail === 'closed') && out.some((x) => x !== c && x.kind === 'site_status' && x.date !== c.date && x.detail !== 'left' && x.detail !== 'closed' && x.location && c.location && km(x.location, c.location) <= 25)));
}

function max(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}
