// Reports from the web app: a copy of the situation report made as a background job for a named
// user; the file and its hash are kept, and downloaded by those cleared for its marking.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { DrawdownError } from '../../domain/errors.ts';
import { isoDate } from '../../domain/scenario/schema.ts';
import { type Classification, cleared } from '../../domain/security/access.ts';
import { makeSitrep } from '../../operations/report.ts';
import { htmlToPdf } from '../../reports/pdf.ts';
import { MARKING, sitrepHtml } from '../../reports/render.ts';
import { borders } from '../map.ts';
import { route } from '../route.ts';
import { startJob } from './operations.ts';

/** What a route returns to send a file instead of JSON. */
export type FileReply = { $file: Buffer; type: string; name: string };

export const reportRoutes = [
  route({
    method: 'POST', url: '/api/reports/sitrep', summary: 'Make a copy of the situation report for a named user, in the background; the job gives the copy\'s id', access: 'report.make',
    body: z.strictObject({ for: z.string().min(1), on: isoDate.optional() }),
    async handler(ctx) {
      const { store, planner } = ctx.services;
      const recipient = await store.access.user(ctx.body.for);
      if (!recipient) throw new DrawdownError('DRW_BAD_REQUEST', 'unknown recipient', [`for: no user ${JSON.stringify(ctx.body.for)}`]);
      // A copy may hold no more than its maker may read.
      if (!cleared(ctx.user.clearance, recipient.clearance as Classification)) throw new DrawdownError('DRW_FORBIDDEN', `${recipient.name} is cleared above you (${recipient.clearance}); ask someone cleared as high to make that copy`);
      return startJob(ctx.services, 'sitrep', async (progress) => {
        progress('gathering the state, the plan and the records');
        const { report, copyId } = await makeSitrep(store, { on: ctx.body.on, recipient: recipient.name, madeBy: ctx.user.name, planner });
        progress(`printing copy ${copyId}`);
        const file = await htmlToPdf(sitrepHtml(report, borders() as never), { marking: MARKING[report.marking]!, copyId });
        const sha256 = createHash('sha256').update(file).digest('hex');
        const id = await store.access.keepReport({ copyId, kind: 'sitrep', on: report.on, madeBy: ctx.user.name, recipient: recipient.name, marking: report.marking, sha256, file });
        return { id, copy_id: copyId, sha256, marking: report.marking, withheld: report.withheld };
      });
    },
  }),
  route({
    method: 'GET', url: '/api/reports', summary: 'The report copies kept, with their hash, maker and recipient', access: 'report.make', classified: true,
    async handler(ctx) {
      const all = await ctx.services.store.access.reports();
      return { reports: all.filter((r) => cleared(ctx.user.clearance, r.marking as Classification)) };
    },
  }),
  route({
    method: 'GET', url: '/api/reports/:id/file', summary: 'Download a report copy (PDF)', access: 'report.make',
    params: z.strictObject({ id: z.coerce.number().int() }),
    async handler(ctx): Promise<FileReply> {
      const r = await ctx.services.store.access.reportFile(ctx.params.id);
      if (!r || !cleared(ctx.user.clearance, r.marking as Classification)) throw new DrawdownError('DRW_NOT_FOUND', `no report ${ctx.params.id} you may read`);
      await ctx.audit('read', `report copy ${r.copy_id}`, r.marking as Classification);
      return { $file: Buffer.from(r.file), type: 'application/pdf', name: `sitrep-${r.copy_id}.pdf` };
    },
  }),
];
