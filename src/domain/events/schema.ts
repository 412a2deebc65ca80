// The events of the log. One schema per event type; the union is what the log accepts.
// Each event is flat: its `type`, its effective day `on`, its own fields, and where it is known
// from (`source`, optional).
import { z } from 'zod';
import { DISPOSAL_ACTIONS, MODES, id, isoDate } from '../scenario/schema.ts';
import { classificationSchema } from '../security/access.ts';
import { ACLED_ACTOR_TYPES, ACLED_EVENT_TYPES, ACLED_EVENT_TYPE_NAMES } from './acled.ts';

const text = z.string().min(1, { error: 'must not be empty' });
const count = z.number().int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1' });
const nonNegativeInt = z.number().int({ error: 'must be a whole number' }).min(0, { error: 'must not be negative' });

const base = {
  on: isoDate,
  /** Where the event is known from: a report, an address, a person. */
  source: text.optional(),
  notes: text.optional(),
  /** Who may read it; unclassified when absent. */
  classification: classificationSchema.optional(),
};
const leg = { from: id, to: id, mode: z.enum(MODES) };

/** The first entry of every log: ties the chain to the exact scenario text the mission started from. */
export const missionCreatedSchema = z.strictObject({
  type: z.literal('mission_created'),
  ...base,
  mission: z.string(),
  scenario_sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const deadlineChangedSchema = z.strictObject({ type: z.literal('deadline_changed'), ...base, site: id, deadline: isoDate, reason: text.optional() });

export const legClosedSchema = z.strictObject({
  type: z.literal('leg_closed'),
  ...base,
  ...leg,
  /** Last day of the closure, if known; open-ended otherwise. */
  until: isoDate.optional(),
  reason: text,
});

export const legReopenedSchema = z.strictObject({ type: z.literal('leg_reopened'), ...base, ...leg });

const permit = { ...base, ...leg, for_date: isoDate, reason: text.optional() };
export const permitRequestedSchema = z.strictObject({ type: z.literal('permit_requested'), ...permit });
export const permitGrantedSchema = z.strictObject({ type: z.literal('permit_granted'), ...permit });
/** A refused permit closes the leg on `for_date` (through `until`, when the refusal covers several days). */
export const permitDeniedSchema = z.strictObject({ type: z.literal('permit_denied'), ...permit, until: isoDate.optional() });

const manifestPeople = z.array(z.strictObject({ group: id, count }));
const manifestCargo = z.array(z.strictObject({ lot: id, count }));

/**
 * A movement leaves. Naming a movement of the current plan is enough (`{movement: "m0012"}`):
 * the manifest is filled in from the plan before the event is stored. An ad-hoc movement gives
 * its whole manifest. Stored events always carry the manifest.
 */
export const movementDepartedSchema = z.strictObject({
  type: z.literal('movement_departed'),
  ...base,
  movement: text,
  mode: z.enum(MODES).optional(),
  from: id.optional(),
  to: id.optional(),
  trucks: nonNegativeInt.optional(),
  escorts: nonNegativeInt.optional(),
  people: manifestPeople.optional(),
  cargo: manifestCargo.optional(),
});

export const movementArrivedSchema = z.strictObject({ type: z.literal('movement_arrived'), ...base, movement: text });

export const movementDelayedSchema = z.strictObject({ type: z.literal('movement_delayed'), ...base, movement: text, days: count, reason: text.optional() });

export const certificateSchema = z.strictObject({
  reference: text,
  witnesses: z.array(text).min(1, { error: 'name at least one witness' }),
  board: text,
});

export const dispositionDoneSchema = z.strictObject({
  type: z.literal('disposition_done'),
  ...base,
  lot: id,
  site: id,
  count,
  action: z.enum(DISPOSAL_ACTIONS),
  certificate: certificateSchema,
});

export const incidentSchema = z
  .strictObject({
    type: z.literal('incident'),
    ...base,
    event_type: z.enum(ACLED_EVENT_TYPE_NAMES),
    sub_event_type: text,
    actors: z.array(z.strictObject({ name: text, type: z.enum(ACLED_ACTOR_TYPES).optional() })).default([]),
    location: z.strictObject({ name: text, lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }),
    fatalities: nonNegativeInt.default(0),
    injured: nonNegativeInt.optional(),
  })
  .superRefine((e, ctx) => {
    const subs: readonly string[] = ACLED_EVENT_TYPES[e.event_type];
    if (!subs.includes(e.sub_event_type)) {
      ctx.addIssue({ code: 'custom', path: ['sub_event_type'], message: `${JSON.stringify(e.sub_event_type)} is not an ACLED sub-event type of ${e.event_type} (one of: ${subs.join('; ')})` });
    }
  });

export const RESTRICTION_DOMAINS = ['air', 'ground', 'customs', 'patrol', 'personnel'] as const;
export const restrictionSchema = z.strictObject({
  type: z.literal('restriction'),
  ...base,
  domain: z.enum(RESTRICTION_DOMAINS),
  imposed_by: text,
  /** How many requests this covers and how many of them were refused, when counted. */
  requested: nonNegativeInt.optional(),
  denied: nonNegativeInt.optional(),
});

/** A closure checklist item: done, partly done, not done, or not reported in the sources. */
export const CHECKLIST = ['done', 'partial', 'not_done', 'not_reported'] as const;
export const siteHandedOverSchema = z.strictObject({
  type: z.literal('site_handed_over'),
  ...base,
  site: id,
  recipient: text,
  environmental_closeout: z.enum(CHECKLIST),
  explosives_survey: z.enum(CHECKLIST),
  certificate: certificateSchema,
});

export const fleetChangedSchema = z
  .strictObject({
    type: z.literal('fleet_changed'),
    ...base,
    trucks: nonNegativeInt.optional(),
    escorts: nonNegativeInt.optional(),
    sorties_per_day: nonNegativeInt.optional(),
    reason: text.optional(),
  })
  .refine((e) => e.trucks !== undefined || e.escorts !== undefined || e.sorties_per_day !== undefined, { error: 'give trucks, escorts or sorties_per_day' });

export const eventSchema = z.discriminatedUnion('type', [
  missionCreatedSchema,
  deadlineChangedSchema,
  legClosedSchema,
  legReopenedSchema,
  permitRequestedSchema,
  permitGrantedSchema,
  permitDeniedSchema,
  movementDepartedSchema,
  movementArrivedSchema,
  movementDelayedSchema,
  dispositionDoneSchema,
  incidentSchema,
  restrictionSchema,
  siteHandedOverSchema,
  fleetChangedSchema,
]);

export type MissionEvent = z.infer<typeof eventSchema>;
export type EventType = MissionEvent['type'];
export type EventOf<T extends EventType> = Extract<MissionEvent, { type: T }>;
export const EVENT_TYPES = eventSchema.options.map((o) => ('shape' in o ? o.shape : (o as unknown as { def: { in: { shape: { type: { value: EventType } } } } }).def.in.shape).type.value) as EventType[];
