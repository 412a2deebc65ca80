// The plan as a chief of staff reads it: closures, movements by day, losses and their reasons,
// the objective, the bound and what bound the plan.
import { daysBetween } from '../domain/dates.ts';
import type { Plan } from '../domain/plan/schema.ts';

const n = (x: number) => Math.round(x).toLocaleString('en-US');

export function planText(plan: Plan, baselineTotal?: number): string {
  const out: string[] = [];
  const o = plan.objective;
  out.push(`PLAN — ${plan.scenario}, ${plan.horizon.start} to ${plan.horizon.end} (${plan.method ?? 'planner'}, ${plan.solve_seconds.toFixed(1)} s)`);
  out.push('');
  out.push('Objective (lower is better)');
  out.push(`  total            ${n(o.total)}`);
  out.push(`  value lost       ${n(o.value_lost)}`);
  out.push(`  cost             ${n(o.cost)}`);
  out.push(`  risk             ${n(o.risk)}`);
  out.push(`  value recovered  ${n(o.value_recovered)}`);
  out.push(plan.bound === null ? '  bound            none proven (the LP did not finish in time)' : `  bound            ${n(plan.bound)}  (gap ${((plan.gap ?? 0) * 100).toFixed(2)} %)`);
  if (baselineTotal !== undefined) out.push(`  greedy baseline  ${n(baselineTotal)}  (this plan saves ${n(baselineTotal - o.total)})`);
  out.push('');
  out.push('Closure calendar');
  for (const c of [...plan.closures].sort((a, b) => a.closes_on.localeCompare(b.closes_on))) {
    const slack = daysBetween(c.closes_on, c.deadline);
    out.push(`  ${c.closes_on}  ${c.site.padEnd(18)} deadline ${c.deadline}${slack === 0 ? '  (on the deadline)' : `  (${slack} days early)`}`);
  }
  out.push('');
  out.push(`Movements (${plan.movements.length})`);
  const byDay = new Map<string, typeof plan.movements>();
  for (const m of plan.movements) byDay.set(m.depart, [...(byDay.get(m.depart) ?? []), m]);
  for (const [day, ms] of [...byDay].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(`  ${day}`);
    for (const m of ms) {
      const people = m.people.reduce((a, p) => a + p.count, 0);
      const units = m.cargo.reduce((a, c) => a + c.count, 0);
      const how = m.mode === 'road' ? `${m.trucks} trucks, ${m.escorts} escort${m.escorts === 1 ? '' : 's'}` : 'sortie';
      out.push(`    ${m.id} ${m.mode.padEnd(4)} ${m.from} → ${m.to}, arrives ${m.arrive}: ${how}; ${people} people, ${units} units`);
    }
  }
  out.push('');
  out.push(`Dispositions (${plan.dispositions.length})`);
  for (const d of plan.dispositions) out.push(`  ${d.on}  ${d.action.padEnd(12)} ${String(d.count).padStart(5)} × ${d.lot} at ${d.site}${d.reason ? ` — ${d.reason}` : ''}`);
  if (plan.binding?.length) {
    out.push('');
    out.push('Binding constraints');
    for (const b of plan.binding) out.push(`  ${b.resource.padEnd(8)} ${b.detail}`);
  }
  return out.join('\n');
}
