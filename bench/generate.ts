// Seeded scenario generator for benchmarks and property tests. Everything here is a pure function
// of its options: the same seed always gives the same scenario (and the same YAML), because all
// randomness comes from a small PRNG (mulberry32), never from Math.random.
//
// What it builds is a plausible withdrawal: camps scattered over a Sahel-like region, each linked
// by road (and some by air) to its nearest hub(s); hubs linked to the exits (an airport reached by
// air, a road corridor reached by road) and to each other; deadlines with the remote camps first
// and the hubs last; people in essential and non-essential groups; lots of every kind. The fleet is
// sized tight for cargo but is always enough for people: a greedy day-by-day schedule that moves
// only people by road (see `peopleFeasibility`) must succeed, and the fleet is scaled up until it
// does. Cargo never makes an instance infeasible, since every kind may be destroyed where it is.
import { addDays, toEpochDay } from '../src/domain/dates.ts';
import type { LotKind, ScenarioInput } from '../src/domain/scenario/schema.ts';

export type GenerateOptions = {
  seed: number;
  camps: number;
  /** Total lot units (sum of lot counts) to spread over camps and hubs. */
  units: number;
  /** Total people to spread over camps and hubs. */
  people: number;
  /** Horizon length: end = start + days. */
  days: number;
  /** Default max(2, floor(camps / 5)). */
  hubs?: number;
  /** Default 2: one airport (reached by air from the hubs) and one road corridor. */
  exits?: number;
  /** Multiplies trucks, escorts and sorties (default 1); raised anyway if people would not fit. */
  fleetScale?: number;
  /** 0..1 (default 0): shortens deadlines, down to about half the horizon at 1. */
  tightness?: number;
  /** First day, default 2023-07-01. */
  start?: string;
};

type SiteInput = ScenarioInput['sites'][number];
type LotInput = NonNullable<SiteInput['lots']>[number];
type GroupInput = NonNullable<SiteInput['personnel']>[number];
type LegInput = ScenarioInput['legs'][number];
type ClosureInput = NonNullable<ScenarioInput['closures']>[number];
type FleetInput = ScenarioInput['fleet'];

export const DEFAULT_START = '2023-07-01';

export const PRESETS = {
  minusmaScale: { seed: 1, camps: 13, units: 5000, people: 12000, days: 180 },
  stress10x: { seed: 1, camps: 130, units: 50000, people: 120000, days: 180 },
} as const satisfies Record<string, GenerateOptions>;

export const DEFAULT_COSTS: ScenarioInput['costs'] = {
  truck_km: 3,
  air_sortie: 60000,
  destroy_per_truckload: 5000,
  sell_recovers: 0.2,
  risk_per_truck: 20000,
  risk_per_person: 2000,
};

