// What a re-plan changed, movement by movement, against what the previous plan still had to do.
import type { Disposition, Movement, Plan } from '../../domain/plan/schema.ts';

export type PlanChanges = {
  /** Movements of the previous plan still to come when the re-plan was made. */
  previous: number;
  kept: string[];
  /** Same convoy or sortie (leg, load, fleet), another day. */
  moved: { id: string; was: string; now: string; new_id: string }[];
  added: string[];
  removed: string[];
  /** Units the new plan disposes of beyond what the previous plan did, by lot. */
  newly_disposed: { lot: string; count: number; action: string }[];
  /** Share of the previous plan's movements still to come that did not stay as they were. */
  changed_share: number;
};

export function diffPlans(before: { movements: readonly Movement[]; dispositions: readonly Disposition[] }, after: Plan): PlanChanges {
  const exact = (m: Movement) => `${m.mode}|${m.from}|${m.to}|${m.depart}|${m.trucks}|${m.escorts}|${load(m)}`;
  const shape = (m: Movement) => `${m.mode}|${m.from}|${m.to}|${m.trucks}|${m.escorts}|${load(m)}`;
  const newById = new Map(after.movements.map((m) => [m.id, m]));
  const kept: string[] = [];
  const unmatchedOld: Movement[] = [];
  const matchedNew = new Set<string>();
  // The same movement under another id (made again rather than kept) still counts as kept.
  const newByExact = new Map<string, Movement[]>();
  for (const n of after.movements) newByExact.set(exact(n), [...(newByExact.get(exact(n)) ?? []), n]);
  const claim = (n: Movement) => {
    matchedNew.add(n.id);
    const list = newByExact.get(exact(n))!;
    list.splice(list.indexOf(n), 1);
  };
  for (const m of before.movements) {
    const n = newById.get(m.id);
    if (n && !matchedNew.has(n.id) && exact(n) === exact(m)) {
      kept.push(m.id);
      claim(n);
    }
  }
  for (const m of before.movements) {
    if (kept.includes(m.id)) continue;
    const n = newByExact.get(exact(m))?.find((x) => !matchedNew.has(x.id));
    if (n) {
      kept.push(m.id);
      claim(n);
    } else unmatchedOld.push(m);
  }
  const byShape = new Map<string, Movement[]>();
  for (const n of after.movements) if (!matchedNew.has(n.id)) byShape.set(shape(n), [...(byShape.get(shape(n)) ?? []), n]);
  const moved: PlanChanges['moved'] = [];
  const removed: string[] = [];
  for (const m of unmatchedOld) {
    const candidates = byShape.get(shape(m));
    const n = candidates?.shift();
    if (n) {
      moved.push({ id: m.id, was: m.depart, now: n.depart, new_id: n.id });
      matchedNew.add(n.id);
    } else removed.push(m.id);
  }
  const added = after.movements.filter((n) => !matchedNew.has(n.id)).map((n) => n.id);
  const disposedBefore = totals(before.dispositions);
  const newly: PlanChanges['newly_disposed'] = [];
  for (const [lot, { count, action }] of totals(after.dispositions)) {
    const more = count - (disposedBefore.get(lot)?.count ?? 0);
    if (more > 0) newly.push({ lot, count: more, action });
  }
  const previous = before.movements.length;
  return { previous, kept, moved, added, removed, newly_disposed: newly, changed_share: previous === 0 ? 0 : (moved.length + removed.length) / previous };
}

function load(m: Movement): string {
  const people = [...m.people].sort((a, b) => a.group.localeCompare(b.group)).map((p) => `${p.group}:${p.count}`);
  const cargo = [...m.cargo].sort((a, b) => a.lot.localeCompare(b.lot)).map((c) => `${c.lot}:${c.count}`);
  return `${people.join(',')}/${cargo.join(',')}`;
}

function totals(ds: readonly Disposition[]): Map<string, { count: number; action: string }> {
  const out = new Map<string, { count: number; action: string }>();
  for (const d of ds) {
    const prior = out.get(d.lot);
    out.set(d.lot, { count: (prior?.count ?? 0) + d.count, action: d.action });
  }
  return out;
}
