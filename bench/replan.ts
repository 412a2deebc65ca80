// The re-plan benchmark: a mission is followed for a third of its horizon, then re-planned after
// one disruption of each kind. Target (issue 4): each re-plan in ≤ 1 s, changing ≤ 5 % of the
// movements not yet under way. Runs the real store and operations, with the planner in process
// so the figure is the planner's, not a worker's start-up. Prints one JSON line per disruption.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, daysBetween } from '../src/domain/dates.ts';
import type { MissionEvent } from '../src/domain/events/schema.ts';
import { parseScenario } from '../src/domain/scenario/parse.ts';
import { type Scenario, scenarioSchema } from '../src/domain/scenario/schema.ts';
import { advance } from '../src/operations/advance.ts';
import { loadMission } from '../src/operations/mission.ts';
import { REPLAN_SECONDS, replan, replanMission } from '../src/operations/replan.ts';
import { makePlan } from '../src/planner/plan.ts';
import { verifyPlan } from '../src/planner/verify/verify.ts';
import { openStore } from '../src/store/store.ts';
import { generateScenario, PRESETS, toYaml } from './generate.ts';

const [kind, arg] = process.argv.slice(2) as [string, string];
const text = kind === 'file' ? readFileSync(arg, 'utf8') : toYaml(generateScenario({ ...PRESETS[kind as keyof typeof PRESETS], seed: Number(arg) }));
const parsed = parseScenario(text, arg);
if (!parsed.ok) throw new Error(`${arg} does not parse`);
const scenario: Scenario = scenarioSchema.parse(parsed.scenario);
const planner = (s: Scenario, o: Parameters<typeof makePlan>[1]) => makePlan(s, o);

const dir = mkdtempSync(join(tmpdir(), 'drawdown-replan-'));
const store = await openStore(join(dir, 'm.db'));
try {
  await store.createMission({ file: arg, text, scenario, actor: 'bench' });
  // Follow the plan until a third of its movements have left, then settle a plan for that day.
  const first = await replan(store, { planner, timeLimitSeconds: 10 });
  const departures = first.plan.movements.map((m) => m.depart).sort();
  const day = departures[Math.floor(departures.length / 3)] ?? addDays(scenario.start, Math.floor(daysBetween(scenario.start, scenario.end) / 3));
  await advance(store, day, 'bench');
  await store.append([{ type: 'restriction', on: day, domain: 'air', imposed_by: 'bench', notes: 'marks the day' }], 'bench');
  const settled = await replan(store, { planner, timeLimitSeconds: 10 });
  const mission = await loadMission(store);
  const plan = settled.plan;

  // One disruption of each kind, aimed where the plan still has the most to do.
  const site = (id: string) => scenario.sites.find((s) => s.id === id)!;
  const busiest = (mode: 'road' | 'air') => {
    const count = new Map<string, number>();
    // From a camp: a disruption on the road out of a camp, not on the last hop to an exit.
    for (const m of plan.movements) if (m.mode === mode && site(m.from).kind === 'camp' && m.depart > day) count.set(`${m.from}>${m.to}`, (count.get(`${m.from}>${m.to}`) ?? 0) + 1);
    const top = [...count].sort((a, b) => b[1] - a[1])[0]?.[0];
    return top?.split('>') as [string, string] | undefined;
  };
  const road = busiest('road');
  const air = busiest('air');
  // Disruptions land where they bite: from the first day the plan uses the leg.
  const firstUse = (leg: [string, string], mode: string) => plan.movements.filter((m) => m.mode === mode && m.from === leg[0] && m.to === leg[1] && m.depart > day).map((m) => m.depart).sort()[0] ?? day;
  const camp = [...plan.closures].filter((c) => c.closes_on > addDays(day, 10)).sort((a, b) => a.closes_on.localeCompare(b.closes_on))[0];
  const disruptions: [string, MissionEvent][] = [];
  if (road) disruptions.push([`road ${road[0]}→${road[1]} cut for 10 days`, { type: 'leg_closed', on: firstUse(road, 'road'), from: road[0], to: road[1], mode: 'road', until: addDays(firstUse(road, 'road'), 9), reason: 'bench' }]);
  if (road) {
    const a = site(road[0]);
    const b = site(road[1]);
    disruptions.push([`IED on ${road[0]}→${road[1]}`, { type: 'incident', on: day, event_type: 'Explosions/Remote violence', sub_event_type: 'Remote explosive/landmine/IED', actors: [], location: { name: 'bench', lat: (a.lat + b.lat) / 2, lon: (a.lon + b.lon) / 2 }, fatalities: 2, injured: 5 }]);
  }
  if (air) disruptions.push([`flights ${air[0]}→${air[1]} refused for 3 days`, { type: 'permit_denied', on: day, from: air[0], to: air[1], mode: 'air', for_date: firstUse(air, 'air'), until: addDays(firstUse(air, 'air'), 2) }]);
  if (camp) disruptions.push([`${camp.site} to close 5 days earlier than planned`, { type: 'deadline_changed', on: day, site: camp.site, deadline: addDays(camp.closes_on, -5) }]);
  disruptions.push(['10 % fewer trucks', { type: 'fleet_changed', on: day, trucks: Math.floor(scenario.fleet.trucks * 0.9) }]);

  for (const [name, event] of disruptions) {
    try {
      const r = await replanMission(mission, plan, { planner, hypothetical: [event], timeLimitSeconds: REPLAN_SECONDS, onProgress: (m) => process.env.BENCH_VERBOSE && process.stderr.write(`  ${m}\n`) });
      const c = r.summary.changes!;
      console.log(JSON.stringify({ ok: true, disruption: name, day, ms: r.summary.replan_ms, previous: c.previous, changed: c.moved.length + c.removed.length, added: c.added.length, share: c.changed_share, before: settled.summary.mission_total, after: r.summary.mission_total, verified: verifyPlan(r.residual, r.plan).ok }));
    } catch (e) {
      console.log(JSON.stringify({ ok: false, disruption: name, day, error: (e as Error).message }));
    }
  }
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