// ---------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: a tiny 32-bit PRNG, good enough for test data. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number, stream = 0) {
    // Mix the seed (any number, even negative or fractional) and a stream tag into 32 bits, so
    // that neighbouring seeds start far apart.
    let h = (Math.floor(seed) ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
    h = (h ^ (h >>> 16)) >>> 0;
    const frac = Math.round((seed - Math.floor(seed)) * 1e6);
    this.next = mulberry32((h + frac) >>> 0);
  }
  float(lo = 0, hi = 1): number {
    return lo + (hi - lo) * this.next();
  }
  /** Whole number in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new Error('pick from an empty list');
    return xs[Math.floor(this.next() * xs.length)] as T;
  }
  /** Approximately normal (sum of uniforms). */
  normal(mean = 0, sd = 1): number {
    return mean + sd * (this.next() + this.next() + this.next() + this.next() - 2) * Math.sqrt(3);
  }
  shuffle<T>(xs: readonly T[]): T[] {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Small helpers

const round = (x: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** Great-circle distance in km. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * Splits `total` into whole parts proportional to `weights`, each at least `min` (or less when
 * the total cannot give every part `min`). Largest remainder; deterministic.
 */
export function allocate(total: number, weights: readonly number[], min = 0): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const floor = Math.max(0, Math.min(min, Math.floor(total / n)));
  const rest = total - floor * n;
  const w = weights.map((x) => Math.max(0, x));
  const W = sum(w) || n;
  const raw = w.map((x) => (rest * (sum(w) === 0 ? 1 : x)) / W);
  const out = raw.map((x) => Math.floor(x));
  let left = rest - sum(out);
  const order = raw.map((x, i) => ({ i, f: x - Math.floor(x) })).sort((a, b) => b.f - a.f || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % n, left--) out[order[k]!.i]! += 1;
  return out.map((x) => x + floor);
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'site';
}

const TOWNS = [
  'Kidal', 'Tessalit', 'Aguelhok', 'Ber', 'Timbuktu', 'Gao', 'Menaka', 'Ansongo', 'Douentza', 'Mopti',
  'Goundam', 'Bourem', 'Tessit', 'Anefis', 'Gossi', 'Hombori', 'Boni', 'Lere', 'Niono', 'Diabaly',
  'Sevare', 'Bandiagara', 'Bankass', 'Tenenkou', 'Youwarou', 'Niafunke', 'Dire', 'Rharous', 'Talataye',
  'Inekar', 'Anderamboukane', 'Tin-Essako', 'Abeibara', 'Tarkint', 'Araouane', 'Lerneb', 'Bamba',
  'Temera', 'Intahaka', 'Essouk', 'Tinzawaten', 'Kabara', 'Djenne', 'Macina', 'Koro', 'Ogossagou',
  'Boulkessi', 'Mondoro', 'Dioura', 'Nampala', 'Soumpi', 'Tonka', 'Gourma', 'Inhalid', 'Tilemsi',
];
const SYLLABLES_A = ['Ta', 'Ti', 'Ag', 'Ka', 'Ko', 'Ne', 'Do', 'Ba', 'In', 'Te', 'Ma', 'Sa', 'Bou', 'Ara', 'Go', 'Di', 'Ha', 'Ke'];
const SYLLABLES_B = ['ra', 'lo', 'ne', 'ssa', 'ma', 'ko', 'ba', 'ren', 'di', 'na', 'gou', 'za', 'li', 'ho', 'ka'];
const SYLLABLES_C = ['', 'l', 'k', 't', 'ne', 'si', 'ret', 'ouane', 'hok', 'ssit', 'bem', 'ra', 'nkou'];
const AIR_EXITS = ['Bamako Senou Airport', 'Niamey Airport', 'Ouagadougou Airport', 'Dakar Airport', 'Nouakchott Airport', 'Abidjan Airport'];
const ROAD_EXITS = ['Dakar Corridor', 'Abidjan Corridor', 'Lome Corridor', 'Niamey Corridor', 'Conakry Corridor', 'Nouakchott Corridor', 'Cotonou Corridor'];
export const COUNTRIES = [
  'Chad', 'Bangladesh', 'Senegal', 'Togo', 'Egypt', 'Burkina Faso', 'Niger', 'Germany', 'China', 'Jordan',
  'Guinea', 'Nepal', 'Sweden', "Cote d'Ivoire", 'Benin', 'Pakistan', 'Sri Lanka', 'Cambodia', 'Nigeria',
  'Ghana', 'Netherlands', 'Norway', 'El Salvador', 'Mexico', 'Rwanda', 'Tunisia', 'Mauritania', 'Liberia',
];
const RECIPIENTS = ['host-army', 'host-government', 'regional-authority', 'civil-protection'];
const CLOSURE_REASONS = {
  road: ['rainy season: road impassable', 'armed group activity', 'bridge out', 'route denied by local authorities', 'IED threat, route suspended'],
  air: ['flight permits denied', 'runway repair', 'airspace closed', 'sandstorm season'],
} as const;

class Names {
  private readonly ids = new Set<string>();
  private readonly towns: string[];
  constructor(private readonly rng: Rng) {
    this.towns = rng.shuffle(TOWNS);
  }
  /** A fresh place name and an id no other site has. */
  town(): { name: string; id: string } {
    const name = this.towns.shift() ?? `${this.rng.pick(SYLLABLES_A)}${this.rng.pick(SYLLABLES_B)}${this.rng.pick(SYLLABLES_C)}`;
    return { name, id: this.claim(slug(name)) };
  }
  fixed(name: string): { name: string; id: string } {
    return { name, id: this.claim(slug(name)) };
  }
  private claim(base: string): string {
    let id = base;
    for (let k = 2; this.ids.has(id); k++) id = `${base}-${k}`;
    this.ids.add(id);
    return id;
  }
}

// ---------------------------------------------------------------------------------------------
// Lots and people

const KIND_SHORT: Record<LotKind, string> = {
  vehicle: 'veh', container: 'cont', ammunition: 'ammo', weapon: 'wpn', generator: 'gen', fuel: 'fuel', other: 'misc',
};
/** Share of units by kind, before per-site jitter. */
const KIND_WEIGHTS: Record<LotKind, number> = {
  vehicle: 0.24, container: 0.3, ammunition: 0.08, weapon: 0.05, generator: 0.07, fuel: 0.1, other: 0.16,
};
/** Chance that a lot of this kind is UN-owned rather than contingent-owned. */
const UN_SHARE: Record<LotKind, number> = {
  vehicle: 0.35, container: 0.6, ammunition: 0.15, weapon: 0.1, generator: 0.6, fuel: 0.7, other: 0.6,
};
const KINDS = Object.keys(KIND_WEIGHTS) as LotKind[];

function lotTraits(rng: Rng, kind: LotKind): { truckloads: number; value: number; hazard?: string } {
  const usd = (lo: number, hi: number, step = 100) => Math.round(rng.float(lo, hi) / step) * step;
  switch (kind) {
    case 'vehicle':
      return rng.chance(0.85) ? { truckloads: 0, value: usd(40000, 450000, 1000) } : { truckloads: 1, value: usd(30000, 250000, 1000) };
    case 'container':
      return { truckloads: 1, value: usd(8000, 60000) };
    case 'ammunition':
      return { truckloads: 1, value: usd(30000, 150000, 500), hazard: 'explosive' };
    case 'weapon':
      return { truckloads: round(rng.int(2, 10) * 0.05, 2), value: usd(5000, 40000) };
    case 'generator':
      return { truckloads: rng.pick([0.5, 0.75, 1]), value: usd(15000, 90000) };
    case 'fuel':
      return { truckloads: 1, value: usd(20000, 45000), hazard: 'flammable' };
    case 'other':
      return { truckloads: rng.pick([0.25, 0.5, 0.75, 1]), value: usd(2000, 30000) };
  }
}

function makeLots(rng: Rng, siteId: string, units: number, contingents: readonly string[], maxParts: number): LotInput[] {
  if (units <= 0) return [];
  const weights = KINDS.map((k) => KIND_WEIGHTS[k] * rng.float(0.4, 1.6));
  const perKind = allocate(units, weights, 0);
  const lots: LotInput[] = [];
  KINDS.forEach((kind, ki) => {
    const n = perKind[ki] ?? 0;
    if (n <= 0) return;
    const parts = Math.min(n, n >= 12 ? rng.int(1, maxParts) : 1);
    const counts = allocate(n, Array.from({ length: parts }, () => rng.float(0.5, 1.5)), 1);
    counts.forEach((count, j) => {
      const t = lotTraits(rng, kind);
      const owner = rng.chance(UN_SHARE[kind]) || contingents.length === 0 ? 'UN' : `COE/${rng.pick(contingents)}`;
      const lot: LotInput = { id: `${siteId}-${KIND_SHORT[kind]}-${j + 1}`, kind, count, truckloads: t.truckloads, value: t.value, owner };
      if (t.hazard) lot.hazard = t.hazard;
      lots.push(lot);
    });
  });
  return lots;
}

function makeGroups(rng: Rng, siteId: string, people: number): GroupInput[] {
  if (people <= 0) return [];
  if (people === 1) return [{ group: `${siteId}-force`, count: 1, essential: true }];
  const essentialShare = rng.float(0.55, 0.75);
  const essential = clamp(Math.round(people * essentialShare), 1, people - 1);
  const nonEssential = people - essential;
  const groups: GroupInput[] = [];
  const ess = essential >= 40 && rng.chance(0.6) ? allocate(essential, [rng.float(2, 4), 1], 1) : [essential];
  const non = nonEssential >= 40 && rng.chance(0.5) ? allocate(nonEssential, [rng.float(2, 4), 1], 1) : [nonEssential];
  groups.push({ group: `${siteId}-force`, count: ess[0]!, essential: true });
  if (ess[1]) groups.push({ group: `${siteId}-enablers`, count: ess[1], essential: true });
  groups.push({ group: `${siteId}-support`, count: non[0]!, essential: false });
  if (non[1]) groups.push({ group: `${siteId}-civilian`, count: non[1], essential: false });
  return groups;
}

// ---------------------------------------------------------------------------------------------
// The full generator

type Place = { id: string; name: string; kind: 'camp' | 'hub' | 'exit'; lat: number; lon: number; air?: boolean; road?: boolean };
type Link = { from: number; to: number; mode: 'road' | 'air'; km: number; days: number; risk: number; primary: boolean };

function roadLink(rng: Rng, places: readonly Place[], from: number, to: number, risk: number, primary: boolean): Link {
  const a = places[from]!;
  const b = places[to]!;
  const km = Math.max(1, Math.round(haversineKm(a.lat, a.lon, b.lat, b.lon) * 1.3));
  const days = Math.max(1, Math.ceil(km / rng.float(150, 300)));
  return { from, to, mode: 'road', km, days, risk: round(clamp(risk, 0, 0.9), 2), primary };
}

function airLink(places: readonly Place[], from: number, to: number): Link {
  const a = places[from]!;
  const b = places[to]!;
  const km = Math.max(1, Math.round(haversineKm(a.lat, a.lon, b.lat, b.lon)));
  return { from, to, mode: 'air', km, days: Math.max(1, Math.ceil(km / 1500)), risk: 0, primary: false };
}

export function generateScenario(options: GenerateOptions): ScenarioInput {
  const { seed, days: H } = options;
  const nCamps = Math.floor(options.camps);
  const nHubs = Math.floor(options.hubs ?? Math.max(2, Math.floor(nCamps / 5)));
  const nExits = Math.floor(options.exits ?? 2);
  const fleetScale = options.fleetScale ?? 1;
  const tightness = clamp(options.tightness ?? 0, 0, 1);
  const start = options.start ?? DEFAULT_START;
  if (!Number.isInteger(H) || H < 2) throw new Error(`days must be a whole number of at least 2 (got ${H})`);
  if (nCamps < 1) throw new Error('camps must be at least 1');
  if (nHubs < 1) throw new Error('hubs must be at least 1');
  if (nExits < 1) throw new Error('exits must be at least 1');
  if (!(options.units >= 0) || !(options.people >= 0)) throw new Error('units and people must not be negative');
  if (!(fleetScale >= 0)) throw new Error('fleetScale must not be negative');

  const rng = new Rng(seed, 1);

  // Exits: even indices are airports (reached by air), odd ones road corridors. A lone exit is both.
  const exitKinds = Array.from({ length: nExits }, (_, i) => (nExits === 1 ? { air: true, road: true } : { air: i % 2 === 0, road: i % 2 === 1 }));

  // Region: Mali-like for MINUSMA scale, wider as the mission grows, smaller for short horizons.
  const centre = { lat: 17 + rng.float(-0.5, 0.5), lon: -1 + rng.float(-0.5, 0.5) };
  let scale = Math.min(1, H / 120);
  let geo: ReturnType<typeof layout> | undefined;
  for (let attempt = 0; attempt < 40; attempt++, scale *= 0.75) {
    const latHalf = Math.min(9, 3.2 * (nCamps / 13) ** 0.3) * scale;
    const lonHalf = latHalf * 1.5;
    geo = layout(rng, { centre, latHalf, lonHalf, nCamps, nHubs, exitKinds });
    if (fits(geo, H)) break;
    geo = undefined;
  }
  if (!geo) throw new Error(`cannot fit routes into a ${H}-day horizon`);
  const { places, links, campHub, hubExit } = geo;
  const hubIdx = places.flatMap((p, i) => (p.kind === 'hub' ? [i] : []));
  const campIdx = places.flatMap((p, i) => (p.kind === 'camp' ? [i] : []));
  const linkDays = (i: number | undefined): number => (i === undefined ? 0 : links[i]!.days);

  // Deadlines (day numbers). Hubs late, camps spread earlier with the remote ones first; each camp
  // leaves room for its road to the hub and each hub for its road to the exit.
  const f = 1 - 0.5 * tightness;
  const deadline = new Map<number, number>();
  for (const h of hubIdx) {
    const hubMax = H - linkDays(hubExit.get(h));
    const needed = Math.max(0, ...campIdx.filter((c) => links[campHub.get(c)!]!.to === h).map((c) => linkDays(campHub.get(c))));
    const target = Math.round(H * f * rng.float(0.85, 0.97));
    deadline.set(h, clamp(target, Math.min(needed, hubMax), hubMax));
  }
  const remoteness = (c: number) => links[campHub.get(c)!]!.risk + rng.float(-0.15, 0.15);
  const byRemote = campIdx.map((c) => ({ c, r: remoteness(c) })).sort((a, b) => b.r - a.r || a.c - b.c);
  const lo = H * f * 0.2;
  const hi = H * f * 0.8;
  byRemote.forEach(({ c }, rank) => {
    const link = links[campHub.get(c)!]!;
    const max = deadline.get(link.to)! - link.days;
    const frac = byRemote.length === 1 ? 0.5 : rank / (byRemote.length - 1);
    const target = Math.round(lo + (hi - lo) * frac + rng.normal(0, H * 0.02));
    deadline.set(c, clamp(target, 0, max));
  });

  // People and units over camps and hubs (hubs are the big bases).
  const holders = [...campIdx, ...hubIdx];
  const weight = (i: number) => (places[i]!.kind === 'hub' ? rng.float(2, 3) : rng.float(0.5, 1.5));
  const peopleAt = allocate(Math.round(options.people), holders.map(weight), Math.min(10, Math.floor(options.people / holders.length)));
  const unitsAt = allocate(Math.round(options.units), holders.map(weight), 1);
  const maxParts = options.units / holders.length > 200 ? 3 : 2;

  const dateOf = (d: number) => addDays(start, d);

  const sites: SiteInput[] = places.map((p, i) => {
    const site: SiteInput = { id: p.id, name: p.name, kind: p.kind, lat: round(p.lat, 4), lon: round(p.lon, 4) };
    if (p.kind === 'exit') return site;
    site.deadline = dateOf(deadline.get(i)!);
    const k = holders.indexOf(i);
    const contingents = rng.shuffle(COUNTRIES).slice(0, rng.int(1, p.kind === 'hub' ? 4 : 2));
    const personnel = makeGroups(rng, p.id, peopleAt[k] ?? 0);
    const lots = makeLots(rng, p.id, unitsAt[k] ?? 0, contingents, maxParts);
    const essential = sum(personnel.filter((g) => g.essential).map((g) => g.count));
    if (essential > 0 && lots.length > 0 && rng.chance(0.8)) site.guard = Math.min(essential, rng.int(10, 60));
    if (p.kind === 'camp' ? rng.chance(0.7) : rng.chance(0.4)) site.recipient = rng.pick(RECIPIENTS);
    if (personnel.length > 0) site.personnel = personnel;
    if (lots.length > 0) site.lots = lots;
    return site;
  });

  const legs: LegInput[] = links.map((l) => {
    const leg: LegInput = { from: places[l.from]!.id, to: places[l.to]!.id, mode: l.mode, km: l.km, days: l.days };
    if (l.mode === 'road') leg.risk = l.risk;
    return leg;
  });

  // Closures: mostly on legs with an alternative (air legs, second roads, hub to hub); a few on a
  // camp's own road early on, kept only if people still get out.
  const closures: { closure: ClosureInput; critical: boolean }[] = [];
  const nClosures = Math.max(1, Math.round(links.length * 0.06));
  const candidates = rng.shuffle(links.map((_, i) => i));
  for (const li of candidates) {
    if (closures.length >= nClosures) break;
    const l = links[li]!;
    const len = clamp(Math.round(H * rng.float(0.03, 0.15)), 1, Math.max(1, H - 1));
    let first: number;
    if (l.primary) {
      const from = places[l.from]!;
      if (from.kind !== 'camp') continue;
      const d = deadline.get(l.from)!;
      if (d - len - 3 < 0 || !rng.chance(0.5)) continue;
      first = rng.int(0, d - len - 3);
    } else {
      first = rng.int(0, Math.max(0, H - len));
    }
    const closure: ClosureInput = {
      from: places[l.from]!.id,
      to: places[l.to]!.id,
      mode: l.mode,
      first: dateOf(first),
      last: dateOf(Math.min(H, first + len - 1)),
      reason: rng.pick(CLOSURE_REASONS[l.mode]),
    };
    closures.push({ closure, critical: l.primary });
  }

  // Fleet: tight for cargo (trucks for about 60 % of the truck-days that carrying all cargo out by
  // road would take over the whole horizon; less still before the deadlines), then raised until a
  // people-only road schedule works.
  const convoyMax = rng.int(60, 120);
  let truckDays = 0;
  let escortDays = 0;
  for (const i of holders) {
    const tl = sum((sites[i]!.lots ?? []).map((l) => l.count * l.truckloads));
    const path = places[i]!.kind === 'camp' ? [campHub.get(i)!, hubExit.get(links[campHub.get(i)!]!.to)!] : [hubExit.get(i)!];
    for (const li of path) {
      const l = links[li]!;
      truckDays += tl * 2 * l.days;
      if (l.risk > 0) escortDays += Math.ceil(tl / (0.5 * convoyMax)) * 2 * l.days;
    }
  }
  const airLegs = links.filter((l) => l.mode === 'air').length;
  const fleet: FleetInput = {
    trucks: Math.round((fleetScale * 0.6 * truckDays) / H),
    truck_capacity: 1,
    seats_per_truck: 20,
    convoy_max_trucks: convoyMax,
    escorts: Math.max(fleetScale > 0 ? 1 : 0, Math.round((fleetScale * 0.6 * escortDays) / H)),
    air: { sorties_per_day: Math.round(fleetScale * (1 + airLegs / 5)), seats: 100, truckloads: 2 },
  };

  const scenario: ScenarioInput = {
    version: 1,
    mission: `Generated withdrawal (seed ${seed})`,
    start,
    end: dateOf(H),
    sites,
    legs,
    fleet,
    closures: closures.map((c) => c.closure),
    costs: { ...DEFAULT_COSTS },
  };
  ensurePeopleFit(scenario, () => {
    scenario.closures = closures.filter((c) => !c.critical).map((c) => c.closure);
  });
  if (scenario.closures?.length === 0) delete scenario.closures;
  return scenario;
}

function layout(
  rng: Rng,
  o: { centre: { lat: number; lon: number }; latHalf: number; lonHalf: number; nCamps: number; nHubs: number; exitKinds: { air: boolean; road: boolean }[] },
) {
  const names = new Names(rng);
  const places: Place[] = [];
  const { centre, latHalf, lonHalf } = o;
  const inRegion = (lat: number, lon: number) => ({ lat: clamp(lat, centre.lat - latHalf, centre.lat + latHalf), lon: clamp(lon, centre.lon - lonHalf, centre.lon + lonHalf) });

  // Hubs: spread over the inner part of the region, kept apart from each other.
  const hubPts: { lat: number; lon: number }[] = [];
  const minSep = Math.sqrt((4 * latHalf * lonHalf) / Math.max(1, o.nHubs)) * 0.5;
  for (let h = 0; h < o.nHubs; h++) {
    let best = { lat: centre.lat, lon: centre.lon };
    let bestSep = -1;
    for (let t = 0; t < 20; t++) {
      const p = { lat: centre.lat + rng.float(-0.75, 0.75) * latHalf, lon: centre.lon + rng.float(-0.75, 0.75) * lonHalf };
      const sep = Math.min(Infinity, ...hubPts.map((q) => Math.hypot(p.lat - q.lat, p.lon - q.lon)));
      if (sep > bestSep) [best, bestSep] = [p, sep];
      if (sep >= minSep) break;
    }
    hubPts.push(best);
  }
  // Camps: most around a hub, the rest anywhere in the region.
  const campPts = Array.from({ length: o.nCamps }, () => {
    if (rng.chance(0.6)) {
      const h = rng.pick(hubPts);
      const sd = Math.max(0.05, minSep * 0.6);
      return inRegion(h.lat + rng.normal(0, sd), h.lon + rng.normal(0, sd * 1.3));
    }
    return { lat: centre.lat + rng.float(-1, 1) * latHalf, lon: centre.lon + rng.float(-1, 1) * lonHalf };
  });
  // Exits: the first airport south-west (like Bamako), the others around the southern and western edge.
  const exitPts = o.exitKinds.map((_, i) => {
    if (i === 0) return { lat: centre.lat - latHalf * rng.float(1.25, 1.45), lon: centre.lon - lonHalf * rng.float(1.35, 1.55) };
    const angle = ((150 + (180 * i) / o.exitKinds.length + rng.float(-15, 15)) * Math.PI) / 180;
    const r = rng.float(1.2, 1.4);
    return { lat: centre.lat + Math.sin(angle) * latHalf * r, lon: centre.lon + Math.cos(angle) * lonHalf * r };
  });

  // Hubs take the first (real) town names: they are the big bases everyone knows.
  const hubNames = hubPts.map(() => names.town());
  const campNames = campPts.map(() => names.town());
  const airNames = rng.shuffle(AIR_EXITS);
  const roadNames = rng.shuffle(ROAD_EXITS);
  campPts.forEach((p, i) => places.push({ ...campNames[i]!, kind: 'camp', ...p }));
  hubPts.forEach((p, i) => places.push({ ...hubNames[i]!, kind: 'hub', ...p }));
  o.exitKinds.forEach((k, i) => {
    const base = k.air && !k.road ? airNames.shift() ?? `Airport ${i + 1}` : roadNames.shift() ?? `Corridor ${i + 1}`;
    places.push({ ...names.fixed(base), kind: 'exit', ...exitPts[i]!, air: k.air, road: k.road });
  });

  const camps = places.flatMap((p, i) => (p.kind === 'camp' ? [i] : []));
  const hubs = places.flatMap((p, i) => (p.kind === 'hub' ? [i] : []));
  const exits = places.flatMap((p, i) => (p.kind === 'exit' ? [i] : []));
  const dist = (a: number, b: number) => haversineKm(places[a]!.lat, places[a]!.lon, places[b]!.lat, places[b]!.lon);
  const firstExit = exits[0]!;
  const maxFromExit = Math.max(1, ...[...camps, ...hubs].map((i) => dist(i, firstExit)));
  const remote = (i: number) => dist(i, firstExit) / maxFromExit;

  const links: Link[] = [];
  const have = new Set<string>();
  const add = (l: Link): number => {
    const key = `${l.from}>${l.to}:${l.mode}`;
    if (have.has(key)) return -1;
    have.add(key);
    links.push(l);
    return links.length - 1;
  };
  const campHub = new Map<number, number>();
  const hubExit = new Map<number, number>();

  // Hubs first (so their risk is known), then the camps.
  const roadExits = exits.filter((e) => places[e]!.road);
  const airExits = exits.filter((e) => places[e]!.air);
  for (const h of hubs) {
    const hubRisk = () => (remote(h) < 0.25 ? 0 : 0.05 + 0.3 * remote(h) + rng.float(0, 0.1));
    const byDays = roadExits.map((e) => roadLink(rng, places, h, e, hubRisk(), false)).sort((a, b) => a.days - b.days || a.km - b.km || a.to - b.to);
    byDays.forEach((l, k) => {
      if (k === 0) hubExit.set(h, add({ ...l, primary: true }));
      else if (rng.chance(0.5)) add(l);
    });
    for (const e of airExits) add(airLink(places, h, e));
  }
  // A road from the nearest hub to each airport that is not also a road exit.
  for (const e of airExits.filter((x) => !places[x]!.road)) {
    const near = [...hubs].sort((a, b) => dist(a, e) - dist(b, e))[0]!;
    if (rng.chance(0.5)) add(roadLink(rng, places, near, e, 0.1 * rng.float(0, 1) + 0.2 * remote(near), false));
  }
  // Hub to its nearest other hub, both ways.
  for (const h of hubs) {
    const other = hubs.filter((x) => x !== h).sort((a, b) => dist(h, a) - dist(h, b))[0];
    if (other === undefined) continue;
    const risk = 0.15 + 0.45 * Math.max(remote(h), remote(other)) + rng.float(0, 0.1);
    const there = roadLink(rng, places, h, other, risk, false);
    add(there);
    add({ ...there, from: other, to: h });
  }
  for (const c of camps) {
    const near = [...hubs].sort((a, b) => dist(c, a) - dist(c, b) || a - b);
    const risk = () => 0.1 + 0.8 * remote(c) + rng.normal(0, 0.06);
    campHub.set(c, add(roadLink(rng, places, c, near[0]!, risk(), true)));
    const second = near[1];
    if (second !== undefined && dist(c, second) < 2 * dist(c, near[0]!) + 50 && rng.chance(0.4)) add(roadLink(rng, places, c, second, risk(), false));
    if (rng.chance(0.35)) add(airLink(places, c, near[0]!));
  }
  return { places, links, campHub, hubExit };
}

/** Every camp's road to its hub and on to an exit fits the horizon, with room to spare. */
function fits(geo: ReturnType<typeof layout>, H: number): boolean {
  const budget = Math.max(2, Math.floor(0.6 * H));
  for (const li of geo.campHub.values()) {
    const l = geo.links[li]!;
    const out = geo.hubExit.get(l.to);
    if (out === undefined) return false;
    if (l.days + geo.links[out]!.days > budget) return false;
  }
  for (const [, li] of geo.hubExit) if (geo.links[li]!.days > budget - 1) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// People feasibility: a greedy schedule that moves only people, by road

export type PeopleCheck = {
  ok: boolean;
  /** Some movement waited for lack of trucks / escorts. */
  shortOf: { trucks: boolean; escorts: boolean };
  reason?: string;
};

/**
 * Tries to move every person to an exit by road only, day by day, earliest deadline first, with
 * the pooled trucks and escorts of the scenario (and its closures). Lots are assumed destroyed on
 * day 0, so guards and cargo do not matter. Success proves the scenario is feasible for people;
 * failure proves nothing (the greedy may be unlucky), which is why the generator keeps a margin.
 * Routes: from each site the road leg that keeps the latest possible departure.
 */
export function peopleFeasibility(s: ScenarioInput): PeopleCheck {
  const H = toEpochDay(s.end) - toEpochDay(s.start);
  const day = (d: string) => toEpochDay(d) - toEpochDay(s.start);
  const index = new Map(s.sites.map((x, i) => [x.id, i]));
  const n = s.sites.length;
  const isExit = s.sites.map((x) => x.kind === 'exit');
  const due = s.sites.map((x) => (x.kind === 'exit' ? H : x.deadline ? day(x.deadline) : H));
  const road = s.legs
    .map((l) => ({ from: index.get(l.from)!, to: index.get(l.to)!, days: l.days, risk: l.risk ?? 0, key: `${l.from}>${l.to}:road` }))
    .filter((_, i) => s.legs[i]!.mode === 'road');
  const closed = new Map<string, [number, number][]>();
  for (const c of s.closures ?? []) {
    if (c.mode !== 'road') continue;
    const key = `${c.from}>${c.to}:road`;
    closed.set(key, [...(closed.get(key) ?? []), [day(c.first), day(c.last)]]);
  }
  const isClosed = (key: string, d: number) => (closed.get(key) ?? []).some(([a, b]) => d >= a && d <= b);

  // latest[i]: the last day people may be at i and still reach an exit in time (closures ignored).
  const latest = isExit.map((e) => (e ? H : -Infinity));
  const next: (number | undefined)[] = new Array(n).fill(undefined);
  for (let changed = true, rounds = 0; changed && rounds <= n + 1; rounds++) {
    changed = false;
    road.forEach((l, li) => {
      if (isExit[l.from]) return;
      const via = Math.min(due[l.from]!, latest[l.to]! - l.days);
      const cur = next[l.from];
      const better = via > latest[l.from]! || (via === latest[l.from]! && cur !== undefined && l.days < road[cur]!.days);
      if (via >= 0 && better) {
        latest[l.from] = via;
        next[l.from] = li;
        changed = true;
      }
    });
  }

  const seats = s.fleet.seats_per_truck;
  const maxDays = Math.max(1, ...road.map((l) => l.days));
  const busyT = new Array<number>(H + 2 * maxDays + 2).fill(0);
  const busyE = new Array<number>(H + 2 * maxDays + 2).fill(0);
  const waiting = s.sites.map((x) => (x.kind === 'exit' ? 0 : sum((x.personnel ?? []).map((g) => g.count))));
  const arrivals = new Map<number, [number, number][]>();
  const shortOf = { trucks: false, escorts: false };
  const fail = (reason: string): PeopleCheck => ({ ok: false, shortOf, reason });

  for (let i = 0; i < n; i++) if (waiting[i]! > 0 && next[i] === undefined) return fail(`${s.sites[i]!.id}: no road route out in time`);
  if (seats <= 0 && sum(waiting) > 0) return fail('trucks have no seats');

  const order = s.sites.map((_, i) => i).filter((i) => !isExit[i]).sort((a, b) => due[a]! - due[b]! || a - b);
  for (let d = 0; d <= H; d++) {
    for (const [to, count] of arrivals.get(d) ?? []) if (!isExit[to]) waiting[to]! += count;
    for (const i of order) {
      if (waiting[i]! <= 0) continue;
      if (d > due[i]!) return fail(`${s.sites[i]!.id}: people still there after its deadline (day ${due[i]})`);
      const l = road[next[i]!]!;
      if (d + l.days > H || isClosed(l.key, d)) continue;
      while (waiting[i]! > 0) {
        const span = 2 * l.days;
        let freeT = Infinity;
        let freeE = Infinity;
        for (let t = d; t < d + span; t++) {
          freeT = Math.min(freeT, s.fleet.trucks - busyT[t]!);
          freeE = Math.min(freeE, s.fleet.escorts - busyE[t]!);
        }
        const want = Math.min(Math.ceil(waiting[i]! / seats), s.fleet.convoy_max_trucks);
        const m = Math.min(want, freeT);
        if (m < 1) {
          shortOf.trucks = true;
          break;
        }
        if (l.risk > 0 && freeE < 1) {
          shortOf.escorts = true;
          break;
        }
        if (m < want) shortOf.trucks = true;
        for (let t = d; t < d + span; t++) {
          busyT[t]! += m;
          if (l.risk > 0) busyE[t]! += 1;
        }
        const moved = Math.min(waiting[i]!, m * seats);
        waiting[i]! -= moved;
        const at = d + l.days;
        arrivals.set(at, [...(arrivals.get(at) ?? []), [l.to, moved]]);
      }
    }
  }
  const left = waiting.findIndex((w) => w > 0);
  if (left >= 0) return fail(`${s.sites[left]!.id}: people left behind at the end`);
  return { ok: true, shortOf };
}

/**
 * Raises trucks and escorts (whichever ran short) until the people-only schedule works. If even
 * a practically unlimited fleet cannot do it, the closures are to blame: `dropCritical` removes
 * those on the camps' own roads first.
 */
function ensurePeopleFit(s: ScenarioInput, dropCritical: () => void): void {
  const people = sum(s.sites.flatMap((x) => (x.personnel ?? []).map((g) => g.count)));
  const huge = { ...s, fleet: { ...s.fleet, trucks: Math.max(s.fleet.trucks, people + 1), escorts: Math.max(s.fleet.escorts, people + 1) } };
  if (!peopleFeasibility(huge).ok) {
    dropCritical();
    huge.closures = s.closures;
    const again = peopleFeasibility(huge);
    if (!again.ok) throw new Error(`generator bug: people cannot leave even with an unlimited fleet (${again.reason})`);
  }
  for (let round = 0; round < 200; round++) {
    const r = peopleFeasibility(s);
    if (r.ok) return;
    const grow = (x: number) => Math.max(x + 1, Math.ceil(x * 1.25));
    if (r.shortOf.trucks || !r.shortOf.escorts) s.fleet.trucks = grow(s.fleet.trucks);
    if (r.shortOf.escorts || !r.shortOf.trucks) s.fleet.escorts = grow(s.fleet.escorts);
  }
  throw new Error('generator bug: could not size the fleet for people');
}

// ---------------------------------------------------------------------------------------------
// Tiny instances for property tests

/**
 * A tiny, always valid and people-feasible instance: 1–2 camps, 0–1 hub, one exit, 1–3 lots of
 * 1–4 units, 1–2 personnel groups, a 6–12 day horizon, a small fleet, sometimes a closure.
 */
export function smallRandomScenario(seed: number): ScenarioInput {
  const rng = new Rng(seed, 2);
  const H = rng.int(6, 12);
  const start = addDays(DEFAULT_START, rng.int(0, 60));
  const nCamps = rng.int(1, 2);
  const hasHub = rng.chance(0.5);
  const names = new Names(rng);

  const exit = { ...names.fixed(rng.pick([...AIR_EXITS, ...ROAD_EXITS])), lat: 12.6 + rng.float(-0.3, 0.3), lon: -8 + rng.float(-0.3, 0.3) };
  const near = (p: { lat: number; lon: number }, spread: number) => ({ lat: round(p.lat + rng.float(-spread, spread), 4), lon: round(p.lon + rng.float(-spread, spread), 4) });
  const hub = hasHub ? { ...names.town(), ...near(exit, 1.5) } : undefined;
  const camps = Array.from({ length: nCamps }, () => ({ ...names.town(), ...near(hub ?? exit, 1.2) }));

  const legs: LegInput[] = [];
  const road = (a: { id: string; lat: number; lon: number }, b: { id: string; lat: number; lon: number }, risk: number): LegInput => {
    const km = Math.max(1, Math.round(haversineKm(a.lat, a.lon, b.lat, b.lon) * 1.3));
    return { from: a.id, to: b.id, mode: 'road', km, days: clamp(Math.ceil(km / rng.float(150, 300)), 1, 2), risk: round(risk, 2) };
  };
  const air = (a: { id: string; lat: number; lon: number }, b: { id: string; lat: number; lon: number }): LegInput => ({
    from: a.id, to: b.id, mode: 'air', km: Math.max(1, Math.round(haversineKm(a.lat, a.lon, b.lat, b.lon))), days: 1,
  });
  const riskOf = () => (rng.chance(0.4) ? 0 : rng.int(1, 9) / 10);

  // Deadlines: the hub's leaves room for its road out; each camp's for its road to the hub.
  const deadline = new Map<string, number>();
  let hubOut: LegInput | undefined;
  if (hub) {
    hubOut = road(hub, exit, riskOf());
    legs.push(hubOut);
    if (rng.chance(0.4)) legs.push(air(hub, exit));
    deadline.set(hub.id, rng.int(Math.max(2, H - hubOut.days - 3), H - hubOut.days));
  }
  for (const c of camps) {
    const target = hub ?? exit;
    const first = road(c, target, riskOf());
    legs.push(first);
    if (hub && rng.chance(0.3)) legs.push(road(c, exit, riskOf()));
    if (rng.chance(0.4)) legs.push(air(c, target));
    const max = (hub ? deadline.get(hub.id)! : H) - first.days;
    deadline.set(c.id, rng.int(Math.max(0, Math.min(max, 2)), max));
  }

  // Lots and people at random camps or the hub.
  const holders = [...camps.map((c) => c.id), ...(hub ? [hub.id] : [])];
  const lotsAt = new Map<string, LotInput[]>();
  const nLots = rng.int(1, 3);
  for (let k = 0; k < nLots; k++) {
    const at = rng.pick(holders);
    const kind = rng.pick(KINDS);
    const t = lotTraits(rng, kind);
    const owner = rng.chance(0.5) ? 'UN' : `COE/${rng.pick(COUNTRIES)}`;
    const lot: LotInput = { id: `${at}-${KIND_SHORT[kind]}-${k + 1}`, kind, count: rng.int(1, 4), truckloads: t.truckloads, value: t.value, owner };
    if (t.hazard) lot.hazard = t.hazard;
    lotsAt.set(at, [...(lotsAt.get(at) ?? []), lot]);
  }
  const groupsAt = new Map<string, GroupInput[]>();
  const nGroups = rng.int(1, 2);
  for (let k = 0; k < nGroups; k++) {
    const at = rng.pick(holders);
    const essential = k === 0 ? rng.chance(0.5) : !(groupsAt.get(at)?.[0]?.essential ?? rng.chance(0.5));
    const g: GroupInput = { group: `${at}-${essential ? 'force' : 'support'}-${k + 1}`, count: rng.int(1, 12), essential };
    groupsAt.set(at, [...(groupsAt.get(at) ?? []), g]);
  }

  const sites: SiteInput[] = [];
  for (const c of [...camps, ...(hub ? [hub] : [])]) {
    const site: SiteInput = { id: c.id, name: c.name, kind: c === hub ? 'hub' : 'camp', lat: c.lat, lon: c.lon, deadline: addDays(start, deadline.get(c.id)!) };
    const personnel = groupsAt.get(c.id) ?? [];
    const lots = lotsAt.get(c.id) ?? [];
    const essential = sum(personnel.filter((g) => g.essential).map((g) => g.count));
    if (essential > 0 && lots.length > 0 && rng.chance(0.5)) site.guard = rng.int(1, Math.min(3, essential));
    if (rng.chance(0.5)) site.recipient = rng.pick(RECIPIENTS);
    if (personnel.length > 0) site.personnel = personnel;
    if (lots.length > 0) site.lots = lots;
    sites.push(site);
  }
  sites.push({ id: exit.id, name: exit.name, kind: 'exit', lat: round(exit.lat, 4), lon: round(exit.lon, 4) });

  const closures: ClosureInput[] = [];
  if (rng.chance(0.3)) {
    const l = rng.pick(legs);
    const first = rng.int(0, H - 1);
    closures.push({ from: l.from, to: l.to, mode: l.mode, first: addDays(start, first), last: addDays(start, Math.min(H, first + rng.int(0, 2))), reason: rng.pick(CLOSURE_REASONS[l.mode]) });
  }

  const trucks = rng.int(1, 4);
  const scenario: ScenarioInput = {
    version: 1,
    mission: `Small test mission (seed ${seed})`,
    start,
    end: addDays(start, H),
    sites,
    legs,
    fleet: {
      trucks,
      truck_capacity: rng.pick([1, 1, 2]),
      seats_per_truck: rng.pick([4, 8, 12, 20]),
      convoy_max_trucks: rng.int(1, trucks),
      escorts: rng.int(0, 2),
      air: { sorties_per_day: rng.int(0, 2), seats: rng.pick([10, 20, 50]), truckloads: rng.pick([1, 2]) },
    },
    costs: {
      truck_km: rng.pick([1, 2, 3]),
      air_sortie: rng.pick([20000, 60000]),
      destroy_per_truckload: rng.pick([1000, 5000]),
      sell_recovers: rng.pick([0.1, 0.2, 0.3]),
      risk_per_truck: rng.pick([5000, 20000]),
      risk_per_person: rng.pick([500, 2000]),
    },
  };
  if (closures.length > 0) scenario.closures = closures;
  ensurePeopleFit(scenario, () => {
    delete scenario.closures;
  });
  return scenario;
}

export { toYaml } from '../src/domain/scenario/write.ts';
