// The state as a scenario of its own: what remains, where it is, from the state's day on. Any
// state can so be planned, verified and shared as a plain file (`drawdown state --format yaml`).
// What is away from its own site, or still on its way, is written under `progress` (an addition
// of this project to SCENARIO.md), and so are trucks and escorts held by movements under way.
import type { Located, Busy, Scenario } from '../scenario/schema.ts';
import type { MissionState } from './state.ts';

/**
 * `constraints`, when given, is a state with hypothetical events folded in (a what-if): its
 * deadlines, closures, fleet and leg risks are used, with the positions of `state`.
 */
export function residualScenario(state: MissionState, constraints: MissionState = state): Scenario {
  const s = constraints.scenario;
  const exits = new Set(s.sites.filter((x) => x.kind === 'exit').map((x) => x.id));
  const located: Located[] = [];
  const remaining = new Map<string, number>();
  const note = (key: string, n: number) => remaining.set(key, (remaining.get(key) ?? 0) + n);
  const homeOf = new Map<string, string>();
  for (const site of s.sites) {
    for (const lot of site.lots) homeOf.set(`lot:${lot.id}`, site.id);
    for (const g of site.personnel) homeOf.set(`grp:${g.group}`, site.id);
  }
  const entry = (key: string, site: string, count: number, extra: Partial<Located> = {}): Located =>
    key.startsWith('lot:') ? { lot: key.slice(4), site, count, ...extra } : { group: key.slice(4), site, count, ...extra };
  for (const [site, items] of state.stock) {
    if (exits.has(site)) continue;
    for (const [key, n] of items) {
      if (n <= 0) continue;
      note(key, n);
      if (homeOf.get(key) !== site) located.push(entry(key, site, n));
    }
  }
  const busy: Busy[] = [];
  for (const m of state.movements.values()) {
    if (m.mode === 'road' && m.busyUntil >= state.asOf && (m.trucks > 0 || m.escorts > 0)) busy.push({ until: m.busyUntil, trucks: m.trucks, escorts: m.escorts, sorties: 0, movement: m.id });
    if (m.mode === 'air' && m.depart === state.asOf) busy.push({ until: m.depart, trucks: 0, escorts: 0, sorties: 1, movement: m.id });
    if (m.arrived || exits.has(m.to)) continue;
    // Overdue movements are taken to arrive on the state's day.
    const arrives = m.arrive > state.asOf ? m.arrive : state.asOf;
    for (const p of m.people) {
      note(`grp:${p.group}`, p.count);
      located.push(entry(`grp:${p.group}`, m.to, p.count, { arrives, movement: m.id }));
    }
    for (const c of m.cargo) {
      note(`lot:${c.lot}`, c.count);
      located.push(entry(`lot:${c.lot}`, m.to, c.count, { arrives, movement: m.id }));
    }
  }
  return {
    ...s,
    start: state.asOf,
    sites: s.sites.map((site) => ({
      ...site,
      lots: site.lots.flatMap((l) => (remaining.get(`lot:${l.id}`) ? [{ ...l, count: remaining.get(`lot:${l.id}`)! }] : [])),
      personnel: site.personnel.flatMap((g) => (remaining.get(`grp:${g.group}`) ? [{ ...g, count: remaining.get(`grp:${g.group}`)! }] : [])),
    })),
    closures: s.closures.filter((c) => c.last >= state.asOf),
    fleet: s.fleet,
    progress: { since: state.base.start, located, busy },
  };
}
