// Scenario file version 1 (SCENARIO.md). This is the one schema of the shape: the TypeScript
// types, the validation and the docs all derive from it.
import { z } from 'zod';

export const ID_PATTERN = /^[a-z0-9-]+$/;

/** A calendar day, `YYYY-MM-DD`, checked to exist (no 2023-02-30). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written YYYY-MM-DD' })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, { error: 'is not a calendar date' });

export const id = z.string().regex(ID_PATTERN, { error: 'must be lower-case letters, digits and dashes ([a-z0-9-]+)' });

export const SITE_KINDS = ['camp', 'hub', 'exit'] as const;
export const LOT_KINDS = ['vehicle', 'container', 'ammunition', 'weapon', 'generator', 'fuel', 'other'] as const;
export const MODES = ['road', 'air'] as const;
/** What may happen to a lot. `move` keeps it; the rest are dispositions. */
export const ACTIONS = ['move', 'destroy', 'decommission', 'hand_over', 'sell'] as const;
export const DISPOSAL_ACTIONS = ['destroy', 'decommission', 'hand_over', 'sell'] as const;

export type SiteKind = (typeof SITE_KINDS)[number];
export type LotKind = (typeof LOT_KINDS)[number];
export type Mode = (typeof MODES)[number];
export type Action = (typeof ACTIONS)[number];
export type DisposalAction = (typeof DISPOSAL_ACTIONS)[number];

const count = z.number().int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1' });
const nonNegative = z.number().min(0, { error: 'must not be negative' });
const nonNegativeInt = z.number().int({ error: 'must be a whole number' }).min(0, { error: 'must not be negative' });

/** `UN` for UN-owned equipment, `COE/<country>` for contingent-owned equipment. */
export const owner = z
  .string()
  .regex(/^(UN|COE\/\S.*)$/u, { error: 'must be UN or COE/<Country> (e.g. COE/Chad)' });

export const personnelGroupSchema = z.strictObject({
  group: id,
  count,
  essential: z.boolean(),
});

export const lotSchema = z.strictObject({
  id,
  kind: z.enum(LOT_KINDS),
  count,
  truckloads: nonNegative,
  value: nonNegative,
  owner,
  /** Free text such as `explosive` or `flammable`: an addition of this project, informative only. */
  hazard: z.string().min(1).optional(),
});

export const siteSchema = z.strictObject({
  id,
  name: z.string().min(1, { error: 'must not be empty' }),
  kind: z.enum(SITE_KINDS),
  lat: z.number().min(-90, { error: 'must be between -90 and 90' }).max(90, { error: 'must be between -90 and 90' }),
  lon: z.number().min(-180, { error: 'must be between -180 and 180' }).max(180, { error: 'must be between -180 and 180' }),
  deadline: isoDate.optional(),
  recipient: z.string().min(1).optional(),
  guard: nonNegativeInt.default(0),
  /**
   * An addition of this project: the site is held (its guard stays) through the day before this
   * one, whatever else has left; the host state's handover calendar, or the mandate, set it.
   */
  hold_until: isoDate.optional(),
  personnel: z.array(personnelGroupSchema).default([]),
  lots: z.array(lotSchema).default([]),
});

export const legSchema = z.strictObject({
  from: id,
  to: id,
  mode: z.enum(MODES),
  km: z.number().positive({ error: 'must be more than 0' }),
  days: z.number().int({ error: 'must be a whole number of days' }).min(1, { error: 'must be at least 1' }),
  risk: z.number().min(0, { error: 'must be between 0 and 1' }).max(1, { error: 'must be between 0 and 1' }).default(0),
});

export const fleetSchema = z.strictObject({
  trucks: nonNegativeInt,
  truck_capacity: z.number().positive({ error: 'must be more than 0' }),
  seats_per_truck: nonNegativeInt,
  convoy_max_trucks: count,
  escorts: nonNegativeInt,
  air: z.strictObject({
    sorties_per_day: nonNegativeInt,
    seats: nonNegativeInt,
    truckloads: nonNegative,
  }),
});

export const closureSchema = z.strictObject({
  from: id,
  to: id,
  mode: z.enum(MODES),
  first: isoDate,
  last: isoDate,
  reason: z.string().min(1).optional(),
});

