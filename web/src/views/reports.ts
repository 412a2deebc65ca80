// Reports: make a copy of the situation report for a named user in the background (progress
// shown), then download it; every copy kept with its hash.
import { api } from '../api.ts';
import { h, table } from '../dom.ts';
import { showErrors } from './log.ts';

export async function reportsView(): Promise<HTMLElement> {
  const { reports } = await api('GET', '/api/reports');
  const progress = h('pre', { class: 'muted', id: 'report-progress' });
  const form = <HTMLFormElement>h('form', { class: 'card inline', id: 'report-form' }, h('strong', {}, 'Situation report  '), h('label', {}, 'For user ', h('input', { name: 'for', required: true })), h('label', {}, 'As of ', h('input', { name: 'on', placeholder: 'YYYY-MM-DD (today if empty)' })), h('button', { type: 'submit' }, 'Make the copy'), progress);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const f = new FormData(form);
    try {
      const { job } = await api('POST', '/api/reports/sitrep', { for: String(f.get('for')), ...(f.get('on') ? { on: String(f.get('on')) } : {}) });
      for (;;) {
        await new Promise((r) => setTimeout(r, 400));
        const j = await api('GET', `/api/jobs/${job}`);
        progress.textContent = j.progress.join('\n');
        if (j.status === 'done') return window.dispatchEvent(new HashChangeEvent('hashchange'));
        if (j.status === 'failed') return void (progress.textContent = `failed: ${j.error.message}`);
      }
    } catch (e) {
      showErrors(form, e, progress);
    }
  });
  return h('div', {}, h('h1', {}, 'Reports'), form, table(['copy', 'as of', 'for', 'made by', 'marking', 'sha256', ''], reports.map((r: any) => [r.copy_id, r.on_date, r.recipient, r.made_by, r.marking.replace('_', ' '), h('code', {}, r.sha256.slice(0, 16)), h('a', { href: `/api/reports/${r.id}/file`, download: `sitrep-${r.copy_id}.pdf` }, 'PDF')])));
}
