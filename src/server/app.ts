// The HTTP server: the route table behind sign-in, roles, clearances and CSRF checks, with
// security headers on every answer and errors from the catalogue. A factory with typed options;
// bad options fail at start-up.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DrawdownError, isDrawdownError } from '../domain/errors.ts';
import { can, type Classification, type Role } from '../domain/security/access.ts';
import type { Planner } from '../operations/mission.ts';
import type { MissionStore, MissionVersion } from '../store/store.ts';
import { openApiDocument, docsPage } from './openapi.ts';
import type { Ctx, Job, Route, Services, User } from './route.ts';
import { ROUTES } from './routes/index.ts';
import { type AuditCall, ReadCache } from './read-cache.ts';

export type ServerOptions = {
  store: MissionStore;
  /** Folder of the built web app (index.html, app.js, app.css); the API alone when absent. */
  webDir?: string;
  planner?: Planner;
  /** Send the session cookie only over HTTPS (set behind a TLS proxy). */
  secureCookies?: boolean;
  now?: () => Date;
  logger?: boolean;
};

export const SESSION_COOKIE = 'drawdown_session';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export function buildServer(options: ServerOptions): FastifyInstance {
  if (!options.store) throw new DrawdownError('DRW_USAGE', 'buildServer: a mission store is required');
  if (options.webDir !== undefined && !existsSync(join(options.webDir, 'index.html'))) {
    throw new DrawdownError('DRW_USAGE', `buildServer: ${options.webDir} holds no index.html (build the web app with \`npm run build\`)`);
  }
  const services: Services = { store: options.store, planner: options.planner, jobs: new Map<string, Job>(), readCache: new ReadCache(), now: options.now ?? (() => new Date()) };
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: false,
    // What the router refuses before any route runs (bad percent-encoding, a path parameter past
    // maxParamLength) gets the API's error shape as well.
    frameworkErrors: (error, _req, reply: FastifyReply) => {
      const why = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'a part of it is too long' : 'it is not valid percent-encoded UTF-8';
      securityHeaders(reply);
      void reply.status(error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400).send(errorBody(new DrawdownError('DRW_BAD_REQUEST', 'the address cannot be read', [`path: ${why}`])));
    },
  });

  app.addHook('onSend', async (_req, reply, payload) => {
    securityHeaders(reply);
    return payload;
  });

  app.setErrorHandler((error: unknown, _req, reply) => {
    const e = error as { validation?: unknown; statusCode?: number; message?: string; code?: string };
    if (isDrawdownError(error)) return reply.status(error.status).send(errorBody(error));
    if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (e.statusCode && e.statusCode >= 400 && e.statusCode < 500)) {
      return reply.status(e.statusCode && e.statusCode < 500 ? e.statusCode : 400).send({ code: 'DRW_BAD_REQUEST', message: e.message ?? 'bad request', hint: 'send JSON with content-type application/json', errors: [] });
    }
    return reply.status(500).send({ code: 'DRW_INTERNAL', message: 'internal error', hint: 'this is a bug in Drawdown; please report it', errors: [] });
  });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) return reply.status(404).send({ code: 'DRW_NOT_FOUND', message: `no route ${req.method} ${req.url.split('?')[0]}`, hint: 'see /api/docs', errors: [] });
    return sendWeb(reply, 'index.html');
  });

  for (const r of ROUTES) {
    app.route({ method: r.method, url: r.url, handler: (req, reply) => serve(r, req, reply) });
  }
  app.get('/api/openapi.json', async () => openApiDocument(ROUTES));
  app.get('/api/docs', async (_req, reply) => reply.type('text/html; charset=utf-8').send(docsPage(ROUTES)));
  app.get('/', (_req, reply) => sendWeb(reply, 'index.html'));
  app.get('/assets/:file', (req, reply) => sendWeb(reply, (req.params as { file: string }).file));
  return app;

  async function serve(r: Route, req: FastifyRequest, reply: FastifyReply): Promise<unknown> {
    const sessionId = cookie(req, SESSION_COOKIE);
    const signedIn = sessionId ? await sessionUser(sessionId, req) : null;
    const user = signedIn?.user ?? null;
    if (r.access !== 'public') {
      if (!user) throw new DrawdownError('DRW_UNAUTHENTICATED', 'sign in first');
      if (r.access !== 'signed_in' && !can(user.role, r.access)) throw new DrawdownError('DRW_FORBIDDEN', `your role (${user.role}) may not ${r.summary.toLowerCase()} (needs ${r.access})`);
    }
    const parse = (schema: z.ZodType | undefined, value: unknown, where: string) => {
      if (!schema) return value;
      const out = schema.safeParse(value ?? {});
      if (!out.success) throw new DrawdownError('DRW_BAD_REQUEST', `invalid ${where}`, out.error.issues.map((i) => `${[where, ...i.path].join('.')}: ${issueMessage(i)}`));
      return out.data;
    };
    const ctx: Ctx = {
      user: user ?? { name: '(anonymous)', role: 'viewer', clearance: 'unclassified' },
      query: parse(r.query, req.query, 'query'),
      body: parse(r.body, req.body, 'body'),
      params: parse(r.params, req.params, 'params'),
      services,
      ip: req.ip,
      sessionId,
      audit: (action, target, classification = 'unclassified') => services.store.access.audit({ user: user?.name ?? '(anonymous)', action, target, classification }),
      setSession: (id) => {
        const flags = `Path=/; HttpOnly; SameSite=Strict${options.secureCookies ? '; Secure' : ''}`;
        reply.header('set-cookie', id ? `${SESSION_COOKIE}=${id}; ${flags}` : `${SESSION_COOKIE}=; ${flags}; Max-Age=0`);
      },
    };
    if (r.cacheable && r.method === 'GET') {
      // The version is read before computing, so an entry is never older than its key.
      const version = signedIn?.version ?? (await services.store.version());
      const key = ReadCache.key(r.url, ctx.query, ctx.user.clearance, version.key);
      const { answer, computed } = await services.readCache.answer(key, async () => {
        const audits: AuditCall[] = [];
        const audit = ctx.audit;
        const result = await r.handler({ ...ctx, audit: (action, target, classification) => (audits.push({ action, target, classification }), audit(action, target, classification)) });
        return { body: JSON.stringify(result), audits };
      });
      // A reader served a shared answer is audited for what it read, as the one who computed it was.
      if (!computed) for (const a of answer.audits) await ctx.audit(a.action, a.target, a.classification);
      return reply.type('application/json; charset=utf-8').send(answer.body);
    }
    const result = await r.handler(ctx);
    if (result && typeof result === 'object' && '$file' in result) {
      const f = result as { $file: Buffer; type: string; name: string };
      return reply.type(f.type).header('content-disposition', `attachment; filename="${f.name}"`).send(f.$file);
    }
    return result;
  }

  /** The signed-in user of a session; for writes, only with the session's CSRF token. */
  async function sessionUser(id: string, req: FastifyRequest): Promise<{ user: User; version: MissionVersion } | null> {
    const s = await services.store.access.sessionWithUser(id);
    if (!s) return null;
    if (s.expiresAt <= services.now().toISOString()) {
      await services.store.access.endSession(id);
      return null;
    }
    const u = s.user;
    if (u.disabled) return null;
    if (req.method !== 'GET' && req.headers['x-csrf-token'] !== s.csrf) throw new DrawdownError('DRW_CSRF', 'missing or wrong x-csrf-token header');
    return { user: { name: u.name, role: u.role as Role, clearance: u.clearance as Classification }, version: s.version };
  }

  function sendWeb(reply: FastifyReply, file: string): FastifyReply {
    const types: Record<string, string> = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', map: 'application/json', svg: 'image/svg+xml' };
    const ext = file.split('.').pop() ?? '';
    if (!options.webDir || !/^[a-z0-9._-]+$/i.test(file) || !types[ext] || !existsSync(join(options.webDir, file))) {
      return reply.status(404).type('text/plain').send('not found');
    }
    return reply.type(types[ext]!).send(readFileSync(join(options.webDir, file)));
  }
}

