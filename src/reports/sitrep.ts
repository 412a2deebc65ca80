// The daily situation report as data: what closed, who left, what was moved or disposed of and
// at what loss, movements, incidents, the restrictions tally, the next closures and the backup
// plans. Pure: the state, the plan and the recipient's clearance in; the report out. Records above
// the clearance are left out, and the report says how many.
import { addDays } from '../domain/dates.ts';
import { foldState } from '../domain/events/fold.ts';
import type { MissionEvent } from '../domain/events/schema.ts';
import type { MissionState } from '../domain/events/state.ts';
import { restrictionsTally, type TallyRow } from '../domain/events/tally.ts';
import type { Plan } from '../domain/plan/schema.ts';
import type { Scenario } from '../domain/scenario/schema.ts';
import { CLASSIFICATIONS, type Classification, cleared } from '../domain/security/access.ts';
import { disposalParts } from '../planner/disposal.ts';
import { realizedObjective } from '../planner/replan/realized.ts';

export type SitrepInput = {
  scenario: Scenario;
  events: readonly MissionEvent[];
  on: string;
  plan: Plan | null;
  backups: { name: string; mission_total: number | null }[];
  missionTotal: number | null;
  recipient: { name: string; clearance: Classification };
  copyId: string;
};

export type Sitrep = ReturnType<typeof sitrep>;

