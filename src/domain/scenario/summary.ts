// The figures `drawdown validate` prints: what the scenario holds, at a glance.
import { daysBetween } from '../dates.ts';
import { SITE_KINDS, type Scenario, type SiteKind } from './schema.ts';

export type ScenarioSummary = {
  mission: string;
  horizon: { start: string; end: string; days: number };
  sites: Record<SiteKind, number>;
  legs: { road: number; air: number };
  people: { total: number; essential: number; non_essential: number };
  lots: number;
  units: number;
  truckloads: number;
  value: number;
  closures: number;
};

export function summarize(s: Scenario): ScenarioSummary {
  const sites = Object.fromEntries(SITE_KINDS.map((k) => [k, 0])) as Record<SiteKind, number>;
  let essential = 0, nonEssential = 0, lots = 0, units = 0, truckloads = 0, value = 0;
  for (const site of s.sites) {
    sites[site.kind] += 1;
    for (const g of site.personnel) g.essential ? (essential += g.count) : (nonEssential += g.count);
    for (const lot of site.lots) {
      lots += 1;
      units += lot.count;
      truckloads += lot.count * lot.truckloads;
      value += lot.count * lot.value;
    }
  }
  return {
    mission: s.mission,
    // The horizon counts both its first and its last day.
    horizon: { start: s.start, end: s.end, days: daysBetween(s.start, s.end) + 1 },
    sites,
    legs: { road: s.legs.filter((l) => l.mode === 'road').length, air: s.legs.filter((l) => l.mode === 'air').length },
    people: { total: essential + nonEssential, essential, non_essential: nonEssential },
    lots,
    units,
    truckloads,
    value,
    closures: s.closures.length,
  };
}
