// The analyst's review queue: each candidate read from a report beside its evidence sentence,
// with the event it suggests in an editable form; accept records it (same checks as any event),
// reject keeps it with the reason. Possible duplicates of the log are flagged.
import { api, HttpError } from '../api.ts';
import { h } from '../dom.ts';
import { onJsonSubmit, showErrors } from './log.ts';

export async function reviewView(): Promise<HTMLElement> {
  const { candidates } = await api('GET', '/api/candidates');
  const pending = candidates.filter((c: any) => c.status === 'pending');
  const done = candidates.filter((c: any) => c.status !== 'pending');
  const ingestOut = h('p', { class: 'muted' });
  const ingest = <HTMLFormElement>h('form', { class: 'card', id: 'ingest-form' }, h('strong', {}, 'Read a report  '), h('label', {}, 'Published ', h('input', { name: 'published', placeholder: 'YYYY-MM-DD' })), h('label', {}, 'Source ', h('input', { name: 'source' })), h('textarea', { name: 'text', placeholder: 'Paste wire copy or a UN note here' }), h('button', { type: 'submit' }, 'Read'), ingestOut);
  ingest.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const f = new FormData(ingest);
    try {
      const r = await api('POST', '/api/ingest', { text: String(f.get('text')), published: String(f.get('published')), ...(f.get('source') ? { source: String(f.get('source')) } : {}) });
      ingestOut.textContent = `${r.queued} candidates added`;
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } catch (e) {
      showErrors(ingest, e, ingestOut);
    }
  });
  const cards = pending.map((q: any) => {
    const c = q.candidate;
    const general = h('p', { class: 'error' });
    const area = h('textarea', { name: 'event' }) as HTMLTextAreaElement;
    area.value = JSON.stringify(q.suggested, null, 1);
    const form = <HTMLFormElement>h('form', { class: 'card', 'data-candidate': q.id },
      h('p', {}, h('strong', {}, `${c.kind}`), ` ${c.date ?? '?'} at ${c.location?.name ?? '?'} — confidence ${c.confidence.toFixed(2)}`, q.duplicate_of ? h('strong', { class: 'error', 'data-duplicate': q.duplicate_of }, `  possible duplicate of log #${q.duplicate_of}`) : null),
      h('blockquote', {}, `“${c.evidence}”`), c.source ? h('p', { class: 'muted' }, `source: ${c.source}`) : null,
      area, h('button', { type: 'submit', 'data-accept': q.id }, 'Accept'), ' ', h('button', { type: 'button', class: 'secondary', 'data-reject': q.id, onclick: () => reject(q.id) }, 'Reject'), general);
    onJsonSubmit(form, area, general, (event) => api('POST', `/api/candidates/${q.id}/accept`, { event }));
    return form;
  });
  async function reject(id: number) {
    const reason = prompt('Why is it rejected?');
    if (!reason) return;
    try {
      await api('POST', `/api/candidates/${id}/reject`, { reason });
    } catch (e) {
      alert(e instanceof HttpError ? e.body.message : String(e));
    }
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  }
  return h('div', {}, h('h1', {}, `Review queue (${pending.length} to review)`), ingest, ...cards,
    h('h2', {}, 'Reviewed'), h('ul', {}, ...done.map((q: any) => h('li', {}, `#${q.id} ${q.candidate.kind} ${q.status} by ${q.decided_by}${q.log_seq ? ` → log #${q.log_seq}` : ''}${q.reason ? ` — ${q.reason}` : ''}`))));
}
