// Making a copy of the situation report for a named recipient: the data from the store, the
// recipient's clearance, a per-copy identifier, and an audit entry saying who made which copy
// for whom, so that a leaked page can be traced to its copy.
import { randomBytes } from 'node:crypto';
import { DrawdownError } from '../domain/errors.ts';
import type { Classification } from '../domain/security/access.ts';
import { sitrep, type Sitrep } from '../reports/sitrep.ts';
import type { MissionStore } from '../store/store.ts';
import { loadMission, type Planner } from './mission.ts';
import { replanMission } from './replan.ts';

export type ReportCopy = { report: Sitrep; copyId: string };

export async function makeSitrep(store: MissionStore, o: { on?: string; recipient: string; madeBy: string; planner?: Planner }): Promise<ReportCopy> {
  const mission = await loadMission(store);
  const on = o.on ?? mission.today;
  if (on < mission.scenario.start || on > mission.scenario.end) throw new DrawdownError('DRW_STATE_OUT_OF_RANGE', `--on ${on} is outside the mission's horizon ${mission.scenario.start} to ${mission.scenario.end}`);
  const user = await store.access.user(o.recipient);
  if (!user) throw new DrawdownError('DRW_NOT_FOUND', `no user "${o.recipient}" to make the copy for (see \`drawdown user list\`)`);
  // The plan of that day: the current plan when it is that day's, else a plan made for it now.
  const stored = await store.plan('current');
  const planned = stored && stored.asOf === on ? { plan: stored.plan, total: (stored.summary as { mission_total?: number })?.mission_total ?? null } : await replanMission(mission, stored?.plan ?? null, { asOf: on, planner: o.planner }).then((r) => ({ plan: r.plan, total: r.summary.mission_total })).catch(() => ({ plan: null, total: null }));
  const backups = (await store.plans('backup')).map((b) => ({ name: b.name, mission_total: (b.summary as { mission_total?: number })?.mission_total ?? null }));
  const copyId = `SR-${on.replaceAll('-', '')}-${randomBytes(4).toString('hex').toUpperCase()}`;
  const report = sitrep({ scenario: mission.scenario, events: mission.events, on, plan: planned.plan, backups, missionTotal: planned.total, recipient: { name: user.name, clearance: user.clearance as Classification }, copyId });
  await store.access.audit({ user: o.madeBy, action: 'report', target: `sitrep ${on} copy ${copyId} for ${user.name}`, classification: report.marking });
  return { report, copyId };
}