export function sitrep(input: SitrepInput) {
  const { scenario, on } = input;
  const state = foldState(scenario, input.events, on);
  const ok = (c: Classification | undefined) => cleared(input.recipient.clearance, c);
  const incidents = state.incidents.filter((i) => ok(i.classification));
  const restrictions = state.restrictions.filter((r) => ok(r.classification));
  const permits = state.permits.filter((p) => ok(p.classification));
  const withheld = state.incidents.length - incidents.length + state.restrictions.length - restrictions.length + state.permits.length - permits.length;
  const included = [...incidents, ...restrictions, ...permits].map((r) => r.classification ?? 'unclassified');
  const marking = included.reduce<Classification>((a, c) => (CLASSIFICATIONS.indexOf(c) > CLASSIFICATIONS.indexOf(a) ? c : a), 'unclassified');
  const exits = new Set(scenario.sites.filter((s) => s.kind === 'exit').map((s) => s.id));
  const groups = scenario.sites.flatMap((s) => s.personnel);
  const lots = scenario.sites.flatMap((s) => s.lots.map((l) => ({ ...l, home: s.id })));
  const count = (st: MissionState, inExits: boolean, prefix: 'grp:' | 'lot:', filter: (id: string) => boolean = () => true) => {
    let n = 0;
    for (const [site, items] of st.stock) if (exits.has(site) === inExits) for (const [k, v] of items) if (k.startsWith(prefix) && filter(k.slice(4))) n += v;
    return n;
  };
  const essential = new Set(groups.filter((g) => g.essential).map((g) => g.group));
  const inTransit = (st: MissionState, kind: 'people' | 'cargo') => [...st.movements.values()].filter((m) => !m.arrived && !exits.has(m.to)).reduce((a, m) => a + (kind === 'people' ? m.people : m.cargo).reduce((b, x) => b + x.count, 0), 0);
  const people = {
    total: groups.reduce((a, g) => a + g.count, 0),
    departed: count(state, true, 'grp:'),
    remaining: count(state, false, 'grp:') + inTransit(state, 'people'),
    remaining_essential: count(state, false, 'grp:', (g) => essential.has(g)),
    remaining_non_essential: count(state, false, 'grp:', (g) => !essential.has(g)),
  };
  // People remaining, week by week from the start.
  const series: { date: string; remaining: number }[] = [];
  for (let d = scenario.start; d <= on; d = addDays(d, 7)) {
    const st = foldState(scenario, input.events, d);
    series.push({ date: d, remaining: count(st, false, 'grp:') + inTransit(st, 'people') });
  }
  series.push({ date: on, remaining: people.remaining });
  const realized = realizedObjective(state);
  const byAction = new Map<string, number>();
  for (const d of state.dispositions) byAction.set(d.action, (byAction.get(d.action) ?? 0) + d.count);
  const equipment = ['vehicle', 'container', 'ammunition', 'weapon', 'generator', 'fuel', 'other'].map((kind) => {
    const of = lots.filter((l) => l.kind === kind);
    const ids = new Set(of.map((l) => l.id));
    return { kind, total: of.reduce((a, l) => a + l.count, 0), moved: count(state, true, 'lot:', (id) => ids.has(id)), disposed: of.reduce((a, l) => a + (state.disposed.get(l.id) ?? 0), 0), remaining: count(state, false, 'lot:', (id) => ids.has(id)) + [...state.movements.values()].filter((m) => !m.arrived && !exits.has(m.to)).reduce((a, m) => a + m.cargo.filter((c) => ids.has(c.lot)).reduce((b, c) => b + c.count, 0), 0) };
  }).filter((r) => r.total > 0);
  const owners = [...new Set(lots.map((l) => l.owner))].map((owner) => {
    const ids = new Set(lots.filter((l) => l.owner === owner).map((l) => l.id));
    return { owner, moved: count(state, true, 'lot:', (id) => ids.has(id)), disposed: lots.filter((l) => l.owner === owner).reduce((a, l) => a + (state.disposed.get(l.id) ?? 0), 0), remaining: count(state, false, 'lot:', (id) => ids.has(id)) };
  });
  const lotOf = new Map(lots.map((l) => [l.id, l]));
  const losses = [
    ...state.dispositions.map((d) => ({ when: d.on, lot: d.lot, site: d.site, count: d.count, action: d.action, value: disposalParts(scenario, lotOf.get(d.lot)!, d.action).valueLost * d.count, reason: d.notes ?? `certificate ${d.certificate.reference}`, done: true })),
    ...(input.plan?.dispositions ?? []).map((d) => ({ when: d.on, lot: d.lot, site: d.site, count: d.count, action: d.action, value: disposalParts(scenario, lotOf.get(d.lot)!, d.action).valueLost * d.count, reason: d.reason ?? '', done: false })),
  ].sort((a, b) => b.value - a.value).slice(0, 8);
  const movements = [...state.movements.values()];
  const within = (days: number) => movements.filter((m) => m.depart > addDays(on, -days) && m.depart <= on);
  const byType = new Map<string, number>();
  for (const i of incidents) byType.set(i.event_type, (byType.get(i.event_type) ?? 0) + 1);
  const byMonth = new Map<string, number>();
  for (const i of incidents) byMonth.set(i.on.slice(0, 7), (byMonth.get(i.on.slice(0, 7)) ?? 0) + 1);
  return {
    title: `Situation report — ${scenario.mission} — ${on}`,
    on,
    mission: scenario.mission,
    recipient: input.recipient,
    copy_id: input.copyId,
    marking,
    withheld,
    camps: state.sites.filter((s) => !exits.has(s.id)).map((s) => ({ id: s.id, name: scenario.sites.find((x) => x.id === s.id)!.name, status: s.status, deadline: s.deadline ?? null, closes_on: input.plan?.closures.find((c) => c.site === s.id)?.closes_on ?? null, handed_over: s.handedOver ? { on: s.handedOver.on, recipient: s.handedOver.recipient, environmental_closeout: s.handedOver.environmental_closeout, explosives_survey: s.handedOver.explosives_survey, certificate: s.handedOver.certificate.reference } : null })),
    people,
    people_series: series,
    equipment,
    owners,
    disposed_by_action: Object.fromEntries(byAction),
    value: { lost_so_far: realized.value_lost, lost_in_plan: input.plan?.objective.value_lost ?? null, mission_total: input.missionTotal },
    losses,
    movements_last_day: within(1).map(brief),
    movements_last_week: within(7).map(brief),
    under_way: movements.filter((m) => !m.arrived).map(brief),
    incidents: incidents.map((i) => ({ on: i.on, event_type: i.event_type, sub_event_type: i.sub_event_type, place: i.location.name, lat: i.location.lat, lon: i.location.lon, fatalities: i.fatalities, injured: i.injured ?? 0, classification: i.classification ?? 'unclassified' })),
    incidents_by_type: Object.fromEntries(byType),
    incidents_by_month: Object.fromEntries([...byMonth].sort()),
    tally: restrictionsTally({ restrictions, permits }),
    next_closures: (input.plan?.closures ?? []).filter((c) => c.closes_on >= on).sort((a, b) => a.closes_on.localeCompare(b.closes_on)),
    binding: input.plan?.binding ?? [],
    backups: input.backups,
    sites: scenario.sites.map((s) => ({ id: s.id, name: s.name, lat: s.lat, lon: s.lon, kind: s.kind, status: state.sites.find((x) => x.id === s.id)!.status })),
  };
}

function brief(m: { id: string; mode: string; from: string; to: string; depart: string; arrive: string; trucks: number; people: { count: number }[]; cargo: { count: number }[] }) {
  return { id: m.id, mode: m.mode, from: m.from, to: m.to, depart: m.depart, arrive: m.arrive, trucks: m.trucks, people: m.people.reduce((a, p) => a + p.count, 0), units: m.cargo.reduce((a, c) => a + c.count, 0) };
}

export type { TallyRow };
