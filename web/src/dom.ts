// A few DOM helpers: elements from tags, attributes and children; SVG the same way.
type Child = Node | string | number | null | undefined | false;

export function h(tag: string, attrs: Record<string, unknown> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v as EventListener);
    else el.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}

export function s(tag: string, attrs: Record<string, unknown> = {}, ...children: (Node | string)[]): SVGElement {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) el.setAttribute(k, String(v));
  for (const c of children) el.append(c);
  return el;
}

export const n = (x: number) => Math.round(x).toLocaleString('en-US');
export const money = (x: number) => `${(x / 1e6).toFixed(2)} M`;

export function table(head: string[], rows: Child[][], numeric: number[] = []): HTMLElement {
  return h('table', {}, h('thead', {}, h('tr', {}, ...head.map((t, i) => h('th', { class: numeric.includes(i) ? 'num' : undefined }, t)))), h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c, i) => h('td', { class: numeric.includes(i) ? 'num' : undefined }, c))))));
}
