// The state as plain data for `drawdown state --format json` and the API: sites with their
// status and holdings, movements under way, fleet in use, closures, leg risks, the records.
import type { MissionState } from './state.ts';

export function stateView(state: MissionState) {
  const holdings = (site: string) => {
    const lots: Record<string, number> = {};
    const people: Record<string, number> = {};
    for (const [key, n] of state.stock.get(site) ?? []) {
      if (n <= 0) continue;
      if (key.startsWith('lot:')) lots[key.slice(4)] = n;
      else people[key.slice(4)] = n;
    }
    return { lots, people };
  };
  const underWay = [...state.movements.values()].filter((m) => !m.arrived);
  const busy = [...state.movements.values()].filter((m) => m.mode === 'road' && m.depart <= state.asOf && m.busyUntil >= state.asOf);
  const sortiesToday = [...state.movements.values()].filter((m) => m.mode === 'air' && m.depart === state.asOf).length;
  return {
    as_of: state.asOf,
    mission: state.scenario.mission,
    events_applied: state.applied,
    sites: state.sites.map((s) => {
      const h = holdings(s.id);
      const people = Object.values(h.people).reduce((a, n) => a + n, 0);
      const units = Object.values(h.lots).reduce((a, n) => a + n, 0);
      return {
        id: s.id,
        kind: state.scenario.sites.find((x) => x.id === s.id)!.kind,
        status: s.status,
        ...(s.deadline ? { deadline: s.deadline } : {}),
        ...(s.emptiedOn ? { emptied_on: s.emptiedOn } : {}),
        ...(s.handedOver ? { handed_over: { on: s.handedOver.on, recipient: s.handedOver.recipient, environmental_closeout: s.handedOver.environmental_closeout, explosives_survey: s.handedOver.explosives_survey, certificate: s.handedOver.certificate.reference } } : {}),
        // At an exit: what has arrived there, that is, left the theatre.
        people,
        units,
        lots: h.lots,
        personnel: h.people,
      };
    }),
    in_transit: underWay.map((m) => ({ movement: m.id, mode: m.mode, from: m.from, to: m.to, departed: m.depart, expected: m.arrive, delay_days: m.delayDays, trucks: m.trucks, escorts: m.escorts, people: m.people, cargo: m.cargo })),
    disposed: Object.fromEntries(state.disposed),
    fleet: {
      trucks: state.fleet.trucks,
      escorts: state.fleet.escorts,
      sorties_per_day: state.fleet.air.sorties_per_day,
      busy_today: { trucks: busy.reduce((a, m) => a + m.trucks, 0), escorts: busy.reduce((a, m) => a + m.escorts, 0), sorties: sortiesToday },
    },
    closures: state.closures.filter((c) => c.last >= state.asOf),
    leg_risks: state.legRisks.filter((r) => r.mode === 'road').map((r) => ({ leg: `${r.from}→${r.to}`, base: r.base, current: r.current, incidents: r.incidents })),
    permits: { requested: state.permits.filter((p) => p.type === 'permit_requested').length, granted: state.permits.filter((p) => p.type === 'permit_granted').length, denied: state.permits.filter((p) => p.type === 'permit_denied').length },
    incidents: state.incidents.length,
    restrictions: state.restrictions.length,
  };
}

export type StateView = ReturnType<typeof stateView>;
