// The OpenAPI document and the docs page, made from the route table and its zod schemas.
import { z } from 'zod';
import { ERRORS } from '../domain/errors.ts';
import { PERMISSIONS } from '../domain/security/access.ts';
import type { Route } from './route.ts';

const jsonSchema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });

export function openApiDocument(routes: readonly Route[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.url.replace(/:([a-z_]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [['query', r.query], ['path', r.params]] as const) {
      if (!schema) continue;
      const js = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, s] of Object.entries(js.properties ?? {})) parameters.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: s });
    }
    (paths[path] ??= {})[r.method.toLowerCase()] = {
      summary: r.summary,
      'x-access': r.access,
      ...(r.access !== 'public' ? { security: [{ session: [] }] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body) } } } } : {}),
      responses: { 200: { description: 'OK' }, default: { description: 'An error from the catalogue', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Drawdown API', version: '1', description: 'Plans and runs the withdrawal of a peacekeeping mission. Writes need the x-csrf-token header returned at sign-in.' },
    paths,
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'drawdown_session' } },
      schemas: { Error: { type: 'object', required: ['code', 'message', 'hint', 'errors'], properties: { code: { enum: Object.keys(ERRORS) }, message: { type: 'string' }, hint: { type: 'string' }, errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } } } } },
    },
    'x-permissions': PERMISSIONS,
  };
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function docsPage(routes: readonly Route[]): string {
  const rows = routes.map((r) => {
    const body = r.body ? `<pre>${esc(JSON.stringify(jsonSchema(r.body), null, 1))}</pre>` : '';
    const query = r.query ? `<pre>${esc(JSON.stringify(jsonSchema(r.query), null, 1))}</pre>` : '';
    return `<section><h2><code>${r.method} ${esc(r.url)}</code></h2><p>${esc(r.summary)}</p><p>Access: <code>${esc(r.access)}</code></p>${query}${body}</section>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Drawdown API</title><link rel="stylesheet" href="/assets/app.css"></head><body class="docs"><h1>Drawdown API</h1><p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a>. Errors carry a stable <code>DRW_…</code> code, a message, a hint and the fields at fault.</p>${rows.join('')}</body></html>`;
}
