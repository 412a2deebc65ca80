// A route of the API: its method and path, what it does, who may call it, and the zod schemas of
// its input. The OpenAPI document, the access tests and the server are all made from the table
// of these.
import type { z } from 'zod';
import type { Classification, Permission, Role } from '../domain/security/access.ts';
import type { MissionStore } from '../store/store.ts';
import type { Planner } from '../operations/mission.ts';
import type { ReadCache } from './read-cache.ts';

export type User = { name: string; role: Role; clearance: Classification };

export type Services = {
  store: MissionStore;
  planner?: Planner;
  /** Background jobs (re-plans): progress and result by id. */
  jobs: Map<string, Job>;
  /** Answers of cacheable read routes, by query, clearance and mission version. */
  readCache: ReadCache;
  now: () => Date;
};

export type Job = { id: string; kind: string; status: 'running' | 'done' | 'failed'; progress: string[]; result?: unknown; error?: { code: string; message: string } };

export type Ctx<Q = unknown, B = unknown, P = unknown> = {
  user: User;
  query: Q;
  body: B;
  params: P;
  services: Services;
  /** Writes an entry to the audit trail (who, what, which record, its classification). */
  audit(action: string, target: string, classification?: Classification): Promise<void>;
  /** The request's client address and the reply's session cookie: for signing in and out. */
  ip: string;
  setSession(id: string | null): void;
  sessionId: string | null;
};

export type Access = Permission | 'public' | 'signed_in';

export type Route = {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  summary: string;
  access: Access;
  query?: z.ZodType;
  body?: z.ZodType;
  params?: z.ZodType;
  /** Whether the route may return records above the caller's clearance if unfiltered (tested). */
  classified?: boolean;
  /** Its answer depends only on the query, the caller's clearance and the mission's version: kept between writes (read-cache.ts). */
  cacheable?: boolean;
  handler(ctx: Ctx<any, any, any>): Promise<unknown>;
};

export function route<Q extends z.ZodType = z.ZodUnknown, B extends z.ZodType = z.ZodUnknown, P extends z.ZodType = z.ZodUnknown>(r: {
  method: Route['method'];
  url: string;
  summary: string;
  access: Access;
  query?: Q;
  body?: B;
  params?: P;
  classified?: boolean;
  cacheable?: boolean;
  handler(ctx: Ctx<z.output<Q>, z.output<B>, z.output<P>>): Promise<unknown>;
}): Route {
  return r as Route;
}
