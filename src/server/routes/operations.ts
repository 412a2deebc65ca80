// Writing to the mission: recording events (the same validation as the CLI), re-planning in the
// background, what-ifs and backup plans, and the disposition workflow.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DrawdownError } from '../../domain/errors.ts';
import { parseEventLines } from '../../domain/events/lines.ts';
import { DISPOSAL_ACTIONS, id, isoDate } from '../../domain/scenario/schema.ts';
import { certificateSchema } from '../../domain/events/schema.ts';
import { can, type Classification, classificationSchema, recordPermission } from '../../domain/security/access.ts';
import { visible } from './mission.ts';
import { recordLines } from '../../operations/record.ts';
import { replan } from '../../operations/replan.ts';
import { reevaluateBackups, saveBackup, whatIf } from '../../operations/whatif.ts';
import { coalesced } from '../../operations/coalesce.ts';
import { loadMission } from '../../operations/mission.ts';
import { type Ctx, route, type Services } from '../route.ts';

/** Records events given as JSON lines (or one event object), after checking the caller may record each type. */
async function record(ctx: Ctx, text: string): Promise<{ recorded: number; seq: number[] }> {
  for (const { event } of parseEventLines(text).events) {
    const need = recordPermission(event.type);
    if (!can(ctx.user.role, need)) throw new DrawdownError('DRW_FORBIDDEN', `your role (${ctx.user.role}) may not record ${event.type} (needs ${need})`);
  }
  const written = await recordLines(ctx.services.store, text, 'body', ctx.user.name, {
    audit: (entries) => entries.map((w) => ({ user: ctx.user.name, action: 'write', target: `log #${w.seq} ${w.type}`, classification: w.event.classification ?? 'unclassified' })),
  });
  void refreshBackups(ctx.services);
  return { recorded: written.length, seq: written.map((w) => w.seq) };
}

// Backup plans are re-made after every recorded event; under many writes, one re-making at a
// time (and one more after it) rather than one per write.
const refreshers = new WeakMap<Services, () => Promise<void>>();
function refreshBackups(services: Services): Promise<void> {
  let refresh = refreshers.get(services);
  if (!refresh) refreshers.set(services, (refresh = coalesced(() => reevaluateBackups(services.store, { planner: services.planner }))));
  return refresh();
}

export function startJob(services: Services, kind: string, work: (progress: (m: string) => void) => Promise<unknown>): { job: string } {
  const job = { id: randomUUID(), kind, status: 'running' as const, progress: [] as string[] };
  services.jobs.set(job.id, job);
  work((m) => job.progress.push(m)).then(
    (result) => Object.assign(job, { status: 'done', result }),
    (e) => Object.assign(job, { status: 'failed', error: { code: (e as DrawdownError).code ?? 'DRW_INTERNAL', message: (e as Error).message } }),
  );
  return { job: job.id };
}

