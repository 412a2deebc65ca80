// Reading the mission: map, state, plan, equipment, restrictions, incidents, backup plans, log.
// Records above the caller's clearance are left out; each confidential record read is audited.
import { z } from 'zod';
import { isoDate } from '../../domain/scenario/schema.ts';
import { stateView } from '../../domain/events/view.ts';
import { restrictionsTally } from '../../domain/events/tally.ts';
import { ACLED_EVENT_TYPE_NAMES } from '../../domain/events/acled.ts';
import { cleared, type Classification } from '../../domain/security/access.ts';
import { loadMission, stateOn } from '../../operations/mission.ts';
import { borders } from '../map.ts';
import { type Ctx, route } from '../route.ts';
import type { MissionEvent } from '../../domain/events/schema.ts';

const asOfQuery = z.strictObject({ as_of: isoDate.optional() });

/** The records a user may see, with each confidential one read written to the audit trail. */
export async function visible<T extends { classification?: Classification }>(ctx: Ctx, records: T[], label: (r: T) => string): Promise<T[]> {
  const out = records.filter((r) => cleared(ctx.user.clearance, r.classification));
  for (const r of out) if (r.classification && r.classification !== 'unclassified') await ctx.audit('read', label(r), r.classification);
  return out;
}

const incidentLabel = (e: MissionEvent) => `incident ${e.on} ${'location' in e ? e.location.name : ''}`;

