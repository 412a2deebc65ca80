// Indexes of a scenario by id, shared by every check so each resolves ids the same way.
import type { Leg, Lot, PersonnelGroup, Scenario, Site } from '../../domain/scenario/schema.ts';
import { toEpochDay } from '../../domain/dates.ts';

export interface Lookup {
  scenario: Scenario;
  sites: Map<string, Site>;
  /** Lot id → the lot and the site it starts at. */
  lots: Map<string, { lot: Lot; site: Site }>;
  /** Group id → the group and the site it belongs to ("of a site" in rule 4). */
  groups: Map<string, { group: PersonnelGroup; site: Site }>;
  legs: Map<string, Leg>;
}

export function legKey(from: string, to: string, mode: string): string {
  return `${from}>${to}>${mode}`;
}

export function buildLookup(scenario: Scenario): Lookup {
  const sites = new Map<string, Site>();
  const lots = new Map<string, { lot: Lot; site: Site }>();
  const groups = new Map<string, { group: PersonnelGroup; site: Site }>();
  const legs = new Map<string, Leg>();
  for (const site of scenario.sites) {
    sites.set(site.id, site);
    for (const lot of site.lots) lots.set(lot.id, { lot, site });
    for (const group of site.personnel) groups.set(group.group, { group, site });
  }
  for (const leg of scenario.legs) legs.set(legKey(leg.from, leg.to, leg.mode), leg);
  return { scenario, sites, lots, groups, legs };
}

/** Camps and hubs close; exits do not. */
export function closes(site: Site): boolean {
  return site.kind !== 'exit';
}

/** The last day anything may be at a camp or hub; a site without its own deadline has the scenario's end. */
export function deadlineOf(scenario: Scenario, site: Site): string {
  return site.deadline ?? scenario.end;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Epoch day of a plan date, or null when it is not a real `YYYY-MM-DD` (reported as a reference error). */
export function dayOf(date: unknown): number | null {
  if (typeof date !== 'string' || !DATE.test(date)) return null;
  const d = toEpochDay(date);
  return Number.isFinite(d) && new Date(d * 86_400_000).toISOString().slice(0, 10) === date ? d : null;
}

/** Whole and positive, as every count in a plan must be. */
export function isWholePositive(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1;
}

/** "m1, m2, m3 and 4 more": keeps messages one short line. */
export function listIds(ids: readonly string[], max = 5): string {
  const unique = [...new Set(ids)];
  if (unique.length <= max) return unique.join(', ');
  return `${unique.slice(0, max).join(', ')} and ${unique.length - max} more`;
}

/** Numbers in messages: whole numbers as such, others rounded to a readable precision. */
export function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6);
}