export const operationRoutes = [
  route({
    method: 'POST', url: '/api/events', summary: 'Record events: one event object, or `lines` of JSON events; all or nothing, same rules as `drawdown record`', access: 'signed_in',
    body: z.union([z.strictObject({ lines: z.string().min(1) }), z.looseObject({ type: z.string() })]),
    async handler(ctx) {
      const text = 'lines' in ctx.body && typeof ctx.body.lines === 'string' ? ctx.body.lines : JSON.stringify(ctx.body);
      return record(ctx, text);
    },
  }),
  route({
    method: 'POST', url: '/api/plan/replan', summary: 'Re-plan from the current state in the background; poll the job for progress and the result', access: 'plan.replan',
    async handler(ctx) {
      const { store, planner } = ctx.services;
      await ctx.audit('write', 'plan current');
      return startJob(ctx.services, 'replan', async (progress) => {
        const r = await replan(store, { planner, onProgress: progress });
        return { as_of: r.summary.as_of, summary: r.summary };
      });
    },
  }),
  route({
    method: 'GET', url: '/api/jobs/:id', summary: 'A background job: its progress messages and, once done, its result', access: 'signed_in',
    params: z.strictObject({ id: z.string() }),
    async handler(ctx) {
      const job = ctx.services.jobs.get(ctx.params.id);
      if (!job) throw new DrawdownError('DRW_NOT_FOUND', `no job ${JSON.stringify(ctx.params.id)}`);
      return job;
    },
  }),
  route({
    method: 'POST', url: '/api/whatif', summary: 'Plan as if the events had happened (not recorded); with `save`, keep it as a backup plan', access: 'plan.whatif',
    body: z.strictObject({ lines: z.string().min(1), save: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).optional() }),
    async handler(ctx) {
      const w = await whatIf(ctx.services.store, ctx.body.lines, 'body', { planner: ctx.services.planner });
      if (ctx.body.save) {
        await saveBackup(ctx.services.store, ctx.body.save, ctx.body.lines, w);
        await ctx.audit('write', `backup ${ctx.body.save}`);
      }
      return { as_of: w.as_of, current: w.current.summary, whatif: w.whatif.summary, lost: w.lost, closures_moved: w.closures_moved, movements: w.movements };
    },
  }),
  route({
    method: 'GET', url: '/api/dispositions', summary: 'Dispositions proposed, approved, rejected and done', access: 'mission.read', classified: true,
    async handler(ctx) {
      const all = await ctx.services.store.access.proposals();
      return { proposals: await visible(ctx, all.map((p) => ({ ...p, classification: p.classification as Classification })), (p) => `proposal ${p.id}`) };
    },
  }),
  route({
    method: 'POST', url: '/api/dispositions', summary: 'Propose a disposition of units of a lot (from the plan or by a property officer)', access: 'disposition.propose',
    body: z.strictObject({ lot: id, site: id, count: z.number().int().min(1), action: z.enum(DISPOSAL_ACTIONS), on: isoDate, reason: z.string().min(1), classification: classificationSchema.default('unclassified') }),
    async handler(ctx) {
      const m = await loadMission(ctx.services.store);
      const site = m.scenario.sites.find((s) => s.id === ctx.body.site);
      if (!site) throw new DrawdownError('DRW_EVENT_INVALID', 'unknown site', [`site: unknown site "${ctx.body.site}"`]);
      if (!site.lots.some((l) => l.id === ctx.body.lot) && !m.scenario.sites.some((s) => s.lots.some((l) => l.id === ctx.body.lot))) throw new DrawdownError('DRW_EVENT_INVALID', 'unknown lot', [`lot: unknown lot "${ctx.body.lot}"`]);
      const p = await ctx.services.store.access.propose({ lot: ctx.body.lot, site: ctx.body.site, count: ctx.body.count, action: ctx.body.action, on_date: ctx.body.on, reason: ctx.body.reason, classification: ctx.body.classification, proposed_by: ctx.user.name });
      await ctx.audit('write', `proposal ${p.id}`, ctx.body.classification);
      return p;
    },
  }),
  route({
    method: 'POST', url: '/api/dispositions/:id/decide', summary: 'Approve or reject a proposed disposition', access: 'disposition.approve',
    params: z.strictObject({ id: z.coerce.number().int() }), body: z.strictObject({ decision: z.enum(['approved', 'rejected']) }),
    async handler(ctx) {
      const p = await ctx.services.store.access.proposal(ctx.params.id);
      if (!p) throw new DrawdownError('DRW_NOT_FOUND', `no proposal ${ctx.params.id}`);
      if (p.status !== 'proposed') throw new DrawdownError('DRW_EVENT_CONFLICT', `proposal ${p.id} is already ${p.status}`);
      if (p.proposed_by === ctx.user.name) throw new DrawdownError('DRW_FORBIDDEN', 'a disposition is approved by someone other than who proposed it');
      await ctx.services.store.access.decide(p.id, ctx.body.decision, ctx.user.name);
      await ctx.audit('write', `proposal ${p.id} ${ctx.body.decision}`, p.classification as Classification);
      return { ...p, status: ctx.body.decision, decided_by: ctx.user.name };
    },
  }),
  route({
    method: 'POST', url: '/api/dispositions/:id/done', summary: 'Record an approved disposition as done, with its certificate (reference, witnesses, board)', access: 'disposition.complete',
    params: z.strictObject({ id: z.coerce.number().int() }), body: z.strictObject({ on: isoDate, certificate: certificateSchema }),
    async handler(ctx) {
      const p = await ctx.services.store.access.proposal(ctx.params.id);
      if (!p) throw new DrawdownError('DRW_NOT_FOUND', `no proposal ${ctx.params.id}`);
      if (p.status !== 'approved') throw new DrawdownError('DRW_EVENT_CONFLICT', `proposal ${p.id} is ${p.status}; only an approved disposition is carried out`);
      const event = { type: 'disposition_done', on: ctx.body.on, lot: p.lot, site: p.site, count: p.count, action: p.action, certificate: ctx.body.certificate, classification: p.classification, notes: p.reason };
      const written = await recordLines(ctx.services.store, JSON.stringify(event), 'body', ctx.user.name, {
        completesProposal: { id: p.id, by: ctx.user.name },
        audit: (entries) => entries.map((w) => ({ user: ctx.user.name, action: 'write', target: `log #${w.seq} disposition_done`, classification: p.classification })),
      });
      return { proposal: p.id, seq: written[0]!.seq };
    },
  }),
];
