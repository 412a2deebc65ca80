// A candidate event read from text (DESIGN.md's ingest JSON): one zod schema, from which the
// type, the CLI's output check and the API docs derive.
import { z } from 'zod';
import { isoDate } from '../domain/scenario/schema.ts';

export const CANDIDATE_KINDS = ['incident', 'movement', 'restriction', 'disposal', 'site_status', 'background'] as const;
export type CandidateKind = (typeof CANDIDATE_KINDS)[number];

export const placeSchema = z.object({ name: z.string(), lat: z.number(), lon: z.number() });
export type Place = z.infer<typeof placeSchema>;

export const candidateSchema = z.object({
  kind: z.enum(CANDIDATE_KINDS),
  date: isoDate.nullable(),
  date_precision: z.enum(['day', 'month', 'year']).nullable(),
  event_type: z.string().nullable(),
  sub_event_type: z.string().nullable(),
  actors: z.array(z.string()),
  location: placeSchema.nullable(),
  from: placeSchema.nullable(),
  to: placeSchema.nullable(),
  quantity: z.record(z.string(), z.union([z.number(), z.object({ min: z.number().optional(), max: z.number().optional() })])).nullable(),
  fatalities: z.number().int().nullable(),
  injured: z.number().int().nullable(),
  /** For restrictions: air, ground, customs, patrol or personnel. For disposals: the action. For site status: the recipient. */
  detail: z.string().nullable(),
  confidence: z.number().min(0).max(1),
  evidence: z.string(),
  /** The file it was read from, when ingesting several. */
  source: z.string().nullable(),
});
export type Candidate = z.infer<typeof candidateSchema>;
