// The plan as DESIGN.md defines it: the shape the planner writes and the verifier reads.
import { z } from 'zod';
import { DISPOSAL_ACTIONS, MODES, isoDate } from '../scenario/schema.ts';

export const objectiveSchema = z.object({
  total: z.number(),
  value_recovered: z.number(),
  value_lost: z.number(),
  risk: z.number(),
  cost: z.number(),
});

export const closureDateSchema = z.object({
  site: z.string(),
  closes_on: isoDate,
  deadline: isoDate,
});

export const movementSchema = z.object({
  id: z.string().min(1),
  mode: z.enum(MODES),
  from: z.string(),
  to: z.string(),
  depart: isoDate,
  arrive: isoDate,
  trucks: z.number().int().min(0),
  escorts: z.number().int().min(0),
  people: z.array(z.object({ group: z.string(), count: z.number().int().min(1) })),
  cargo: z.array(z.object({ lot: z.string(), count: z.number().int().min(1) })),
});

export const dispositionSchema = z.object({
  lot: z.string(),
  site: z.string(),
  count: z.number().int().min(1),
  action: z.enum(DISPOSAL_ACTIONS),
  on: isoDate,
  /** Why the planner chose to dispose rather than move: a sentence a planner can act on. */
  reason: z.string().optional(),
});

export const bindingSchema = z.object({
  resource: z.enum(['trucks', 'escorts', 'sorties', 'deadline', 'leg_closure']),
  detail: z.string(),
  days: z.array(isoDate).optional(),
});

export const planSchema = z.object({
  scenario: z.string(),
  horizon: z.object({ start: isoDate, end: isoDate }),
  objective: objectiveSchema,
  bound: z.number().nullable(),
  gap: z.number().nullable(),
  solve_seconds: z.number(),
  closures: z.array(closureDateSchema),
  movements: z.array(movementSchema),
  dispositions: z.array(dispositionSchema),
  method: z.string().optional(),
  binding: z.array(bindingSchema).optional(),
});

export type Plan = z.infer<typeof planSchema>;
export type Movement = z.infer<typeof movementSchema>;
export type Disposition = z.infer<typeof dispositionSchema>;
export type Objective = z.infer<typeof objectiveSchema>;
export type ClosureDate = z.infer<typeof closureDateSchema>;
export type Binding = z.infer<typeof bindingSchema>;
