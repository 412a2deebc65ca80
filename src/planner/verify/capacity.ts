// Rules 7 and 9: what one convoy or one flight may carry, and how many flights leave a day.
import type { Movement, Plan } from '../../domain/plan/schema.ts';
import { fromEpochDay } from '../../domain/dates.ts';
import { dayOf, fmt, legKey, listIds, type Lookup } from './lookup.ts';
import { violation, type Violation } from './types.ts';

/** Float slack for truckload sums such as 0.1 + 0.2. */
const EPS = 1e-9;

function load(look: Lookup, m: Movement): { truckloads: number; people: number; banned: string[] } {
  let truckloads = 0;
  const banned: string[] = [];
  for (const c of m.cargo) {
    const found = look.lots.get(c.lot);
    if (!found) continue;
    truckloads += c.count * found.lot.truckloads;
    if (found.lot.kind === 'ammunition' || found.lot.kind === 'weapon') banned.push(`${c.lot} (${found.lot.kind})`);
  }
  return { truckloads, people: m.people.reduce((s, p) => s + p.count, 0), banned };
}

export function checkRoadCapacity(look: Lookup, plan: Plan): Violation[] {
  const out: Violation[] = [];
  const add = (message: string, where: string) => out.push(violation(7, 'road capacity', message, where));
  const { fleet } = look.scenario;
  for (const m of plan.movements) {
    if (m.mode !== 'road') continue;
    if (!Number.isInteger(m.trucks) || m.trucks < 1 || m.trucks > fleet.convoy_max_trucks) {
      add(`road movement ${m.id} has ${m.trucks} trucks; a convoy has a whole number from 1 to ${fleet.convoy_max_trucks}`, m.id);
    }
    if (!Number.isInteger(m.escorts) || m.escorts < 0) add(`road movement ${m.id} has ${m.escorts} escorts; it must be a whole number, 0 or more`, m.id);
    const { truckloads, people } = load(look, m);
    const space = m.trucks * fleet.truck_capacity;
    if (truckloads > space + EPS) {
      add(`road movement ${m.id} carries ${fmt(truckloads)} truckloads on ${m.trucks} trucks of capacity ${fmt(fleet.truck_capacity)} (room for ${fmt(space)})`, m.id);
    }
    const seats = m.trucks * fleet.seats_per_truck;
    if (people > seats) add(`road movement ${m.id} carries ${people} people on ${m.trucks} trucks of ${fleet.seats_per_truck} seats (room for ${seats})`, m.id);
    const leg = look.legs.get(legKey(m.from, m.to, 'road'));
    if (leg && leg.risk > 0 && !(m.escorts >= 1)) {
      add(`road movement ${m.id} crosses ${m.from} → ${m.to} (risk ${leg.risk}) with ${m.escorts} escorts; a risky leg needs at least 1`, m.id);
    }
  }
  return out;
}

export function checkAir(look: Lookup, plan: Plan): Violation[] {
  const out: Violation[] = [];
  const add = (message: string, where: string) => out.push(violation(9, 'air', message, where));
  const { air } = look.scenario.fleet;
  const perDay = new Map<number, string[]>();
  for (const m of plan.movements) {
    if (m.mode !== 'air') continue;
    const depart = dayOf(m.depart);
    if (depart !== null) perDay.set(depart, [...(perDay.get(depart) ?? []), m.id]);
    const { truckloads, people, banned } = load(look, m);
    if (people > air.seats) add(`air movement ${m.id} carries ${people} people; a sortie seats ${air.seats}`, m.id);
    if (truckloads > air.truckloads + EPS) add(`air movement ${m.id} carries ${fmt(truckloads)} truckloads; a sortie takes ${fmt(air.truckloads)}`, m.id);
    if (banned.length) add(`air movement ${m.id} carries ${banned.join(', ')}; ammunition and weapons do not fly`, m.id);
    // Trucks and escorts on a flight would be counted against the road fleet by nobody: reject them.
    if (m.trucks !== 0 || m.escorts !== 0) add(`air movement ${m.id} lists ${m.trucks} trucks and ${m.escorts} escorts; a flight uses neither (both must be 0)`, m.id);
  }
  // Mid-operation: sorties already flown on the first days count too.
  const start = dayOf(look.scenario.start)!;
  for (const b of look.scenario.progress?.busy ?? []) {
    for (let d = start; d <= (dayOf(b.until) ?? start); d++) {
      for (let k = 0; k < b.sorties; k++) perDay.set(d, [...(perDay.get(d) ?? []), b.movement ?? 'under way']);
    }
  }
  for (const [day, ids] of [...perDay].sort((a, b) => a[0] - b[0])) {
    if (ids.length > air.sorties_per_day) {
      add(`${ids.length} air movements depart on ${fromEpochDay(day)}, at most ${air.sorties_per_day} sorties a day (movements ${listIds(ids)})`, fromEpochDay(day));
    }
  }
  return out;
}
