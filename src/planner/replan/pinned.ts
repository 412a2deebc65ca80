// What a re-plan keeps of the previous plan: its movements and dispositions still to come,
// that is, dated on or after the state's day and not yet recorded as done.
import type { MissionState } from '../../domain/events/state.ts';
import type { Disposition, Plan } from '../../domain/plan/schema.ts';
import type { Pinned } from '../schedule.ts';

export function stillToCome(previous: Plan, state: MissionState): Pinned {
  return {
    movements: previous.movements.filter((m) => m.depart >= state.asOf && !state.movements.has(m.id)),
    dispositions: notYetDone(previous.dispositions.filter((d) => d.on >= state.asOf), state),
  };
}

/** Planned dispositions less those recorded as done (same lot, site, action and day). */
export function notYetDone<D extends Disposition>(planned: readonly D[], state: MissionState): D[] {
  const done = new Map<string, number>();
  const key = (d: { lot: string; site: string; action: string; on: string }) => `${d.lot}|${d.site}|${d.action}|${d.on}`;
  for (const d of state.dispositions) done.set(key(d), (done.get(key(d)) ?? 0) + d.count);
  const out: D[] = [];
  for (const d of planned) {
    const already = Math.min(d.count, done.get(key(d)) ?? 0);
    done.set(key(d), (done.get(key(d)) ?? 0) - already);
    if (d.count > already) out.push({ ...d, count: d.count - already });
  }
  return out;
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

