// What-if plans and backup plans: plan as if some events had happened, without recording them,
// and set the result beside the current plan. Named backup plans are kept with the mission and
// made again after every recorded event, so their standing is always that of today.
import { DrawdownError } from '../domain/errors.ts';
import { checkAgainstLog, parseEventLines, withManifest } from '../domain/events/lines.ts';
import type { MissionEvent } from '../domain/events/schema.ts';
import type { Plan } from '../domain/plan/schema.ts';
import { diffPlans, type PlanChanges } from '../planner/replan/diff.ts';
import type { MissionStore } from '../store/store.ts';
import { loadMission, type Mission, type Planner } from './mission.ts';
import { type PlanSummary, replanMission } from './replan.ts';

export type Side = { plan: Plan; summary: PlanSummary };
export type WhatIf = {
  as_of: string;
  events: MissionEvent[];
  current: Side;
  whatif: Side;
  /** Units the remaining plan disposes of, by lot kind and owner. */
  lost: { kind: string; owner: string; current: number; whatif: number }[];
  closures_moved: { site: string; current: string | null; whatif: string | null }[];
  movements: PlanChanges;
};

type Options = { timeLimitSeconds?: number; planner?: Planner; onProgress?: (m: string) => void };

/** The hypothetical events of a what-if, checked as if they were to be recorded now. */
export function hypotheticalEvents(mission: Mission, text: string, name: string, plan?: Plan): MissionEvent[] {
  const parsed = parseEventLines(text);
  const fresh = parsed.events.map(({ line, event }) => ({ line, event: withManifest(event, plan) }));
  const problems = [...parsed.problems, ...checkAgainstLog(mission.scenario, mission.events, fresh)].sort((a, b) => a.line - b.line);
  if (problems.length > 0) {
    throw new DrawdownError('DRW_EVENT_INVALID', `${name}: ${problems.length} event problem${problems.length === 1 ? '' : 's'}; nothing was planned`, problems.map((p) => `${name}:${p.line} ${p.field}: ${p.message}`));
  }
  if (fresh.length === 0) throw new DrawdownError('DRW_EVENT_INVALID', `${name}: no events to plan with`);
  return fresh.map((f) => f.event);
}

export async function whatIf(store: MissionStore, text: string, name: string, o: Options = {}): Promise<WhatIf> {
  const mission = await loadMission(store);
  const previous = (await store.plan('current'))?.plan ?? null;
  const events = hypotheticalEvents(mission, text, name, previous ?? undefined);
  const current = await replanMission(mission, previous, { ...o, onProgress: o.onProgress && ((m) => o.onProgress!(`current: ${m}`)) });
  const whatif = await replanMission(mission, previous, { ...o, hypothetical: events, onProgress: o.onProgress && ((m) => o.onProgress!(`what-if: ${m}`)) });
  return compare(mission, events, { plan: current.plan, summary: current.summary }, { plan: whatif.plan, summary: whatif.summary });
}

function compare(mission: Mission, events: MissionEvent[], current: Side, whatif: Side): WhatIf {
  const lots = new Map(mission.scenario.sites.flatMap((s) => s.lots.map((l) => [l.id, l] as const)));
  const lost = new Map<string, { kind: string; owner: string; current: number; whatif: number }>();
  for (const [side, plan] of [['current', current.plan], ['whatif', whatif.plan]] as const) {
    for (const d of plan.dispositions) {
      const lot = lots.get(d.lot);
      if (!lot) continue;
      const key = `${lot.kind}|${lot.owner}`;
      const row = lost.get(key) ?? { kind: lot.kind, owner: lot.owner, current: 0, whatif: 0 };
      row[side] += d.count;
      lost.set(key, row);
    }
  }
  const closes = (p: Plan) => new Map(p.closures.map((c) => [c.site, c.closes_on]));
  const a = closes(current.plan);
  const b = closes(whatif.plan);
  const closuresMoved = [...new Set([...a.keys(), ...b.keys()])].filter((s) => a.get(s) !== b.get(s)).map((site) => ({ site, current: a.get(site) ?? null, whatif: b.get(site) ?? null }));
  return {
    as_of: current.summary.as_of,
    events,
    current,
    whatif,
    lost: [...lost.values()].sort((x, y) => y.whatif - y.current - (x.whatif - x.current)),
    closures_moved: closuresMoved,
    movements: diffPlans({ movements: current.plan.movements, dispositions: current.plan.dispositions }, whatif.plan),
  };
}

/** Keeps a what-if as a named backup plan. */
export async function saveBackup(store: MissionStore, name: string, text: string, w: WhatIf): Promise<void> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name) || name === 'current') {
    throw new DrawdownError('DRW_USAGE', `backup plan name "${name}" must be lower-case letters, digits and dashes, and not "current"`);
  }
  await store.savePlan({ name, kind: 'backup', asOf: w.as_of, logSeq: (await loadMission(store)).head, events: text, plan: w.whatif.plan, summary: { ...w.whatif.summary, against_current: w.current.summary.mission_total } });
}

export type BackupStanding = { name: string; ok: boolean; total?: number; against_current?: number; problem?: string };

/** Makes every backup plan again from today's state; one that no longer fits the log says why. */
export async function reevaluateBackups(store: MissionStore, o: Options = {}): Promise<BackupStanding[]> {
  const backups = await store.plans('backup');
  if (backups.length === 0) return [];
  const mission = await loadMission(store);
  const previous = (await store.plan('current'))?.plan ?? null;
  const out: BackupStanding[] = [];
  const base = previous ? (await replanMission(mission, previous, o)).summary.mission_total : undefined;
  for (const b of backups) {
    o.onProgress?.(`re-evaluating ${b.name}`);
    try {
      const events = hypotheticalEvents(mission, b.events, b.name, previous ?? undefined);
      const r = await replanMission(mission, b.plan, { ...o, hypothetical: events });
      await store.savePlan({ name: b.name, kind: 'backup', asOf: r.state.asOf, logSeq: mission.head, events: b.events, plan: r.plan, summary: { ...r.summary, against_current: base } });
      out.push({ name: b.name, ok: true, total: r.summary.mission_total, against_current: base });
    } catch (e) {
      const problem = (e as Error).message;
      await store.savePlan({ ...b, summary: { ...(b.summary as object), stale: problem } });
      out.push({ name: b.name, ok: false, problem });
    }
  }
  return out;
}


/** A backup plan's standing in one line, for logs and progress. */
export function standingLine(b: BackupStanding): string {
  return `backup plan "${b.name}": ${b.ok ? `mission total ${Math.round(b.total!).toLocaleString('en-US')}` : `cannot be planned now — ${b.problem}`}`;
}
