import { describe, expect, it } from 'vitest';
import { distanceToSegmentKm, incidentWeight, raisedRisk, RISK_MODEL } from './risk.ts';

const kidal = { lat: 18.4411, lon: 1.4078 };
const gao = { lat: 16.2717, lon: -0.0447 };
const ied = (over: Partial<Parameters<typeof incidentWeight>[0]> = {}) => ({ on: '2023-11-01', event_type: 'Explosions/Remote violence' as const, lat: 17.35, lon: 0.68, fatalities: 0, injured: 8, ...over });

describe('leg risk from incidents', () => {
  it('measures distance to the route, not to its ends', () => {
    expect(distanceToSegmentKm({ lat: 17.35, lon: 0.68 }, kidal, gao)).toBeLessThan(5);
    expect(distanceToSegmentKm(kidal, kidal, gao)).toBeCloseTo(0, 6);
    // Beyond an end the distance is to that end: Tessalit is about 200 km north of Kidal.
    expect(distanceToSegmentKm({ lat: 20.2, lon: 1.015 }, kidal, gao)).toBeGreaterThan(180);
  });

  it('weighs an incident by severity, nearness and age', () => {
    const fresh = incidentWeight(ied(), kidal, gao, '2023-11-01');
    expect(fresh).toBeCloseTo(0.5 + 8 * RISK_MODEL.perCasualty, 6);
    // Half as much two weeks later; nothing after 60 days, or before it happened.
    expect(incidentWeight(ied(), kidal, gao, '2023-11-15')).toBeCloseTo(fresh / 2, 6);
    expect(incidentWeight(ied(), kidal, gao, '2024-01-15')).toBe(0);
    expect(incidentWeight(ied(), kidal, gao, '2023-10-31')).toBe(0);
    // A protest weighs less than an IED; one 100 km off the road, nothing.
    expect(incidentWeight(ied({ event_type: 'Protests', injured: 0 }), kidal, gao, '2023-11-01')).toBeLessThan(fresh);
    expect(incidentWeight(ied({ lat: 16.5, lon: 1.5 }), kidal, gao, '2023-11-01')).toBe(0);
  });

  it('raises risk monotonically, and never above 1', () => {
    expect(raisedRisk(0.8, [])).toBe(0.8);
    const one = raisedRisk(0.8, [0.5]);
    const two = raisedRisk(0.8, [0.5, 0.5]);
    expect(one).toBeCloseTo(0.9, 9);
    expect(two).toBeGreaterThan(one);
    expect(raisedRisk(0.8, [1, 1, 1])).toBeLessThan(1);
    expect(raisedRisk(0.8, Array(500).fill(1))).toBeLessThanOrEqual(1);
  });
});
