// A leg's current risk: its scenario risk raised by recent incidents near its route.
//
//   risk = 1 − (1 − base) × Π over incidents (1 − w),   w = severity × nearness × freshness
//
// - severity: by ACLED event type (an IED or an armed clash on a road weighs far more than a
//   protest), plus 0.02 per person killed or injured, at most 1;
// - nearness: 1 within 10 km of the route (the straight segment between its ends), falling
//   linearly to 0 at 50 km;
// - freshness: halves every 14 days of the incident's age; incidents older than 60 days, or
//   dated after the day of the state, count nothing.
// Each factor is below 1, so the result stays within [base, 1] and grows with every incident.
import { daysBetween } from '../dates.ts';
import type { AcledEventType } from './acled.ts';

export const RISK_MODEL = { nearKm: 10, farKm: 50, halfLifeDays: 14, maxAgeDays: 60, perCasualty: 0.02 } as const;

const SEVERITY: Record<AcledEventType, number> = {
  'Explosions/Remote violence': 0.5,
  Battles: 0.4,
  'Violence against civilians': 0.25,
  Riots: 0.1,
  Protests: 0.03,
  'Strategic developments': 0.05,
};

export type RiskIncident = { on: string; event_type: AcledEventType; lat: number; lon: number; fatalities: number; injured?: number };
export type Point = { lat: number; lon: number };

export function incidentWeight(i: RiskIncident, from: Point, to: Point, asOf: string): number {
  const age = daysBetween(i.on, asOf);
  if (age < 0 || age > RISK_MODEL.maxAgeDays) return 0;
  const km = distanceToSegmentKm(i, from, to);
  if (km >= RISK_MODEL.farKm) return 0;
  const nearness = km <= RISK_MODEL.nearKm ? 1 : (RISK_MODEL.farKm - km) / (RISK_MODEL.farKm - RISK_MODEL.nearKm);
  const severity = Math.min(1, SEVERITY[i.event_type] + RISK_MODEL.perCasualty * (i.fatalities + (i.injured ?? 0)));
  return severity * nearness * 0.5 ** (age / RISK_MODEL.halfLifeDays);
}

export function raisedRisk(base: number, weights: readonly number[]): number {
  let keep = 1 - base;
  for (const w of weights) keep *= 1 - Math.min(0.95, Math.max(0, w));
  return 1 - keep;
}

/** Distance from a point to the segment a–b, in km, on a local equirectangular projection (good to a few % over a few hundred km). */
export function distanceToSegmentKm(p: Point, a: Point, b: Point): number {
  const R = 6371;
  const lat0 = ((a.lat + b.lat + p.lat) / 3) * (Math.PI / 180);
  const xy = (q: Point) => [q.lon * (Math.PI / 180) * Math.cos(lat0) * R, q.lat * (Math.PI / 180) * R] as const;
  const [px, py] = xy(p);
  const [ax, ay] = xy(a);
  const [bx, by] = xy(b);
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
