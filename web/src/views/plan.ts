// The plan: the mission total and what the last re-plan changed, the closure timeline per site,
// fleet and sortie use per day against capacity, the objective, and the reasons for each loss.
// Re-planning runs in the background with its progress shown.
import { api } from '../api.ts';
import { h, money, n, s, table } from '../dom.ts';

const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

function timeline(plan: any): SVGElement {
  const closures = [...plan.closures].sort((a: any, b: any) => a.closes_on.localeCompare(b.closes_on));
  const d0 = day(plan.horizon.start);
  const d1 = day(plan.horizon.end);
  const W = 860;
  const X = (d: string) => 160 + ((day(d) - d0) / Math.max(1, d1 - d0)) * (W - 170);
  const svg = s('svg', { class: 'timeline', viewBox: `0 0 ${W} ${closures.length * 22 + 24}`, width: '100%' });
  closures.forEach((c: any, i: number) => {
    const yy = i * 22 + 8;
    svg.append(s('text', { x: 0, y: yy + 11 }, c.site));
    svg.append(s('rect', { class: 'span', x: 160, y: yy, width: Math.max(1, X(c.closes_on) - 160), height: 14 }));
    svg.append(s('rect', { class: 'closes', x: X(c.closes_on) - 2, y: yy - 2, width: 4, height: 18, 'data-closes': c.site }, s('title', {}, `${c.site} closes ${c.closes_on}`)));
    svg.append(s('rect', { class: 'deadline', x: X(c.deadline) - 1, y: yy - 2, width: 2, height: 18 }, s('title', {}, `deadline ${c.deadline}`)));
  });
  svg.append(s('text', { x: 160, y: closures.length * 22 + 20, class: 'muted' }, `${plan.horizon.start} … ${plan.horizon.end} — blue: closes, red: deadline`));
  return svg;
}

/** Use per day of one pooled resource against its capacity (the dashed line). */
function useChart(label: string, plan: any, capacity: number, use: (m: any) => { days: number; amount: number } | null): SVGElement {
  const busy = new Map<number, number>();
  for (const m of plan.movements) {
    const u = use(m);
    if (!u) continue;
    for (let d = day(m.depart); d < day(m.depart) + u.days; d++) busy.set(d, (busy.get(d) ?? 0) + u.amount);
  }
  const d0 = day(plan.horizon.start);
  const d1 = day(plan.horizon.end);
  const max = Math.max(1, capacity, ...busy.values());
  const W = 860;
  const H = 90;
  const bw = (W - 40) / Math.max(1, d1 - d0 + 1);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H + 20}`, width: '100%', 'aria-label': `${label} per day` });
  for (let d = d0; d <= d1; d++) {
    const v = busy.get(d) ?? 0;
    svg.append(s('rect', { class: `bar${v >= capacity ? ' full' : ''}`, x: 40 + (d - d0) * bw, y: H - (v / max) * H, width: Math.max(0.5, bw - 0.3), height: (v / max) * H }, s('title', {}, `${new Date(d * 86_400_000).toISOString().slice(0, 10)}: ${v} of ${capacity} ${label}`)));
  }
  svg.append(s('line', { class: 'cap', x1: 40, x2: W, y1: H - (capacity / max) * H, y2: H - (capacity / max) * H }));
  svg.append(s('text', { x: 0, y: 12 }, `${max}`));
  svg.append(s('text', { x: 40, y: H + 16 }, `${label} per day (dashed: the fleet's ${capacity}; red: all in use)`));
  return svg;
}

export async function planView(role: string): Promise<HTMLElement> {
  const { plan, summary, as_of, capacity } = await api('GET', '/api/plan');
  if (!plan) return h('div', {}, h('h1', {}, 'Plan'), h('p', {}, 'No plan yet.'));
  const o = plan.objective;
  const progress = h('pre', { id: 'replan-progress', class: 'muted' });
  const button = h('button', { id: 'replan', onclick: () => replan(button, progress) }, 'Re-plan now');
  const changes = summary?.changes;
  const kpis = h('div', { class: 'grid' },
    h('div', { class: 'card kpi' }, 'Mission total', h('b', { id: 'mission-total' }, money(summary?.mission_total ?? o.total))),
    h('div', { class: 'card kpi' }, 'Still to do', h('b', {}, money(o.total))),
    h('div', { class: 'card kpi' }, 'Value lost / cost / risk', h('b', {}, `${money(o.value_lost)} / ${money(o.cost)} / ${money(o.risk)}`)),
    h('div', { class: 'card kpi' }, 'Gap to bound', h('b', {}, plan.gap === null ? '—' : `${(plan.gap * 100).toFixed(2)} %`)),
    h('div', { class: 'card kpi' }, 'Last re-plan', h('b', {}, changes ? `${changes.kept.length} kept, ${changes.moved.length} moved, ${changes.removed.length} removed, ${changes.added.length} new` : '—')),
  );
  const losses = table(['on', 'site', 'lot', 'count', 'action', 'reason'], plan.dispositions.map((d: any) => [d.on, d.site, d.lot, d.count, d.action, d.reason ?? '']), [3]);
  const movements = table(['id', 'mode', 'from → to', 'depart', 'arrive', 'trucks', 'people', 'units'], plan.movements.slice(0, 200).map((m: any) => [m.id, m.mode, `${m.from} → ${m.to}`, m.depart, m.arrive, m.trucks, n(m.people.reduce((a: number, p: any) => a + p.count, 0)), n(m.cargo.reduce((a: number, c: any) => a + c.count, 0))]), [5, 6, 7]);
  return h('div', {},
    h('h1', {}, `Plan — as of ${as_of}`),
    role === 'admin' || role === 'planner' ? h('p', {}, button, ' ', progress) : null,
    kpis,
    h('h2', {}, 'Closures'), h('div', { class: 'card', id: 'timeline' }, timeline(plan)),
    h('h2', {}, 'Fleet'),
    h('div', { class: 'card' },
      useChart('trucks busy', plan, capacity.trucks, (m) => (m.mode === 'road' ? { days: 2 * Math.max(1, day(m.arrive) - day(m.depart)), amount: m.trucks } : null)),
      useChart('escorts busy', plan, capacity.escorts, (m) => (m.mode === 'road' ? { days: 2 * Math.max(1, day(m.arrive) - day(m.depart)), amount: m.escorts } : null)),
      useChart('sorties', plan, capacity.sorties_per_day, (m) => (m.mode === 'air' ? { days: 1, amount: 1 } : null)),
      h('p', { class: 'muted' }, ...(plan.binding ?? []).map((b: any) => h('span', {}, `${b.resource}: ${b.detail}. `)))),
    h('h2', {}, `Losses and their reasons (${plan.dispositions.length})`), losses,
    h('h2', {}, `Movements (${plan.movements.length})`), movements,
  );
}

async function replan(button: HTMLElement, progress: HTMLElement): Promise<void> {
  button.setAttribute('disabled', 'true');
  progress.textContent = 'starting…';
  const { job } = await api('POST', '/api/plan/replan');
  for (;;) {
    await new Promise((r) => setTimeout(r, 300));
    const j = await api('GET', `/api/jobs/${job}`);
    progress.textContent = j.progress.slice(-3).join('\n');
    if (j.status === 'done') {
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      return;
    }
    if (j.status === 'failed') {
      progress.textContent = `failed: ${j.error.message}`;
      button.removeAttribute('disabled');
      return;
    }
  }
}
