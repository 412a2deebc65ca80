// Equipment and the disposition workflow, permits and restrictions, incidents, backup plans.
import { api, HttpError } from '../api.ts';
import { h, money, n, s, table } from '../dom.ts';

export async function equipmentView(role: string): Promise<HTMLElement> {
  const [eq, { proposals }] = await Promise.all([api('GET', '/api/equipment'), api('GET', '/api/dispositions')]);
  const t = eq.totals;
  const rows = eq.lots.map((l: any) => [l.site, l.id, l.kind, l.owner, n(l.count), Object.entries(l.at).map(([k, v]) => `${k}: ${v}`).join(', '), n(l.in_transit), n(l.moved_out), n(l.disposed), n(l.planned_disposal)]);
  const canApprove = role === 'admin' || role === 'operations_centre';
  const canComplete = role === 'admin' || role === 'property';
  const props = table(['#', 'lot', 'site', 'count', 'action', 'on', 'reason', 'status', 'by', ''], proposals.map((p: any) => [p.id, p.lot, p.site, p.count, p.action, p.on_date, p.reason, h('span', { 'data-status': p.id }, p.status), p.proposed_by,
    p.status === 'proposed' && canApprove ? h('span', {}, h('button', { 'data-approve': p.id, onclick: () => decide(p.id, 'approved') }, 'Approve'), ' ', h('button', { class: 'secondary', onclick: () => decide(p.id, 'rejected') }, 'Reject')) :
    p.status === 'approved' && canComplete ? h('button', { 'data-done': p.id, onclick: () => done(p.id) }, 'Done…') : '']), [3]);
  const msg = h('p', { class: 'error', id: 'proposal-error' });
  const form = <HTMLFormElement>h('form', { id: 'propose', class: 'card inline' },
    h('label', {}, 'Lot ', h('input', { name: 'lot', required: true })), h('label', {}, 'Site ', h('input', { name: 'site', required: true })),
    h('label', {}, 'Count ', h('input', { name: 'count', type: 'number', min: 1, value: 1 })),
    h('label', {}, 'Action ', h('select', { name: 'action' }, ...['destroy', 'decommission', 'hand_over', 'sell'].map((a) => h('option', {}, a)))),
    h('label', {}, 'On ', h('input', { name: 'on', type: 'date' })), h('label', {}, 'Reason ', h('input', { name: 'reason' })), h('button', { type: 'submit' }, 'Propose'), msg);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const f = new FormData(form);
    try {
      await api('POST', '/api/dispositions', { lot: f.get('lot'), site: f.get('site'), count: Number(f.get('count')), action: f.get('action'), on: f.get('on'), reason: f.get('reason') });
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } catch (e) {
      msg.textContent = e instanceof HttpError ? `${e.body.message}: ${e.body.errors.map((x) => `${x.field} ${x.message}`).join('; ')}` : String(e);
    }
  });
  async function decide(id: number, decision: string) {
    await api('POST', `/api/dispositions/${id}/decide`, { decision });
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  }
  async function done(id: number) {
    const reference = prompt('Certificate reference') ?? '';
    const witnesses = (prompt('Witnesses (comma-separated)') ?? '').split(',').map((w) => w.trim()).filter(Boolean);
    const board = prompt('Board') ?? '';
    const on = prompt('Date done (YYYY-MM-DD)') ?? '';
    try {
      await api('POST', `/api/dispositions/${id}/done`, { on, certificate: { reference, witnesses, board } });
    } catch (e) {
      alert(e instanceof HttpError ? `${e.body.message}\n${e.body.errors.map((x) => `${x.field}: ${x.message}`).join('\n')}` : String(e));
    }
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  }
  return h('div', {}, h('h1', {}, `Equipment — ${eq.as_of}`),
    h('div', { class: 'grid' }, h('div', { class: 'card kpi' }, 'Value moved out', h('b', {}, money(t.value_moved))), h('div', { class: 'card kpi' }, 'Value lost so far', h('b', {}, money(t.value_lost))), h('div', { class: 'card kpi' }, 'Value at risk in the plan', h('b', {}, money(t.value_at_risk)))),
    h('h2', {}, 'Dispositions: proposed → approved → done'), props, role === 'admin' || role === 'planner' || role === 'property' ? form : null,
    h('h2', {}, 'Lots'), table(['site', 'lot', 'kind', 'owner', 'in theatre', 'where', 'in transit', 'moved out', 'disposed', 'plan disposes'], rows, [4, 6, 7, 8, 9]));
}

