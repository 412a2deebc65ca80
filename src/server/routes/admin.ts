// Signing in and out, users, the audit trail, and the API's own description.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { DrawdownError } from '../../domain/errors.ts';
import { classificationSchema, roleSchema } from '../../domain/security/access.ts';
import { hashPassword } from '../passwords.ts';
import { route } from '../route.ts';

export const userInput = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, { error: 'must be 2–40 lower-case letters, digits, dots, dashes or underscores' }),
  password: z.string().min(10, { error: 'must be at least 10 characters' }),
  role: roleSchema,
  clearance: classificationSchema,
});

export const adminRoutes = [
  route({
    method: 'GET', url: '/api/me', summary: 'Who is signed in: name, role, clearance, and the session\'s CSRF token', access: 'signed_in',
    async handler(ctx) {
      const session = ctx.sessionId ? await ctx.services.store.access.session(ctx.sessionId) : undefined;
      return { name: ctx.user.name, role: ctx.user.role, clearance: ctx.user.clearance, csrf: session?.csrf ?? null };
    },
  }),
  route({
    method: 'GET', url: '/api/users', summary: 'The users, their roles and clearances', access: 'users.manage',
    async handler(ctx) {
      return { users: (await ctx.services.store.access.users()).map(({ password_hash: _h, ...u }) => u) };
    },
  }),
  route({
    method: 'POST', url: '/api/users', summary: 'Add a user', access: 'users.manage', body: userInput,
    async handler(ctx) {
      if (await ctx.services.store.access.user(ctx.body.name)) throw new DrawdownError('DRW_EVENT_CONFLICT', `user ${ctx.body.name} exists`);
      await ctx.services.store.access.addUser({ name: ctx.body.name, passwordHash: await hashPassword(ctx.body.password), role: ctx.body.role, clearance: ctx.body.clearance });
      await ctx.audit('write', `user ${ctx.body.name}`);
      return { name: ctx.body.name, role: ctx.body.role, clearance: ctx.body.clearance };
    },
  }),
  route({
    method: 'POST', url: '/api/users/:name/disable', summary: 'Disable a user: their sessions end at once', access: 'users.manage', params: z.strictObject({ name: z.string() }),
    async handler(ctx) {
      if (!(await ctx.services.store.access.disableUser(ctx.params.name))) throw new DrawdownError('DRW_NOT_FOUND', `no user ${JSON.stringify(ctx.params.name)}`);
      await ctx.audit('write', `user ${ctx.params.name} disabled`);
      return { name: ctx.params.name, disabled: true };
    },
  }),
  route({
    method: 'GET', url: '/api/audit', summary: 'Who read and wrote what, newest first', access: 'audit.read',
    async handler(ctx) {
      return { audit: await ctx.services.store.access.auditTrail() };
    },
  }),
];

/** A session id or CSRF token: 32 random bytes. */
export function token(): string {
  return randomBytes(32).toString('base64url');
}
