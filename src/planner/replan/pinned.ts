// What a re-plan keeps of the previous plan: its movements and dispositions still to come,
// that is, dated on or after the state's day and not yet recorded as done.
import type { MissionState } from '../../domain/events/state.ts';
import type { Disposition, Movement, Plan } from '../../domain/plan/schema.ts';
import type { Pinned } from '../schedule.ts';

export function stillToCome(previous: Plan, state: MissionState): Pinned {
  const movements = previous.movements.filter((m) => m.depart >= state.asOf && !state.movements.has(m.id));
  const done = new Map<string, number>();
  for (const d of state.dispositions) {
    const k = dispositionKey(d.lot, d.site, d.action, d.on);
    done.set(k, (done.get(k) ?? 0) + d.count);
  }
  const dispositions: Disposition[] = [];
  for (const d of previous.dispositions) {
    if (d.on < state.asOf) continue;
    const k = dispositionKey(d.lot, d.site, d.action, d.on);
    const already = Math.min(d.count, done.get(k) ?? 0);
    done.set(k, (done.get(k) ?? 0) - already);
    if (d.count > already) dispositions.push({ ...d, count: d.count - already });
  }
  return { movements, dispositions };
}

function dispositionKey(lot: string, site: string, action: string, on: string): string {
  return `${lot}|${site}|${action}|${on}`;
}

/** The number after which new movement ids start: past every id in the plan and the log. */
export function lastMovementNumber(ids: Iterable<string>): number {
  let n = 0;
  for (const id of ids) n = Math.max(n, Number(/^m(\d+)$/.exec(id)?.[1] ?? 0));
  return n;
}

export function movementIds(previous: Plan | undefined, state: MissionState): string[] {
  return [...(previous?.movements.map((m) => m.id) ?? []), ...state.movements.keys()];
}

export type { Movement };
