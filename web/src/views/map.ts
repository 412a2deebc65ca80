// The map: Mali's borders (Natural Earth, served once by the API), sites by status with deadlines,
// legs by current risk, closed legs, convoys under way and incidents by ACLED type.
import { api } from '../api.ts';
import { h, s } from '../dom.ts';

const W = 900;
const H = 700;
const BOX = { lon0: -12.5, lon1: 4.8, lat0: 10, lat1: 25.3 };
const x = (lon: number) => ((lon - BOX.lon0) / (BOX.lon1 - BOX.lon0)) * W;
const y = (lat: number) => ((BOX.lat1 - lat) / (BOX.lat1 - BOX.lat0)) * H;

const STATUS_COLOUR: Record<string, string> = { open: '#2e7d32', drawing_down: '#f9a825', closed: '#616161', handed_over: '#1565c0' };
const riskColour = (r: number) => (r >= 0.8 ? '#b3261e' : r >= 0.5 ? '#e65100' : r > 0 ? '#f9a825' : '#2e7d32');

function ring(coords: number[][]): string {
  return coords.map(([lon, lat], i) => `${i ? 'L' : 'M'}${x(lon!).toFixed(1)},${y(lat!).toFixed(1)}`).join('') + 'Z';
}

function path(geometry: { type: string; coordinates: any }): string {
  if (geometry.type === 'Polygon') return geometry.coordinates.map(ring).join('');
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.map((p: number[][][]) => p.map(ring).join('')).join('');
  return '';
}

function incidentSymbol(type: string, cx: number, cy: number, title: string): SVGElement {
  const t = s('title', {}, title);
  if (type === 'Explosions/Remote violence') return s('polygon', { class: 'incident', points: `${cx},${cy - 7} ${cx - 6},${cy + 5} ${cx + 6},${cy + 5}`, fill: '#e53935' }, t);
  if (type === 'Battles') return s('path', { class: 'incident', d: `M${cx - 5},${cy - 5}L${cx + 5},${cy + 5}M${cx + 5},${cy - 5}L${cx - 5},${cy + 5}`, stroke: '#b71c1c', 'stroke-width': 3 }, t);
  if (type === 'Violence against civilians') return s('rect', { class: 'incident', x: cx - 4, y: cy - 4, width: 8, height: 8, fill: '#8e24aa' }, t);
  return s('circle', { class: 'incident', cx, cy, r: 4, fill: '#795548' }, t);
}

// Borders never change: fetched once per page.
let borders: Promise<any> | undefined;

export async function mapView(): Promise<HTMLElement> {
  borders ??= api('GET', '/api/borders').catch((e) => {
    borders = undefined;
    throw e;
  });
  const [m, b] = await Promise.all([api('GET', '/api/map'), borders]);
  const svg = s('svg', { class: 'map', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `Map of the mission on ${m.as_of}` });
  for (const f of b.features) svg.append(s('path', { class: `country${f.properties.focus ? ' focus' : ''}`, d: path(f.geometry) }, s('title', {}, f.properties.name)));
  const site = new Map<string, any>(m.sites.map((x: any) => [x.id, x]));
  for (const l of m.legs) {
    const a = site.get(l.from);
    const b = site.get(l.to);
    if (!a || !b) continue;
    svg.append(s('line', { class: `leg ${l.mode}${l.closed ? ' closed' : ''}`, x1: x(a.lon), y1: y(a.lat), x2: x(b.lon), y2: y(b.lat), stroke: l.closed ? '#b3261e' : riskColour(l.risk), 'data-leg': `${l.from}-${l.to}-${l.mode}` }, s('title', {}, `${l.from} → ${l.to} (${l.mode}) risk ${l.risk}${l.risk > l.base_risk ? ` (raised from ${l.base_risk} by incidents)` : ''}${l.closed ? ' — closed' : ''}`)));
  }
  // Refused permits: a cross at the middle of the leg, with the days refused.
  const denied = new Map<string, string[]>();
  for (const p of m.denied_permits) denied.set(`${p.from}>${p.to}>${p.mode}`, [...(denied.get(`${p.from}>${p.to}>${p.mode}`) ?? []), p.for_date]);
  for (const [key, dates] of denied) {
    const [from, to] = key.split('>');
    const a = site.get(from!);
    const b = site.get(to!);
    if (!a || !b) continue;
    const cx = (x(a.lon) + x(b.lon)) / 2;
    const cy = (y(a.lat) + y(b.lat)) / 2;
    svg.append(s('text', { x: cx - 6, y: cy + 5, class: 'denied', fill: '#b3261e', 'font-size': 16, 'font-weight': 'bold' }, '⊘', s('title', {}, `permit refused ${key.replaceAll('>', ' → ')} for ${dates.join(', ')}`)));
  }
  for (const c of m.under_way) {
    const a = site.get(c.from);
    const b = site.get(c.to);
    if (!a || !b) continue;
    svg.append(s('rect', { class: 'convoy', x: (x(a.lon) + x(b.lon)) / 2 - 4, y: (y(a.lat) + y(b.lat)) / 2 - 4, width: 8, height: 8 }, s('title', {}, `${c.movement} under way ${c.from} → ${c.to}, expected ${c.expected}`)));
  }
  for (const i of m.incidents) svg.append(incidentSymbol(i.event_type, x(i.location.lon), y(i.location.lat), `${i.on} ${i.sub_event_type} at ${i.location.name}${i.fatalities ? `, ${i.fatalities} killed` : ''}`));
  for (const st of m.sites) {
    const cx = x(st.lon);
    const cy = y(st.lat);
    svg.append(s('circle', { cx, cy, r: st.kind === 'exit' ? 5 : 7, fill: st.kind === 'exit' ? '#fff' : STATUS_COLOUR[st.status], stroke: '#1d2733', 'stroke-width': 1.5, 'data-site': st.id }, s('title', {}, `${st.name}: ${st.status}${st.deadline ? `, deadline ${st.deadline}` : ''}, ${st.people} people`)));
    svg.append(s('text', { class: 'site-label', x: cx + 9, y: cy + 4 }, st.kind === 'exit' ? st.name : `${st.name} (${st.deadline ?? ''})`));
  }
  const legend = h('p', { class: 'legend' }, ...['open', 'drawing_down', 'closed', 'handed_over'].map((k) => h('span', {}, h('i', { class: `swatch ${k}` }), k.replace('_', ' '))), h('span', {}, '▲ IED/explosion  ✕ battle  ■ violence against civilians  ● other'), h('span', {}, 'roads: green safe → red risky; red dashes: closed; ⊘ permit refused'));
  return h('div', {}, h('h1', {}, `Map — ${m.as_of}`), legend, svg, h('p', { class: 'muted' }, `${m.incidents.length} incidents shown; ${m.denied_permits.length} permits denied; ${m.under_way.length} convoys under way.`));
}