export const missionRoutes = [
  route({
    // Borders never change, while the map's records change with every write: apart, the web app
    // fetches them once and each map read stays small.
    method: 'GET', url: '/api/borders', summary: 'Country borders for the map: Mali and its neighbours as GeoJSON (Natural Earth)', access: 'signed_in', cacheable: true,
    async handler() {
      return borders();
    },
  }),
  route({
    method: 'GET', url: '/api/map', summary: 'Sites with their status, legs with their risk, convoys under way, closures and incidents', access: 'mission.read', cacheable: true, query: asOfQuery, classified: true,
    async handler(ctx) {
      const m = await loadMission(ctx.services.store);
      const state = stateOn(m, ctx.query.as_of);
      const view = stateView(state);
      const incidents = await visible(ctx, state.incidents, incidentLabel);
      return {
        as_of: state.asOf,
        sites: state.scenario.sites.map((s) => ({ id: s.id, name: s.name, kind: s.kind, lat: s.lat, lon: s.lon, deadline: s.deadline ?? null, status: view.sites.find((x) => x.id === s.id)!.status, people: view.sites.find((x) => x.id === s.id)!.people })),
        legs: state.scenario.legs.map((l) => ({ from: l.from, to: l.to, mode: l.mode, risk: l.risk, base_risk: state.base.legs.find((b) => b.from === l.from && b.to === l.to && b.mode === l.mode)!.risk, closed: state.closures.some((c) => c.from === l.from && c.to === l.to && c.mode === l.mode && c.first <= state.asOf && c.last >= state.asOf) })),
        under_way: view.in_transit,
        incidents: incidents.map((i) => ({ on: i.on, event_type: i.event_type, sub_event_type: i.sub_event_type, location: i.location, fatalities: i.fatalities, classification: i.classification ?? 'unclassified' })),
        denied_permits: state.permits.filter((p) => p.type === 'permit_denied').map((p) => ({ from: p.from, to: p.to, mode: p.mode, for_date: p.for_date })),
      };
    },
  }),
  route({
    method: 'GET', url: '/api/state', summary: 'The mission on a day: sites, holdings, movements under way, fleet, closures, leg risks', access: 'mission.read', cacheable: true, query: asOfQuery,
    async handler(ctx) {
      return stateView(stateOn(await loadMission(ctx.services.store), ctx.query.as_of));
    },
  }),
  route({
    method: 'GET', url: '/api/plan', summary: 'The current plan, with what it changed and the mission total', access: 'mission.read', cacheable: true,
    async handler(ctx) {
      const stored = await ctx.services.store.plan('current');
      const fleet = stateOn(await loadMission(ctx.services.store)).fleet;
      const capacity = { trucks: fleet.trucks, escorts: fleet.escorts, sorties_per_day: fleet.air.sorties_per_day };
      return stored ? { as_of: stored.asOf, plan: stored.plan, summary: stored.summary, capacity } : { as_of: null, plan: null, summary: null, capacity };
    },
  }),
  route({
    method: 'GET', url: '/api/equipment', summary: 'Lots by site, kind and owner; where their units are; value moved, lost and at risk', access: 'mission.read', cacheable: true,
    async handler(ctx) {
      const m = await loadMission(ctx.services.store);
      const state = stateOn(m);
      const plan = (await ctx.services.store.plan('current'))?.plan;
      const exits = new Set(m.scenario.sites.filter((s) => s.kind === 'exit').map((s) => s.id));
      const planned = new Map<string, number>();
      for (const d of plan?.dispositions ?? []) planned.set(d.lot, (planned.get(d.lot) ?? 0) + d.count);
      const lots = m.scenario.sites.flatMap((site) => site.lots.map((lot) => {
        const at: Record<string, number> = {};
        let moved = 0;
        for (const [where, items] of state.stock) {
          const n = items.get(`lot:${lot.id}`) ?? 0;
          if (n <= 0) continue;
          if (exits.has(where)) moved += n;
          else at[where] = n;
        }
        const transit = [...state.movements.values()].filter((mv) => !mv.arrived).reduce((a, mv) => a + (mv.cargo.find((c) => c.lot === lot.id)?.count ?? 0), 0);
        const disposed = state.disposed.get(lot.id) ?? 0;
        return { id: lot.id, site: site.id, kind: lot.kind, owner: lot.owner, value: lot.value, count: lot.count, at, in_transit: transit, moved_out: moved, disposed, planned_disposal: planned.get(lot.id) ?? 0 };
      }));
      const sum = (f: (l: (typeof lots)[number]) => number) => lots.reduce((a, l) => a + f(l) * l.value, 0);
      return { as_of: state.asOf, lots, totals: { value_moved: sum((l) => l.moved_out), value_lost: sum((l) => l.disposed), value_at_risk: sum((l) => l.planned_disposal) } };
    },
  }),
  route({
    method: 'GET', url: '/api/restrictions', summary: 'Permits and restrictions: the records, and the tally by domain and month', access: 'mission.read', cacheable: true, classified: true,
    async handler(ctx) {
      const state = stateOn(await loadMission(ctx.services.store));
      const restrictions = await visible(ctx, state.restrictions, (r) => `restriction ${r.on} ${r.domain}`);
      const permits = await visible(ctx, state.permits, (p) => `${p.type} ${p.on}`);
      return { restrictions, permits, tally: restrictionsTally({ restrictions, permits }) };
    },
  }),
  route({
    method: 'GET', url: '/api/incidents', summary: 'Incidents, filtered by ACLED type, actor, place and date', access: 'mission.read', cacheable: true, classified: true,
    query: z.strictObject({ event_type: z.enum(ACLED_EVENT_TYPE_NAMES).optional(), actor: z.string().optional(), place: z.string().optional(), from: isoDate.optional(), to: isoDate.optional() }),
    async handler(ctx) {
      const q = ctx.query;
      const state = stateOn(await loadMission(ctx.services.store));
      const matches = state.incidents.filter((i) =>
        (!q.event_type || i.event_type === q.event_type) &&
        (!q.actor || i.actors.some((a) => a.name.toLowerCase().includes(q.actor!.toLowerCase()))) &&
        (!q.place || i.location.name.toLowerCase().includes(q.place.toLowerCase())) &&
        (!q.from || i.on >= q.from) && (!q.to || i.on <= q.to));
      return { incidents: await visible(ctx, matches, incidentLabel) };
    },
  }),
  route({
    method: 'GET', url: '/api/backups', summary: 'The saved backup plans with their standing against the current plan', access: 'mission.read',
    async handler(ctx) {
      const plans = await ctx.services.store.plans();
      return { plans: plans.map((p) => ({ name: p.name, kind: p.kind, as_of: p.asOf, events: p.events, summary: p.summary, movements: p.plan.movements.length, dispositions: p.plan.dispositions.length, closures: p.plan.closures })) };
    },
  }),
  route({
    method: 'GET', url: '/api/log', summary: 'The audit trail of the mission: log entries, filterable by type', access: 'log.read', classified: true,
    query: z.strictObject({ type: z.string().optional() }),
    async handler(ctx) {
      const entries = await ctx.services.store.entries(ctx.query.type ? { type: ctx.query.type } : {});
      const shown = await visible(ctx, entries.map((e) => ({ ...e, classification: e.event.classification })), (e) => `log #${e.seq}`);
      const hidden = entries.length - shown.length;
      return { entries: shown.map(({ classification: _c, ...e }) => e), hidden };
    },
  }),
];