export async function permitsView(): Promise<HTMLElement> {
  const r = await api('GET', '/api/restrictions');
  const months = [...new Set(r.tally.map((t: any) => t.month))] as string[];
  const W = 860;
  const H = 140;
  const max = Math.max(1, ...r.tally.map((t: any) => t.denied));
  const svg = s('svg', { viewBox: `0 0 ${W} ${H + 30}`, width: '100%', 'aria-label': 'refusals by month' });
  months.forEach((m, i) => {
    const denied = r.tally.filter((t: any) => t.month === m).reduce((a: number, t: any) => a + t.denied, 0);
    const bw = (W - 40) / Math.max(1, months.length);
    svg.append(s('rect', { class: 'bar full', x: 40 + i * bw, y: H - (denied / max) * H, width: bw * 0.6, height: (denied / max) * H }, s('title', {}, `${m}: ${denied} refused`)));
    svg.append(s('text', { x: 40 + i * bw, y: H + 16 }, m));
  });
  return h('div', {}, h('h1', {}, 'Permits and restrictions'),
    h('h2', {}, 'Tally by domain and month (as reported to the Security Council)'), table(['month', 'domain', 'records', 'requested', 'refused'], r.tally.map((t: any) => [t.month, t.domain, t.records, t.requested, t.denied]), [2, 3, 4]),
    h('div', { class: 'card' }, svg),
    h('h2', {}, 'Restrictions'), table(['on', 'domain', 'imposed by', 'requested', 'refused', 'notes'], r.restrictions.map((x: any) => [x.on, x.domain, x.imposed_by, x.requested ?? '', x.denied ?? '', x.notes ?? '']), [3, 4]),
    h('h2', {}, 'Permits'), table(['on', 'answer', 'leg', 'for', 'reason'], r.permits.map((p: any) => [p.on, p.type.replace('permit_', ''), `${p.from} → ${p.to} (${p.mode})`, p.for_date, p.reason ?? ''])));
}

export async function incidentsView(): Promise<HTMLElement> {
  const params = new URLSearchParams(location.hash.split('?')[1] ?? '');
  const q = new URLSearchParams([...params].filter(([, v]) => v));
  const { incidents } = await api('GET', `/api/incidents${q.size ? `?${q}` : ''}`);
  const form = <HTMLFormElement>h('form', { class: 'card inline', id: 'incident-filter' },
    h('label', {}, 'ACLED type ', h('select', { name: 'event_type' }, h('option', { value: '' }, 'any'), ...['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Protests', 'Riots', 'Strategic developments'].map((t) => h('option', { value: t, selected: params.get('event_type') === t }, t)))),
    h('label', {}, 'Actor ', h('input', { name: 'actor', value: params.get('actor') ?? '' })), h('label', {}, 'Place ', h('input', { name: 'place', value: params.get('place') ?? '' })),
    h('label', {}, 'From ', h('input', { name: 'from', type: 'date', value: params.get('from') ?? '' })), h('label', {}, 'To ', h('input', { name: 'to', type: 'date', value: params.get('to') ?? '' })), h('button', { type: 'submit' }, 'Filter'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = `#incidents?${new URLSearchParams([...new FormData(form)].map(([k, v]) => [k, String(v)]))}`;
  });
  return h('div', {}, h('h1', {}, `Incidents (${incidents.length})`), form,
    table(['on', 'ACLED type', 'sub-event', 'place', 'actors', 'killed', 'injured', 'source'], incidents.map((i: any) => [i.on, i.event_type, i.sub_event_type, i.location.name, i.actors.map((a: any) => a.name).join('; '), i.fatalities, i.injured ?? '', i.source ? h('a', { href: i.source, rel: 'noreferrer' }, 'source') : '']), [5, 6]));
}

export async function backupsView(): Promise<HTMLElement> {
  const { plans } = await api('GET', '/api/backups');
  const current = plans.find((p: any) => p.kind === 'current');
  const rows = plans.map((p: any) => [p.name, p.as_of, money(p.summary?.mission_total ?? 0), current ? money((p.summary?.mission_total ?? 0) - (current.summary?.mission_total ?? 0)) : '', p.movements, p.dispositions, p.summary?.stale ? `stale: ${p.summary.stale}` : '']);
  const out = h('pre', { id: 'whatif-out' });
  const form = <HTMLFormElement>h('form', { class: 'card', id: 'whatif' }, h('label', {}, 'What if (JSON lines of events)'), h('textarea', { name: 'lines' }), h('label', {}, 'Save as ', h('input', { name: 'save', placeholder: 'name (optional)' })), h('button', { type: 'submit' }, 'Plan it'), out);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const f = new FormData(form);
    out.textContent = 'planning…';
    try {
      const w = await api('POST', '/api/whatif', { lines: String(f.get('lines')), ...(f.get('save') ? { save: String(f.get('save')) } : {}) });
      out.textContent = `mission total ${money(w.current.mission_total)} → ${money(w.whatif.mission_total)}; closures moved: ${w.closures_moved.map((c: any) => `${c.site} ${c.current}→${c.whatif}`).join(', ') || 'none'}; movements: ${w.movements.kept.length} same, ${w.movements.moved.length} moved, ${w.movements.removed.length} dropped, ${w.movements.added.length} new`;
    } catch (e) {
      out.textContent = e instanceof HttpError ? `${e.body.message}\n${e.body.errors.map((x) => `${x.field}: ${x.message}`).join('\n')}` : String(e);
    }
  });
  return h('div', {}, h('h1', {}, 'Backup plans'), table(['name', 'as of', 'mission total', 'against current', 'movements', 'dispositions', ''], rows, [2, 3, 4, 5]), h('h2', {}, 'A new what-if'), form);
}