/**
 * A project addition for scenarios that start mid-operation (`drawdown state --format yaml`):
 * units and people of a listed lot or group that are not at their own site on `start`, or are
 * still on their way to `site` (`arrives`). A lot's or group's `count` is then what is still in
 * the theatre; the units not located here are at the site the lot or group is listed under.
 */
export const locatedSchema = z
  .strictObject({
    lot: id.optional(),
    group: id.optional(),
    site: id,
    count,
    /** Still in transit on `start`: at `site` from this day on. */
    arrives: isoDate.optional(),
    /** The movement under way that carries them, for the record. */
    movement: z.string().min(1).optional(),
  })
  .refine((x) => (x.lot === undefined) !== (x.group === undefined), { error: 'give either lot or group' });

/** Trucks, escorts and sorties of movements under way on `start`, busy on every day from `start` up to and including `until`. */
export const busySchema = z.strictObject({
  until: isoDate,
  trucks: nonNegativeInt,
  escorts: nonNegativeInt,
  sorties: nonNegativeInt.default(0),
  movement: z.string().min(1).optional(),
});

export const progressSchema = z.strictObject({
  /** The first day of the operation, before this scenario's `start` (informative). */
  since: isoDate.optional(),
  located: z.array(locatedSchema).default([]),
  busy: z.array(busySchema).default([]),
});

const actionList = z.array(z.enum(ACTIONS));

/** The defaults of SCENARIO.md; a scenario's `rules` replaces them kind by kind. */
export const DEFAULT_RULES: Record<LotKind, Action[]> = {
  ammunition: ['move', 'destroy'],
  weapon: ['move', 'destroy'],
  vehicle: ['move', 'hand_over', 'sell', 'decommission', 'destroy'],
  container: ['move', 'hand_over', 'sell', 'destroy'],
  generator: ['move', 'hand_over', 'sell', 'destroy'],
  fuel: ['move', 'hand_over', 'sell', 'destroy'],
  other: ['move', 'hand_over', 'sell', 'destroy'],
};

export const rulesSchema = z
  .strictObject({
    ammunition: actionList.optional(),
    weapon: actionList.optional(),
    vehicle: actionList.optional(),
    container: actionList.optional(),
    generator: actionList.optional(),
    fuel: actionList.optional(),
    other: actionList.optional(),
  })
  .default({})
  .transform((r): Record<LotKind, Action[]> => {
    const out = { ...DEFAULT_RULES };
    for (const k of LOT_KINDS) if (r[k]) out[k] = r[k];
    return out;
  });

export const costsSchema = z.strictObject({
  truck_km: nonNegative,
  air_sortie: nonNegative,
  destroy_per_truckload: nonNegative,
  sell_recovers: z.number().min(0, { error: 'must be between 0 and 1' }).max(1, { error: 'must be between 0 and 1' }),
  risk_per_truck: nonNegative,
  risk_per_person: nonNegative,
});

export const scenarioSchema = z.strictObject({
  version: z.literal(1, { error: 'this Drawdown reads scenario version 1 only' }),
  mission: z.string().min(1, { error: 'must not be empty' }),
  start: isoDate,
  end: isoDate,
  sites: z.array(siteSchema).min(1, { error: 'must list at least one site' }),
  legs: z.array(legSchema),
  fleet: fleetSchema,
  closures: z.array(closureSchema).default([]),
  rules: rulesSchema,
  costs: costsSchema,
  progress: progressSchema.optional(),
});

/** A scenario as written in the file (before defaults). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A scenario after parsing: defaults filled in, rules complete. */
export type Scenario = z.output<typeof scenarioSchema>;
export type Site = Scenario['sites'][number];
export type Lot = Site['lots'][number];
export type PersonnelGroup = Site['personnel'][number];
export type Leg = Scenario['legs'][number];
export type Fleet = Scenario['fleet'];
export type Closure = Scenario['closures'][number];
export type Costs = Scenario['costs'];
export type Rules = Scenario['rules'];
export type Progress = z.output<typeof progressSchema>;
export type Located = Progress['located'][number];
export type Busy = Progress['busy'][number];

/** Contingent-owned equipment belongs to its country: it is never sold or handed over. */
export function isContingentOwned(o: string): boolean {
  return o.startsWith('COE/');
}
