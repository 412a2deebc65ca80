// The log: the audit trail, filterable by type; recording an event from a form, checked by the
// same rules as the CLI, with each field error shown beside its field.
import { api, HttpError } from '../api.ts';
import { h, table } from '../dom.ts';

const TEMPLATES: Record<string, object> = {
  leg_closed: { from: '', to: '', mode: 'road', until: '', reason: '' },
  permit_denied: { from: '', to: '', mode: 'air', for_date: '', reason: '' },
  incident: { event_type: 'Explosions/Remote violence', sub_event_type: 'Remote explosive/landmine/IED', actors: [], location: { name: '', lat: 0, lon: 0 }, fatalities: 0, source: '' },
  restriction: { domain: 'air', imposed_by: '', requested: 1, denied: 1, notes: '' },
  fleet_changed: { trucks: 0 },
};

export async function logView(today: string, sites: { id: string; name: string }[]): Promise<HTMLElement> {
  const type = new URLSearchParams(location.hash.split('?')[1] ?? '').get('type') ?? '';
  const { entries, hidden } = await api('GET', `/api/log${type ? `?type=${encodeURIComponent(type)}` : ''}`);
  const rows = [...entries].reverse().slice(0, 300).map((e: any) => [e.seq, e.recorded_at.slice(0, 16).replace('T', ' '), e.actor, e.type, e.on, h('code', {}, JSON.stringify(Object.fromEntries(Object.entries(e.event).filter(([k]) => !['type', 'on'].includes(k)))).slice(0, 160))]);
  return h('div', {}, h('h1', {}, 'Log'),
    deadlineForm(today, sites), eventForm(today),
    h('p', {}, 'Type: ', ...['', 'deadline_changed', 'leg_closed', 'permit_denied', 'incident', 'restriction', 'site_handed_over', 'movement_departed', 'disposition_done'].map((t) => h('a', { href: `#log${t ? `?type=${t}` : ''}` }, `${t || 'all'} `))),
    hidden ? h('p', { class: 'muted' }, `${hidden} entries above your clearance are not shown.`) : null,
    table(['#', 'recorded', 'by', 'type', 'on', 'details'], rows, [0]));
}

/** Shows each API field error beside the input of that name. */
export function showErrors(form: HTMLFormElement, e: unknown, general: HTMLElement): void {
  for (const el of form.querySelectorAll('.field-error')) el.remove();
  for (const el of form.querySelectorAll('.invalid')) el.classList.remove('invalid');
  if (!(e instanceof HttpError)) {
    general.textContent = String(e);
    return;
  }
  general.textContent = e.body.message;
  for (const err of e.body.errors) {
    const input = form.querySelector(`[name="${err.field.split('.')[0]}"]`) ?? form.querySelector('textarea');
    input?.classList.add('invalid');
    input?.insertAdjacentElement('afterend', h('span', { class: 'field-error', 'data-field': err.field }, `${err.field}: ${err.message}`));
  }
}

function deadlineForm(today: string, sites: { id: string; name: string }[]): HTMLElement {
  const general = h('p', { class: 'error' });
  const form = h('form', { class: 'card inline', id: 'deadline-form' }, h('strong', {}, 'Deadline change  '),
    h('label', {}, 'Site ', h('select', { name: 'site' }, ...sites.map((s) => h('option', { value: s.id }, s.name)))),
    h('label', {}, 'Effective ', h('input', { name: 'on', value: today })),
    h('label', {}, 'New deadline ', h('input', { name: 'deadline', placeholder: 'YYYY-MM-DD' })),
    h('label', {}, 'Reason ', h('input', { name: 'reason' })), h('button', { type: 'submit' }, 'Record'), general) as HTMLFormElement;
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const f = new FormData(form);
    const event = { type: 'deadline_changed', on: String(f.get('on')), site: String(f.get('site')), deadline: String(f.get('deadline')), ...(f.get('reason') ? { reason: String(f.get('reason')) } : {}) };
    try {
      await api('POST', '/api/events', event);
      general.textContent = 'recorded; re-planning…';
      const { job } = await api('POST', '/api/plan/replan').catch(() => ({ job: null }));
      if (job) for (let j = await api('GET', `/api/jobs/${job}`); j.status === 'running'; j = await api('GET', `/api/jobs/${job}`)) await new Promise((r) => setTimeout(r, 300));
      location.hash = '#plan';
    } catch (e) {
      showErrors(form, e, general);
    }
  });
  return form;
}

function eventForm(today: string): HTMLElement {
  const general = h('p', { class: 'error' });
  const select = h('select', { name: 'type' }, ...Object.keys(TEMPLATES).map((t) => h('option', {}, t))) as HTMLSelectElement;
  const area = h('textarea', { name: 'event' }) as HTMLTextAreaElement;
  const fill = () => (area.value = JSON.stringify({ type: select.value, on: today, ...TEMPLATES[select.value] }, null, 1));
  select.addEventListener('change', fill);
  fill();
  const form = h('form', { class: 'card', id: 'event-form' }, h('strong', {}, 'Record an event  '), select, area, h('button', { type: 'submit' }, 'Record'), general) as HTMLFormElement;
  onJsonSubmit(form, area, general, (event) => api('POST', '/api/events', event));
  return form;
}

/** Sends the event written in a form's textarea; field errors go beside the form's fields, and the view redraws on success. */
export function onJsonSubmit(form: HTMLFormElement, area: HTMLTextAreaElement, general: HTMLElement, send: (event: unknown) => Promise<unknown>): void {
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    let event: unknown;
    try {
      event = JSON.parse(area.value);
    } catch {
      general.textContent = 'not valid JSON';
      return;
    }
    try {
      await send(event);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } catch (e) {
      showErrors(form, e, general);
    }
  });
}
