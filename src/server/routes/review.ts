// The analyst's review queue: candidate events read from reports, each beside its evidence;
// accepted ones enter the log through the same checks as any recorded event, with their source.
import { z } from 'zod';
import { DrawdownError } from '../../domain/errors.ts';
import { isoDate } from '../../domain/scenario/schema.ts';
import { can, recordPermission } from '../../domain/security/access.ts';
import { extract } from '../../ingest/extract.ts';
import { buildGazetteer } from '../../ingest/gazetteer.ts';
import { duplicateOf, suggestEvent } from '../../ingest/review.ts';
import type { Candidate } from '../../ingest/schema.ts';
import { recordLines } from '../../operations/record.ts';
import { route } from '../route.ts';

const idParams = z.strictObject({ id: z.coerce.number().int() });

export const reviewRoutes = [
  route({
    method: 'POST', url: '/api/ingest', summary: 'Read a report (plain text) and add its candidate events to the review queue', access: 'event.record.operations',
    body: z.strictObject({ text: z.string().min(1).max(200_000), published: isoDate, source: z.string().min(1).optional() }),
    async handler(ctx) {
      const { store } = ctx.services;
      const sites = (await store.scenario()).sites.map((s) => ({ id: s.id, name: s.name, lat: s.lat, lon: s.lon }));
      const candidates = extract(ctx.body.text, { published: ctx.body.published, gazetteer: buildGazetteer(sites), source: ctx.body.source }).filter((c) => c.kind !== 'background');
      const log = (await store.entries()).map((e) => ({ seq: e.seq, event: e.event }));
      await store.access.queueCandidates(candidates, ctx.user.name, (c) => duplicateOf(c as Candidate, log, sites));
      await ctx.audit('write', `review queue +${candidates.length}`);
      return { queued: candidates.length };
    },
  }),
  route({
    method: 'GET', url: '/api/candidates', summary: 'The review queue: candidates with their evidence, suggested event, and the log entry each may repeat', access: 'event.record.operations',
    async handler(ctx) {
      const queued = await ctx.services.store.access.candidates();
      return { candidates: queued.map((q) => ({ ...q, suggested: suggestEvent(q.candidate as Candidate) })) };
    },
  }),
  route({
    method: 'POST', url: '/api/candidates/:id/accept', summary: 'Accept a candidate: the (corrected) event is recorded in the log with its source', access: 'event.record.operations',
    params: idParams, body: z.strictObject({ event: z.looseObject({ type: z.string() }) }),
    async handler(ctx) {
      const q = await ctx.services.store.access.candidate(ctx.params.id);
      if (!q) throw new DrawdownError('DRW_NOT_FOUND', `no candidate ${ctx.params.id}`);
      if (q.status !== 'pending') throw new DrawdownError('DRW_EVENT_CONFLICT', `candidate ${q.id} is already ${q.status}`);
      const need = recordPermission(ctx.body.event.type);
      if (!can(ctx.user.role, need)) throw new DrawdownError('DRW_FORBIDDEN', `your role (${ctx.user.role}) may not record ${ctx.body.event.type} (needs ${need})`);
      const c = q.candidate as Candidate;
      const event = { ...ctx.body.event, source: ctx.body.event.source ?? c.source ?? `report read on ${q.created_at.slice(0, 10)}` };
      const [written] = await recordLines(ctx.services.store, JSON.stringify(event), 'event', ctx.user.name, {
        acceptsCandidate: { id: q.id, by: ctx.user.name },
        audit: (entries) => entries.map((w) => ({ user: ctx.user.name, action: 'write', target: `log #${w.seq} from candidate ${q.id}`, classification: w.event.classification ?? 'unclassified' })),
      });
      return { candidate: q.id, seq: written!.seq };
    },
  }),
  route({
    method: 'POST', url: '/api/candidates/:id/reject', summary: 'Reject a candidate, keeping it with the reason', access: 'event.record.operations',
    params: idParams, body: z.strictObject({ reason: z.string().min(1) }),
    async handler(ctx) {
      const q = await ctx.services.store.access.candidate(ctx.params.id);
      if (!q) throw new DrawdownError('DRW_NOT_FOUND', `no candidate ${ctx.params.id}`);
      if (q.status !== 'pending') throw new DrawdownError('DRW_EVENT_CONFLICT', `candidate ${q.id} is already ${q.status}`);
      await ctx.services.store.access.decideCandidate(q.id, { status: 'rejected', by: ctx.user.name, reason: ctx.body.reason });
      await ctx.audit('write', `candidate ${q.id} rejected`);
      return { candidate: q.id, status: 'rejected' };
    },
  }),
];
