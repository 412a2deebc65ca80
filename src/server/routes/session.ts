// Signing in and out. Sign-in is slowed after repeated failures (per address and name); a
// session lives in an httpOnly, SameSite=Strict cookie and comes with a CSRF token that every
// write must echo in the x-csrf-token header.
import { z } from 'zod';
import { DrawdownError } from '../../domain/errors.ts';
import { verifyPassword } from '../passwords.ts';
import { type Ctx, route } from '../route.ts';
import { token } from './admin.ts';

export const SESSION_HOURS = 8;
export const SIGN_IN_LIMIT = { failures: 5, windowMinutes: 15 };

/** Too many failed sign-ins from this address for this name (or for any name) lately, counted across every server process. */
async function limited(ctx: Ctx, name: string, now: number): Promise<boolean> {
  const since = new Date(now - SIGN_IN_LIMIT.windowMinutes * 60_000).toISOString();
  const n = await ctx.services.store.access.signInFailures(ctx.ip, name, since);
  return n.forName >= SIGN_IN_LIMIT.failures || n.forAddress >= SIGN_IN_LIMIT.failures * 4;
}

export const sessionRoutes = [
  route({
    method: 'POST', url: '/api/session', summary: 'Sign in with name and password; sets the session cookie and returns the CSRF token', access: 'public',
    body: z.strictObject({ name: z.string().min(1).max(100), password: z.string().min(1).max(1000) }),
    async handler(ctx) {
      const now = ctx.services.now().getTime();
      if (await limited(ctx, ctx.body.name, now)) throw new DrawdownError('DRW_RATE_LIMITED', 'too many failed sign-ins; try again later');
      const user = await ctx.services.store.access.user(ctx.body.name);
      const ok = user !== undefined && !user.disabled && (await verifyPassword(ctx.body.password, user.password_hash));
      if (!ok || !user) {
        await ctx.services.store.access.failSignIn(ctx.ip, ctx.body.name, new Date(now).toISOString(), new Date(now - SIGN_IN_LIMIT.windowMinutes * 60_000).toISOString());
        throw new DrawdownError('DRW_SIGN_IN_FAILED', 'wrong name or password, or the account is disabled');
      }
      const id = token();
      const csrf = token();
      await ctx.services.store.access.createSession({ id, user: user.name, csrf, expiresAt: new Date(now + SESSION_HOURS * 3600_000).toISOString() });
      ctx.setSession(id);
      return { name: user.name, role: user.role, clearance: user.clearance, csrf };
    },
  }),
  route({
    method: 'DELETE', url: '/api/session', summary: 'Sign out', access: 'signed_in',
    async handler(ctx) {
      if (ctx.sessionId) await ctx.services.store.access.endSession(ctx.sessionId);
      ctx.setSession(null);
      return { signed_out: true };
    },
  }),
];
