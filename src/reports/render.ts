// The situation report as HTML (for the PDF and the browser) and as Markdown. Charts and the map
// are SVG drawn here, from the same borders as the web app: nothing is fetched.
import type { Sitrep } from './sitrep.ts';

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const n = (x: number | null | undefined) => (x === null || x === undefined ? '—' : Math.round(x).toLocaleString('en-US'));
const money = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(x / 1e6).toFixed(2)} M`);
export const MARKING: Record<string, string> = { unclassified: 'UNCLASSIFIED', confidential: 'CONFIDENTIAL', strictly_confidential: 'STRICTLY CONFIDENTIAL' };

function table(head: string[], rows: unknown[][]): string {
  if (rows.length === 0) return '<p class="muted">None.</p>';
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

function lineChart(points: { date: string; remaining: number }[]): string {
  const W = 640;
  const H = 160;
  const max = Math.max(1, ...points.map((p) => p.remaining));
  const x = (i: number) => 40 + (i / Math.max(1, points.length - 1)) * (W - 50);
  const y = (v: number) => 10 + (1 - v / max) * (H - 30);
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.remaining).toFixed(1)}`).join('');
  return `<svg viewBox="0 0 ${W} ${H}" width="100%"><path d="${path}" fill="none" stroke="#2f6db3" stroke-width="2"/><text x="0" y="14" font-size="10">${n(max)}</text><text x="40" y="${H - 4}" font-size="10">${esc(points[0]?.date)}</text><text x="${W - 70}" y="${H - 4}" font-size="10">${esc(points.at(-1)?.date)}</text></svg>`;
}

function barChart(data: Record<string, number>): string {
  const entries = Object.entries(data);
  if (entries.length === 0) return '';
  const W = 640;
  const H = 120;
  const max = Math.max(1, ...entries.map(([, v]) => v));
  const bw = (W - 40) / entries.length;
  return `<svg viewBox="0 0 ${W} ${H + 20}" width="100%">${entries.map(([k, v], i) => `<rect x="${40 + i * bw}" y="${H - (v / max) * H}" width="${bw * 0.6}" height="${(v / max) * H}" fill="#b3261e"/><text x="${40 + i * bw}" y="${H + 14}" font-size="10">${esc(k)} (${v})</text>`).join('')}</svg>`;
}

function map(r: Sitrep, borders: { features: { geometry: { type: string; coordinates: any }; properties: { focus?: boolean } }[] }): string {
  const W = 640;
  const H = 500;
  const box = { lon0: -12.5, lon1: 4.8, lat0: 10, lat1: 25.3 };
  const x = (lon: number) => ((lon - box.lon0) / (box.lon1 - box.lon0)) * W;
  const y = (lat: number) => ((box.lat1 - lat) / (box.lat1 - box.lat0)) * H;
  const ring = (c: number[][]) => c.map(([lon, lat], i) => `${i ? 'L' : 'M'}${x(lon!).toFixed(1)},${y(lat!).toFixed(1)}`).join('') + 'Z';
  const d = (g: { type: string; coordinates: any }) => (g.type === 'Polygon' ? g.coordinates.map(ring).join('') : g.coordinates.map((p: number[][][]) => p.map(ring).join('')).join(''));
  const colour: Record<string, string> = { open: '#2e7d32', drawing_down: '#f9a825', closed: '#616161', handed_over: '#1565c0' };
  return `<svg viewBox="0 0 ${W} ${H}" width="100%" class="map">${borders.features.map((f) => `<path d="${d(f.geometry)}" fill="${f.properties.focus ? '#fbf8f1' : '#eee9de'}" stroke="#8d816c" stroke-width="${f.properties.focus ? 1.2 : 0.5}"/>`).join('')}${r.incidents.map((i) => `<circle cx="${x(i.lon)}" cy="${y(i.lat)}" r="4" fill="#e53935"/>`).join('')}${r.sites.filter((s) => s.kind !== 'exit').map((s) => `<circle cx="${x(s.lon)}" cy="${y(s.lat)}" r="6" fill="${colour[s.status]}" stroke="#1d2733"/><text x="${x(s.lon) + 8}" y="${y(s.lat) + 4}" font-size="11">${esc(s.name)}</text>`).join('')}</svg>`;
}

export function sitrepHtml(r: Sitrep, borders: Parameters<typeof map>[1]): string {
  const p = r.people;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(r.title)}</title><style>