/** A schema problem in one line: unknown keys are quoted as JSON (zod writes a key's line breaks as they are). */
function issueMessage(i: z.core.$ZodIssue): string {
  if (i.code !== 'unrecognized_keys') return i.message;
  return `unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => JSON.stringify(k)).join(', ')} — remove ${i.keys.length > 1 ? 'them' : 'it'}`;
}

function securityHeaders(reply: FastifyReply): void {
  reply.header('content-security-policy', CSP);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('x-frame-options', 'DENY');
  reply.header('referrer-policy', 'no-referrer');
  reply.header('cross-origin-opener-policy', 'same-origin');
  reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
  reply.header('cache-control', 'no-store');
}

function cookie(req: FastifyRequest, name: string): string | null {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=') || null;
  }
  return null;
}

/** An error as the API tells it: code, message, hint, and each problem with its field. */
function errorBody(e: DrawdownError): { code: string; message: string; hint: string; errors: { field: string; message: string }[] } {
  const errors = e.lines.map((line) => {
    // "body:1 deadline: is not a calendar date", "event:1 type: …" (the body's `event`) or "body.deadline: must be …"
    // A field may be quoted (an unknown field with an odd name, colons included).
    const m = /^(?:([a-z_]+):\d+ )?((?:"(?:[^"\\]|\\.)*"|[^:"])+): (.*)$/.exec(line);
    if (!m) return { field: '', message: line };
    const field = m[2]!.replace(/^body\./, '');
    return { field: m[1] && m[1] !== 'body' ? `${m[1]}.${field}` : field, message: m[3]! };
  });
  return { code: e.code, message: e.message, hint: e.hint, errors };
}
