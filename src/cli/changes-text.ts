// What a re-plan changed and where the mission stands, as a planner reads it.
import type { PlanSummary } from '../operations/replan.ts';

const n = (x: number) => Math.round(x).toLocaleString('en-US');

export function summaryText(s: PlanSummary): string {
  const out: string[] = [];
  out.push(`RE-PLAN as of ${s.as_of} (${s.replan_ms} ms)`);
  out.push(`  mission total    ${n(s.mission_total)}  = done ${n(s.realized.total)} + still to do ${n(s.remaining.total)}`);
  out.push(`  under way        ${s.under_way} movement${s.under_way === 1 ? '' : 's'}`);
  const c = s.changes;
  if (c) {
    out.push(`  changes          of ${c.previous} planned movements still to come: ${c.kept.length} kept, ${c.moved.length} moved, ${c.removed.length} removed; ${c.added.length} added (${(c.changed_share * 100).toFixed(1)} % changed)`);
    for (const m of c.moved.slice(0, 10)) out.push(`    moved    ${m.id} ${m.was} → ${m.now} (now ${m.new_id})`);
    if (c.removed.length) out.push(`    removed  ${c.removed.slice(0, 12).join(', ')}${c.removed.length > 12 ? ` and ${c.removed.length - 12} more` : ''}`);
    if (c.added.length) out.push(`    added    ${c.added.slice(0, 12).join(', ')}${c.added.length > 12 ? ` and ${c.added.length - 12} more` : ''}`);
    for (const d of c.newly_disposed) out.push(`    newly disposed of: ${d.count} × ${d.lot} (${d.action})`);
  } else out.push('  changes          none: there was no previous plan');
  for (const r of s.risks) out.push(`  risk raised      ${r.leg}: ${r.base} → ${r.current} by ${r.incidents} recent incident${r.incidents === 1 ? '' : 's'}`);
  return out.join('\n');
}