body { font: 10.5pt/1.35 "DejaVu Sans", sans-serif; color: #1d2733; margin: 0; }
h1 { font-size: 15pt; margin: 0 0 4pt; } h2 { font-size: 12pt; margin: 14pt 0 4pt; border-bottom: 1px solid #ccc; page-break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0; font-size: 9pt; page-break-inside: auto; } th, td { border: 1px solid #d0d6de; padding: 2pt 4pt; text-align: left; } th { background: #eef2f6; }
.muted { color: #6a7888; } .withheld { border: 1px solid #b3261e; padding: 4pt; color: #b3261e; }
.kpis span { display: inline-block; margin-right: 14pt; } .kpis b { font-size: 12pt; }
</style></head><body>
<h1>${esc(r.title)}</h1>
<p class="muted">Copy ${esc(r.copy_id)} made for ${esc(r.recipient.name)} (cleared to ${esc(MARKING[r.recipient.clearance])}). Marking: ${esc(MARKING[r.marking])}.</p>
${r.withheld > 0 ? `<p class="withheld">${r.withheld} record${r.withheld === 1 ? ' above the recipient\'s clearance was' : 's above the recipient\'s clearance were'} left out of this copy.</p>` : ''}
<h2>1. Camps</h2>
${table(['camp', 'status', 'deadline', 'closes (plan)', 'handed over', 'environmental close-out', 'explosives survey'], r.camps.map((c) => [c.name, c.status.replace('_', ' '), c.deadline, c.closes_on, c.handed_over ? `${c.handed_over.on} to ${c.handed_over.recipient}` : '', c.handed_over?.environmental_closeout ?? '', c.handed_over?.explosives_survey ?? '']))}
<h2>2. People</h2>
<p class="kpis"><span>Departed <b>${n(p.departed)}</b></span><span>Remaining <b>${n(p.remaining)}</b></span><span>of whom essential <b>${n(p.remaining_essential)}</b>, non-essential <b>${n(p.remaining_non_essential)}</b></span><span>At the start <b>${n(p.total)}</b></span></p>
${lineChart(r.people_series)}
<h2>3. Equipment</h2>
${table(['kind', 'units', 'moved out', 'disposed of', 'remaining'], r.equipment.map((e) => [e.kind, n(e.total), n(e.moved), n(e.disposed), n(e.remaining)]))}
<p>Disposed of by action: ${Object.entries(r.disposed_by_action).map(([a, c]) => `${esc(a)} ${n(c)}`).join(', ') || 'none'}. Value lost so far: <b>${money(r.value.lost_so_far)}</b>; in the current plan, still to come: <b>${money(r.value.lost_in_plan)}</b>. Mission total (done and planned): ${money(r.value.mission_total)}.</p>
${table(['owner', 'moved out', 'disposed of', 'remaining'], r.owners.map((o) => [o.owner, n(o.moved), n(o.disposed), n(o.remaining)]))}
<p>Largest losses and their reasons:</p>
${table(['day', 'lot', 'site', 'units', 'action', 'value lost', 'reason'], r.losses.map((l) => [`${l.when}${l.done ? '' : ' (plan)'}`, l.lot, l.site, n(l.count), l.action, money(l.value), l.reason]))}
<h2>4. Movements</h2>
<p>Last day: ${r.movements_last_day.length}; last week: ${r.movements_last_week.length}; under way: ${r.under_way.length}.</p>
${table(['id', 'mode', 'from', 'to', 'left', 'due', 'trucks', 'people', 'units'], [...r.movements_last_week, ...r.under_way.filter((u) => !r.movements_last_week.some((m) => m.id === u.id))].map((m) => [m.id, m.mode, m.from, m.to, m.depart, m.arrive, m.trucks, n(m.people), n(m.units)]))}
<h2>5. Incidents</h2>
${table(['ACLED event type', 'incidents'], Object.entries(r.incidents_by_type))}
${map(r, borders)}
${barChart(r.incidents_by_month)}
${table(['day', 'event type', 'sub-event type', 'place', 'killed', 'injured'], r.incidents.map((i) => [i.on, i.event_type, i.sub_event_type, i.place, i.fatalities, i.injured]))}
<h2>6. Restrictions tally</h2>
<p>Requests and refusals by domain and month, customs blocks and patrols prevented, as reported to the Security Council.</p>
${table(['month', 'domain', 'records', 'requested', 'refused'], r.tally.map((t) => [t.month, t.domain, t.records, t.requested, t.denied]))}
<h2>7. Outlook</h2>
${table(['next closures', 'closes on', 'deadline'], r.next_closures.map((c) => [c.site, c.closes_on, c.deadline]))}
<p>Binding constraints: ${r.binding.map((b) => esc(b.detail)).join('; ') || 'none'}.</p>
${table(['backup plan', 'mission total'], r.backups.map((b) => [b.name, money(b.mission_total)]))}
</body></html>`;
}

export function sitrepMarkdown(r: Sitrep): string {
  const rows = (head: string[], body: unknown[][]) => (body.length === 0 ? 'None.' : [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...body.map((b) => `| ${b.map((c) => String(c ?? '')).join(' | ')} |`)].join('\n'));
  return [
    `**${MARKING[r.marking]}** — copy ${r.copy_id} for ${r.recipient.name}`,
    `# ${r.title}`,
    r.withheld > 0 ? `_${r.withheld} records above the recipient's clearance were left out of this copy._` : '',
    '## 1. Camps', rows(['camp', 'status', 'deadline', 'closes (plan)', 'handed over'], r.camps.map((c) => [c.name, c.status, c.deadline, c.closes_on, c.handed_over ? `${c.handed_over.on} to ${c.handed_over.recipient}` : ''])),
    '## 2. People', `Departed ${n(r.people.departed)}; remaining ${n(r.people.remaining)} (essential ${n(r.people.remaining_essential)}, non-essential ${n(r.people.remaining_non_essential)}).`,
    '## 3. Equipment', rows(['kind', 'units', 'moved out', 'disposed of', 'remaining'], r.equipment.map((e) => [e.kind, e.total, e.moved, e.disposed, e.remaining])), `Value lost so far ${money(r.value.lost_so_far)}; in the plan ${money(r.value.lost_in_plan)}.`,
    '## 4. Movements', `Last day ${r.movements_last_day.length}; last week ${r.movements_last_week.length}; under way ${r.under_way.length}.`,
    '## 5. Incidents', rows(['ACLED event type', 'incidents'], Object.entries(r.incidents_by_type)),
    '## 6. Restrictions tally', rows(['month', 'domain', 'records', 'requested', 'refused'], r.tally.map((t) => [t.month, t.domain, t.records, t.requested, t.denied])),
    '## 7. Outlook', rows(['next closures', 'closes on', 'deadline'], r.next_closures.map((c) => [c.site, c.closes_on, c.deadline])),
    `**${MARKING[r.marking]}** — copy ${r.copy_id}`,
  ].filter(Boolean).join('\n\n');
}
