// The Drawdown web app: sign-in, then one view per part of the picture, chosen by the address's
// hash (#map, #plan, #equipment, #permits, #incidents, #backups, #log). Everything it shows
// comes from the API of the same server; nothing is fetched from anywhere else.
import { api, HttpError, setCsrf } from './api.ts';
import { h } from './dom.ts';
import { mapView } from './views/map.ts';
import { planView } from './views/plan.ts';
import { backupsView, equipmentView, incidentsView, permitsView } from './views/records.ts';
import { logView } from './views/log.ts';
import { reviewView } from './views/review.ts';
import { reportsView } from './views/reports.ts';

type Me = { name: string; role: string; clearance: string; csrf: string | null };
const VIEWS = ['map', 'plan', 'equipment', 'permits', 'incidents', 'backups', 'log', 'review', 'reports'] as const;
let me: Me | null = null;

const view = () => document.getElementById('view')!;

async function render(): Promise<void> {
  const name = (location.hash.slice(1).split('?')[0] || 'map') as (typeof VIEWS)[number];
  if (!me) return signIn();
  const nav = document.getElementById('nav')!;
  nav.replaceChildren(...VIEWS.map((v) => h('a', { href: `#${v}`, class: v === name ? 'active' : undefined }, v[0]!.toUpperCase() + v.slice(1))));
  document.getElementById('who')!.replaceChildren(`${me.name} (${me.role}, ${me.clearance.replace('_', ' ')})`, h('button', { class: 'secondary', id: 'sign-out', onclick: signOut }, 'Sign out'));
  const started = performance.now();
  try {
    let el: HTMLElement;
    if (name === 'plan') el = await planView(me.role);
    else if (name === 'equipment') el = await equipmentView(me.role);
    else if (name === 'permits') el = await permitsView();
    else if (name === 'incidents') el = await incidentsView();
    else if (name === 'backups') el = await backupsView();
    else if (name === 'review') el = await reviewView();
    else if (name === 'reports') el = await reportsView();
    else if (name === 'log') {
      const state = await api('GET', '/api/state');
      el = await logView(state.as_of, state.sites.filter((s: any) => s.kind !== 'exit').map((s: any) => ({ id: s.id, name: s.id })));
    } else el = await mapView();
    el.dataset.view = name;
    view().replaceChildren(el);
    document.body.dataset.rendered = String(Math.round(performance.now() - started));
  } catch (e) {
    if (e instanceof HttpError && e.status === 401) {
      me = null;
      return signIn();
    }
    view().replaceChildren(h('p', { class: 'error' }, e instanceof HttpError ? `${e.body.message} — ${e.body.hint}` : String(e)));
  }
}

function signIn(): void {
  document.getElementById('nav')!.replaceChildren();
  document.getElementById('who')!.replaceChildren();
  const error = h('p', { class: 'error', id: 'sign-in-error' });
  const form = h('form', { class: 'card signin', id: 'sign-in' }, h('h1', {}, 'Sign in'), h('label', {}, 'Name', h('input', { name: 'name', autocomplete: 'username', required: true })), h('label', {}, 'Password', h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true })), h('button', { type: 'submit' }, 'Sign in'), error);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const f = new FormData(form as HTMLFormElement);
    try {
      me = await api<Me>('POST', '/api/session', { name: f.get('name'), password: f.get('password') });
      setCsrf(me.csrf);
      await render();
    } catch (e) {
      error.textContent = e instanceof HttpError ? e.body.message : String(e);
    }
  });
  view().replaceChildren(form);
}

async function signOut(): Promise<void> {
  await api('DELETE', '/api/session').catch(() => undefined);
  me = null;
  setCsrf(null);
  signIn();
}

window.addEventListener('hashchange', () => void render());
void (async () => {
  try {
    me = await api<Me>('GET', '/api/me');
    setCsrf(me.csrf);
  } catch {
    me = null;
  }
  await render();
})();
