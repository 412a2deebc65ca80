// The events of the log. One schema per event type; the union is what the log accepts.
// Each event is flat: its `type`, its effective day `on`, and its own fields.
import { z } from 'zod';
import { MODES, id, isoDate } from '../scenario/schema.ts';

const base = { on: isoDate };

/** The first entry of every log: ties the chain to the exact scenario text the mission started from. */
export const missionCreatedSchema = z.strictObject({
  type: z.literal('mission_created'),
  ...base,
  mission: z.string(),
  scenario_sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const deadlineChangedSchema = z.strictObject({
  type: z.literal('deadline_changed'),
  ...base,
  site: id,
  deadline: isoDate,
  reason: z.string().min(1).optional(),
});

export const legClosedSchema = z.strictObject({
  type: z.literal('leg_closed'),
  ...base,
  from: id,
  to: id,
  mode: z.enum(MODES),
  /** Last day of the closure, if known; open-ended otherwise. */
  until: isoDate.optional(),
  reason: z.string().min(1),
});

export const legReopenedSchema = z.strictObject({
  type: z.literal('leg_reopened'),
  ...base,
  from: id,
  to: id,
  mode: z.enum(MODES),
});

export const eventSchema = z.discriminatedUnion('type', [missionCreatedSchema, deadlineChangedSchema, legClosedSchema, legReopenedSchema]);

export type MissionEvent = z.infer<typeof eventSchema>;
export type EventType = MissionEvent['type'];
export const EVENT_TYPES = eventSchema.options.map((o) => o.shape.type.value) as EventType[];
