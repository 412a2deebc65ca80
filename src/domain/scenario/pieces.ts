// A scenario that starts mid-operation (with `progress`) has lots and groups split over several
// places: part at their own site, part elsewhere, part still arriving. Each such part is a
// piece. The planner plans pieces; the plan speaks of the original lots and groups again.
import type { Lot, PersonnelGroup, Scenario, Site } from './schema.ts';

type PieceBase = {
  /** Unique among pieces: the original id for the part at its own site, a derived id otherwise. */
  id: string;
  /** The lot or group this is part of. */
  origin: string;
  /** The site the lot or group is listed under ("of a site" in rule 4). */
  home: string;
  /** Where the piece is (or is going, when `arrives` is set). */
  site: string;
  count: number;
  arrives?: string;
};
export type LotPiece = PieceBase & { lot: Lot };
export type GroupPiece = PieceBase & { group: PersonnelGroup };

export type Pieces = { lots: LotPiece[]; groups: GroupPiece[] };

/** How many of each lot and group are located away from their own site (or arriving). */
export function locatedTotals(s: Scenario): { lots: Map<string, number>; groups: Map<string, number> } {
  const lots = new Map<string, number>();
  const groups = new Map<string, number>();
  for (const l of s.progress?.located ?? []) {
    if (l.lot !== undefined) lots.set(l.lot, (lots.get(l.lot) ?? 0) + l.count);
    if (l.group !== undefined) groups.set(l.group, (groups.get(l.group) ?? 0) + l.count);
  }
  return { lots, groups };
}

export function piecesOf(s: Scenario): Pieces {
  const away = locatedTotals(s);
  const lotById = new Map<string, { lot: Lot; home: Site }>();
  const groupById = new Map<string, { group: PersonnelGroup; home: Site }>();
  for (const site of s.sites) {
    for (const lot of site.lots) lotById.set(lot.id, { lot, home: site });
    for (const group of site.personnel) groupById.set(group.group, { group, home: site });
  }
  const taken = new Set<string>([...lotById.keys(), ...groupById.keys()]);
  const fresh = (base: string) => {
    let id = base;
    for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
    taken.add(id);
    return id;
  };
  const lots: LotPiece[] = [];
  const groups: GroupPiece[] = [];
  for (const [id, { lot, home }] of lotById) {
    const n = lot.count - (away.lots.get(id) ?? 0);
    if (n > 0) lots.push({ id, origin: id, home: home.id, site: home.id, count: n, lot });
  }
  for (const [id, { group, home }] of groupById) {
    const n = group.count - (away.groups.get(id) ?? 0);
    if (n > 0) groups.push({ id, origin: id, home: home.id, site: home.id, count: n, group });
  }
  // Parts at the same place arriving on the same day are one piece.
  const merged = new Map<string, LotPiece | GroupPiece>();
  for (const l of s.progress?.located ?? []) {
    const origin = (l.lot ?? l.group)!;
    const key = `${l.lot !== undefined ? 'lot' : 'grp'}|${origin}|${l.site}|${l.arrives ?? ''}`;
    const prior = merged.get(key);
    if (prior) {
      prior.count += l.count;
      continue;
    }
    const suffix = l.arrives ? `--to-${l.site}-${l.arrives}` : `--at-${l.site}`;
    if (l.lot !== undefined) {
      const found = lotById.get(l.lot);
      if (!found) continue; // an unknown id is a semantic error reported elsewhere
      const piece: LotPiece = { id: fresh(`${origin}${suffix}`), origin, home: found.home.id, site: l.site, count: l.count, lot: found.lot, ...(l.arrives ? { arrives: l.arrives } : {}) };
      lots.push(piece);
      merged.set(key, piece);
    } else {
      const found = groupById.get(l.group!);
      if (!found) continue;
      const piece: GroupPiece = { id: fresh(`${origin}${suffix}`), origin, home: found.home.id, site: l.site, count: l.count, group: found.group, ...(l.arrives ? { arrives: l.arrives } : {}) };
      groups.push(piece);
      merged.set(key, piece);
    }
  }
  return { lots, groups };
}

/**
 * The scenario with every piece listed as a lot or group of its own at the site it is at (or
 * will be), available from the start, and no fleet held by movements under way. Every plan of
 * the real scenario is a plan of this one, so its LP relaxation is still a lower bound.
 */
export function relaxedScenario(s: Scenario): Scenario {
  if (!s.progress) return s;
  const { lots, groups } = piecesOf(s);
  const { progress: _drop, ...rest } = s;
  return {
    ...rest,
    sites: s.sites.map((site) => ({
      ...site,
      deadline: site.deadline !== undefined && site.deadline < s.start ? s.start : site.deadline,
      lots: lots.filter((p) => p.site === site.id).map((p) => ({ ...p.lot, id: p.id, count: p.count })),
      personnel: groups.filter((p) => p.site === site.id).map((p) => ({ ...p.group, group: p.id, count: p.count })),
    })),
  };
}
