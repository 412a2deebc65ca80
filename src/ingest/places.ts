// Where a sentence's events are: how each named place stands to them (origin, destination, a road's
// end, a reference point, another convoy's), and a movement's route. Pure.
import { type Found } from './gazetteer.ts';
import type { Place } from './schema.ts';

/**
 * How each place of a sentence stands to its events: `destination` after "to/for/towards/arrived
 * in"; `origin` after "left/from/out of"; `weak` for the ends of a road ("the road that links
 * Labbezanga to Ansongo") and for another occasion ("as they had at Tessalit"), named to compare.
 */
export type Weighed = Found & { destination?: boolean; origin?: boolean; weak?: boolean; comparison?: boolean };
export function weigh(t: string, found: Found[]): Weighed[] {
  const out = found.map((f) => weighOne(t, f));
  // "From Tessalit, Aguelhok and Kidal": a place listed after another shares its role.
  for (let i = 1; i < out.length; i += 1) {
    const prev = out[i - 1]!;
    const between = t.slice(prev.index, out[i]!.index).replace(/^[\w' -]*?(?=,| and | or )/, '');
    if (/^(, | and | or |, and |, or )$/.test(between)) {
      if (prev.origin) out[i]!.origin = true;
      if (prev.destination) out[i]!.destination = true;
    }
  }
  return out;
}

function weighOne(t: string, f: Found): Weighed {
  const before = t.slice(Math.max(0, f.index - 60), f.index);
  const w: Weighed = { ...f };
  // "To Gao", "towards the border post of Labbezanga"; not "according to officials in Gao".
  if (/\b(to|for|towards|toward|bound for|arrived (in|at)|arriving (in|at)|landed (in|at)|reached|reaching|en route to|headed for|heading for)\s+(the\s+)?(([\w'-]+\s+){0,2}|([\w'-]+\s+)?(post|camp|base|airport|airfield|town|city|village) (of|in|at)\s+)$/.test(before) && !/\b(according|close|next|due|thanks|similar|compared|owing|referring|near) to\s+([\w'-]+\s+){0,3}$/.test(before)) w.destination = true;
  // "From Gao", "(ex-Ansongo)": where things came from.
  if (/\b(from|left|leaving|departed|departing|out of|drove out of|quit|pulled out of|withdrew from|evacuated from)\s+(the\s+)?$|\bex-$/.test(before)) w.origin = true;
  if (/\b(road|axis|route|track|highway|stretch)\s+((that\s+)?(links?|linking|connects?|connecting|joins?|joining|between|from)\s+)([\w'-]+\s+){0,5}$/.test(before) || /\b(road|axis|route|track|highway)\s+(that\s+)?(links?|linking|connects?|connecting|between|from)\s+[\w' -]{0,50}\s(to|and)\s+$/.test(before)) w.weak = true;
  // "The mission's Gao regional office": who acted, not where.
  if (/^[\w'-]*('s)?\s+(regional |field |liaison |sector )?(office|bureau|delegation)\b/.test(t.slice(f.index + 1))) w.weak = true;
  // "Joined the convoy from Tessalit": another convoy's origin, not where this happened.
  if (/\b(join(ed|ing|s)?|met|meeting)\s+(the\s+|a\s+)?([\w'-]+\s+){0,2}(convoy|column)\s+from\s+$/.test(before)) {
    w.weak = true;
    w.comparison = true;
  }
  // "The boat Tombouctou", "on its run between Mopti and Gao": a name, and the ends of a route.
  if (/\b(boat|vessel|ship|ferry|barge)\s+$/.test(before) || /\b(run|route|service|line|journey|trip|voyage)\s+(between|from)\s+([\w'-]+\s+){0,3}((and|to)\s+)?$/.test(before)) w.weak = true;
  // "According to officials in Gao": where the source is, not the event.
  if (/\baccording to\s+([\w'-]+\s+){0,4}(in|at|from|of)\s+$/.test(before)) w.weak = true;
  // "the Kidal region", "the region of Timbuktu": an area, not the town.
  if (/^[\w'-]*\s+(region|district|cercle|province)\b/.test(t.slice(f.index + 1)) || /\b(region|district|cercle|province) of\s+$/.test(before)) w.weak = true;
  if (/\b(as|like)\s+(they|it|we|he|she|the mission|the peacekeepers|the troops)\s+(had|did|have|has)\s+(done\s+)?(in|at)\s+$/.test(before) || /\b(as|like)\s+(in|at)\s+$/.test(before)) {
    w.weak = true;
    w.comparison = true;
  }
  return w;
}

/** The place that best locates a sentence's event: a place it is in, then a reference point, then a road's end. */
export function primary(found: Weighed[]): Weighed | null {
  return found.find((f) => !f.reference && !f.weak && !f.destination) ?? found.find((f) => !f.reference && !f.weak) ?? found.find((f) => f.reference) ?? found.find((f) => f.weak && !f.comparison) ?? null;
}

/** The distance a sentence states just before a reference point ("120 kilometers (75 miles) north of Gao"), in km. */
export function statedDistance(t: string, at: number): number | null {
  const m = /(\d[\d,.]*)\s*(km|kilometres|kilometers|miles)\b[^\d]{0,40}$/.exec(t.slice(Math.max(0, at - 60), at));
  if (!m) return null;
  const n = Number(m[1]!.replace(/,/g, ''));
  return Number.isFinite(n) ? (m[2] === 'miles' ? n * 1.609 : n) : null;
}

export function strip(p: Place & { index?: number }): Place {
  return { name: p.name, lat: p.lat, lon: p.lon };
}

export function nearest<T extends { index: number }>(found: T[], at: number): T {
  return [...found].sort((a, b) => Math.abs(a.index - at) - Math.abs(b.index - at))[0]!;
}

/** Origin and destination of a movement: the places after "from/left/out of" and "to/for/towards/reached". */
export function route(t: string, found: (Place & { index: number })[]): { from: Place | null; to: Place | null } {
  let from: Place | null = null;
  let to: Place | null = null;
  for (const p of found) {
    const before = t.slice(Math.max(0, p.index - 45), p.index);
    if (/\b(to|for|towards|toward|reached|reaching|arrived (in|at)|arriving (in|at)|arrives?|arriving|into|bound for|en route to|destined for|on to|as far as|made it to|back to|landed (in|at)|landing (in|at))\s+(the\s+)?([\w'-]+\s+){0,3}$/.test(before) && !to) to = strip(p);
    // "Joined the convoy from Tessalit": where the other convoy came from.
    else if (/\b(join(ed|ing|s)?|met|meeting)\s+(the\s+|a\s+)?([\w'-]+\s+){0,2}(convoy|column)\s+from\s+$/.test(before)) continue;
    else if (/\b(from|left|leaving|leave|departed|departing|out of|quit|quitting|withdrew from|withdrawing from|pulled out of|evacuated from|airlifted from|stationed (in|at)|based (in|at)|deployed (in|at)|in)\s+(the\s+)?([\w'-]+\s+){0,3}$/.test(before) && !from) from = strip(p);
  }
  // "…handed over the Goundam camp, and a convoy left for Timbuktu": the other place is the origin.
  if (!from) {
    const other = found.find((p) => !to || p.name !== to.name);
    if (other) from = strip(other);
  }
  return { from, to };
}
