import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseScenario } from '../src/domain/scenario/parse.ts';
import { scenarioSchema, type ScenarioInput } from '../src/domain/scenario/schema.ts';
import { daysBetween } from '../src/domain/dates.ts';
import { allocate, generateScenario, peopleFeasibility, PRESETS, Rng, smallRandomScenario, toYaml, type GenerateOptions } from './generate.ts';

const units = (s: ScenarioInput) => s.sites.flatMap((x) => x.lots ?? []).reduce((a, l) => a + l.count, 0);
const people = (s: ScenarioInput) => s.sites.flatMap((x) => x.personnel ?? []).reduce((a, g) => a + g.count, 0);
const ofKind = (s: ScenarioInput, kind: string) => s.sites.filter((x) => x.kind === kind);

/** Valid through the real parser (schema + semantic checks), and people can all get out. */
function expectValid(s: ScenarioInput, label: string): void {
  const r = parseScenario(toYaml(s), 'generated');
  if (!r.ok) expect.fail(`${label}: ${r.problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  const p = peopleFeasibility(s);
  expect(p.ok, `${label}: ${p.reason}`).toBe(true);
}

function expectTotals(s: ScenarioInput, o: GenerateOptions): void {
  expect(Math.abs(units(s) - o.units)).toBeLessThanOrEqual(o.units * 0.05);
  expect(Math.abs(people(s) - o.people)).toBeLessThanOrEqual(o.people * 0.05);
}

/** Each camp: a road leg to a hub whose deadline leaves time, and a road from that hub out in time. */
function expectRoadsOutInTime(s: ScenarioInput): void {
  const byId = new Map(s.sites.map((x) => [x.id, x]));
  for (const camp of ofKind(s, 'camp')) {
    const ok = s.legs.some((l) => {
      if (l.from !== camp.id || l.mode !== 'road') return false;
      const to = byId.get(l.to)!;
      const arrive = daysBetween(s.start, camp.deadline!) + l.days;
      if (to.kind === 'exit') return arrive <= daysBetween(s.start, s.end);
      if (arrive > daysBetween(s.start, to.deadline!)) return false;
      return s.legs.some((m) => m.from === to.id && m.mode === 'road' && byId.get(m.to)!.kind === 'exit' && daysBetween(s.start, to.deadline!) + m.days <= daysBetween(s.start, s.end));
    });
    expect(ok, `camp ${camp.id} has no road out in time`).toBe(true);
  }
}

describe('Rng and allocate', () => {
  it('is deterministic and spreads', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const xs = Array.from({ length: 100 }, () => a.float());
    expect(Array.from({ length: 100 }, () => b.float())).toEqual(xs);
    expect(new Set(xs).size).toBe(100);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Rng(43).float()).not.toBe(new Rng(42).float());
  });

  it('allocates exactly, with minimums', () => {
    expect(allocate(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(allocate(100, [3, 1], 1).reduce((a, b) => a + b)).toBe(100);
    expect(allocate(2, [1, 1, 1, 1], 1).reduce((a, b) => a + b)).toBe(2);
    expect(allocate(7, [0, 0], 0)).toEqual([4, 3]);
    expect(allocate(5, [])).toEqual([]);
  });
});

describe('determinism', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('never calls Math.random', () => {
    vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random called');
    });
    expect(() => generateScenario({ ...PRESETS.minusmaScale, seed: 9 })).not.toThrow();
    expect(() => smallRandomScenario(9)).not.toThrow();
  });

  it('gives the same YAML for the same seed, and a different one for another seed', () => {
    const a = toYaml(generateScenario(PRESETS.minusmaScale));
    const b = toYaml(generateScenario(PRESETS.minusmaScale));
    expect(a).toBe(b);
    expect(toYaml(generateScenario({ ...PRESETS.minusmaScale, seed: 2 }))).not.toBe(a);
    for (let seed = 0; seed < 20; seed++) expect(toYaml(smallRandomScenario(seed))).toBe(toYaml(smallRandomScenario(seed)));
    expect(toYaml(smallRandomScenario(1))).not.toBe(toYaml(smallRandomScenario(2)));
  });

  it('round-trips through YAML unchanged', () => {
    const s = generateScenario({ ...PRESETS.minusmaScale, seed: 3 });
    const r = parseScenario(toYaml(s), 'generated');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.scenario).toEqual(scenarioSchema.parse(s));
  });
});

describe('smallRandomScenario', () => {
  it('is valid, people-feasible and tiny for 200 seeds', () => {
    for (let seed = 0; seed < 200; seed++) {
      const s = smallRandomScenario(seed);
      expectValid(s, `small seed ${seed}`);
      expectRoadsOutInTime(s);
      const camps = ofKind(s, 'camp').length;
      expect(camps).toBeGreaterThanOrEqual(1);
      expect(camps).toBeLessThanOrEqual(2);
      expect(ofKind(s, 'hub').length).toBeLessThanOrEqual(1);
      expect(ofKind(s, 'exit').length).toBe(1);
      const lots = s.sites.flatMap((x) => x.lots ?? []);
      expect(lots.length).toBeGreaterThanOrEqual(1);
      expect(lots.length).toBeLessThanOrEqual(3);
      expect(lots.every((l) => l.count >= 1 && l.count <= 4)).toBe(true);
      const groups = s.sites.flatMap((x) => x.personnel ?? []);
      expect(groups.length).toBeGreaterThanOrEqual(1);
      expect(groups.length).toBeLessThanOrEqual(2);
      const horizon = daysBetween(s.start, s.end);
      expect(horizon).toBeGreaterThanOrEqual(6);
      expect(horizon).toBeLessThanOrEqual(12);
    }
  });

  it('sometimes has a closure, an air leg, a hub, a risky road', () => {
    const all = Array.from({ length: 200 }, (_, seed) => smallRandomScenario(seed));
    expect(all.some((s) => (s.closures ?? []).length > 0)).toBe(true);
    expect(all.some((s) => s.legs.some((l) => l.mode === 'air'))).toBe(true);
    expect(all.some((s) => ofKind(s, 'hub').length === 1)).toBe(true);
    expect(all.some((s) => ofKind(s, 'hub').length === 0)).toBe(true);
    expect(all.some((s) => s.legs.some((l) => (l.risk ?? 0) > 0))).toBe(true);
  });
});

describe('generateScenario', () => {
  it('MINUSMA scale: valid, feasible for people, totals within 5 % for 5 seeds', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const o = { ...PRESETS.minusmaScale, seed };
      const s = generateScenario(o);
      expectValid(s, `minusma seed ${seed}`);
      expectTotals(s, o);
      expectRoadsOutInTime(s);
      expect(ofKind(s, 'camp')).toHaveLength(13);
      expect(ofKind(s, 'hub')).toHaveLength(2);
      expect(ofKind(s, 'exit')).toHaveLength(2);
      expect(daysBetween(s.start, s.end)).toBe(180);
    }
  });

  it('MINUSMA scale: realistic contents', () => {
    const s = generateScenario(PRESETS.minusmaScale);
    const lots = s.sites.flatMap((x) => x.lots ?? []);
    for (const kind of ['vehicle', 'container', 'ammunition', 'weapon', 'generator', 'fuel', 'other']) {
      expect(lots.some((l) => l.kind === kind), kind).toBe(true);
    }
    expect(lots.filter((l) => l.kind === 'ammunition').every((l) => l.truckloads === 1)).toBe(true);
    expect(lots.filter((l) => l.kind === 'weapon').every((l) => l.truckloads >= 0.1 && l.truckloads <= 0.5)).toBe(true);
    expect(lots.filter((l) => l.kind === 'generator').every((l) => l.truckloads >= 0.5 && l.truckloads <= 1)).toBe(true);
    const vehicles = lots.filter((l) => l.kind === 'vehicle');
    expect(vehicles.filter((l) => l.truckloads === 0).length).toBeGreaterThan(vehicles.length / 2);
    expect(lots.some((l) => l.owner === 'UN')).toBe(true);
    expect(lots.some((l) => l.owner.startsWith('COE/'))).toBe(true);
    expect(lots.every((l) => l.value > 0)).toBe(true);
    // Each site with people has both essential and non-essential groups.
    for (const site of s.sites.filter((x) => (x.personnel ?? []).length > 0)) {
      expect(site.personnel!.some((g) => g.essential)).toBe(true);
      expect(site.personnel!.some((g) => !g.essential)).toBe(true);
    }
    // Camps close before the hubs; everything by the end.
    const lastCamp = ofKind(s, 'camp').map((x) => x.deadline!).sort().at(-1)!;
    const firstHub = ofKind(s, 'hub').map((x) => x.deadline!).sort()[0]!;
    expect(lastCamp < firstHub).toBe(true);
    expect(s.sites.every((x) => !x.deadline || x.deadline <= s.end)).toBe(true);
    // Roads are longer than the straight line; risks stay in 0..0.9.
    expect(s.legs.filter((l) => l.mode === 'road').every((l) => (l.risk ?? 0) >= 0 && (l.risk ?? 0) <= 0.9)).toBe(true);
    expect(s.legs.some((l) => l.mode === 'air')).toBe(true);
    expect((s.closures ?? []).length).toBeGreaterThan(0);
    expect(s.fleet.trucks).toBeGreaterThan(0);
    expect(s.fleet.escorts).toBeGreaterThan(0);
    expect(s.costs).toEqual({ truck_km: 3, air_sortie: 60000, destroy_per_truckload: 5000, sell_recovers: 0.2, risk_per_truck: 20000, risk_per_person: 2000 });
  });

  it('is tight for cargo: even busy all horizon long, the trucks cannot carry all cargo out by road', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const s = generateScenario({ ...PRESETS.minusmaScale, seed });
      // Fewest road days from each site to an exit (deadlines and closures ignored).
      const out = new Map(s.sites.map((x) => [x.id, x.kind === 'exit' ? 0 : Infinity]));
      for (let round = 0; round < s.sites.length; round++) {
        for (const l of s.legs.filter((x) => x.mode === 'road')) out.set(l.from, Math.min(out.get(l.from)!, out.get(l.to)! + l.days));
      }
      // Each truckload needs a truck for a round trip on every leg of its way out.
      const needed = s.sites.reduce((a, x) => a + (x.lots ?? []).reduce((b, l) => b + l.count * l.truckloads, 0) * 2 * out.get(x.id)!, 0);
      expect(s.fleet.trucks * daysBetween(s.start, s.end)).toBeLessThan(needed);
      // ... while people fit (checked by peopleFeasibility in the validity test).
    }
  });

  it('stress10x: valid, feasible for people, totals within 5 %', () => {
    const o = PRESETS.stress10x;
    const s = generateScenario(o);
    expectValid(s, 'stress');
    expectTotals(s, o);
    expect(ofKind(s, 'camp')).toHaveLength(130);
    expect(ofKind(s, 'hub')).toHaveLength(26);
  });

  it('honours hubs, exits, fleetScale and tightness', () => {
    const base = { seed: 11, camps: 13, units: 800, people: 2000, days: 90 };
    const variants: GenerateOptions[] = [
      { ...base, hubs: 1, exits: 1 },
      { ...base, hubs: 4, exits: 3 },
      { ...base, fleetScale: 0 },
      { ...base, fleetScale: 0.3, tightness: 1 },
      { ...base, days: 10 },
      { ...base, days: 2 },
      { ...base, camps: 1, units: 0, people: 0 },
      { ...base, camps: 40, units: 30, people: 25 },
    ];
    for (const o of variants) {
      const s = generateScenario(o);
      expectValid(s, JSON.stringify(o));
      expectTotals(s, o);
      expectRoadsOutInTime(s);
      expect(ofKind(s, 'hub')).toHaveLength(o.hubs ?? Math.max(2, Math.floor(o.camps / 5)));
      expect(ofKind(s, 'exit')).toHaveLength(o.exits ?? 2);
    }
    const one = generateScenario(base);
    const more = generateScenario({ ...base, fleetScale: 3 });
    expect(more.fleet.trucks).toBeGreaterThan(one.fleet.trucks);
    expect(more.fleet.air.sorties_per_day).toBeGreaterThan(one.fleet.air.sorties_per_day);
    const mean = (s: ScenarioInput) => ofKind(s, 'camp').reduce((a, x) => a + daysBetween(s.start, x.deadline!), 0) / ofKind(s, 'camp').length;
    expect(mean(generateScenario({ ...base, tightness: 1 }))).toBeLessThan(mean(one) * 0.8);
  });

  it('scales the fleet up when fleetScale leaves too few trucks for people', () => {
    const s = generateScenario({ ...PRESETS.minusmaScale, fleetScale: 0 });
    expect(s.fleet.trucks).toBeGreaterThan(0);
    expect(peopleFeasibility(s).ok).toBe(true);
  });
});

describe('peopleFeasibility', () => {
  it('sees a fleet that cannot move people', () => {
    const s = smallRandomScenario(5);
    expect(peopleFeasibility(s).ok).toBe(true);
    expect(peopleFeasibility({ ...s, fleet: { ...s.fleet, trucks: 0 } }).ok).toBe(false);
  });

  it('sees a deadline that leaves no time', () => {
    const s = generateScenario({ seed: 4, camps: 3, units: 30, people: 300, days: 40 });
    expect(peopleFeasibility(s).ok).toBe(true);
    // Hubs that close on the first day: nobody from the camps can pass through them.
    const hubsShut = { ...s, sites: s.sites.map((x) => (x.kind === 'hub' ? { ...x, deadline: s.start } : x)) };
    expect(peopleFeasibility(hubsShut).ok).toBe(false);
  });
});
