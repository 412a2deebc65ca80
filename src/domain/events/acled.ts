// The ACLED incident taxonomy (codebook of 2 June 2023): six event types and their sub-event
// types, and the actor types ("inter" codes). Incidents are typed with these names exactly, so
// the log can be compared with conflict-event data.
export const ACLED_EVENT_TYPES = {
  Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': ['Chemical weapon', 'Air/drone strike', 'Suicide bomb', 'Shelling/artillery/missile attack', 'Remote explosive/landmine/IED', 'Grenade'],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': [
    'Agreement',
    'Arrests',
    'Change to group/activity',
    'Disrupted weapons use',
    'Headquarters or base established',
    'Looting/property destruction',
    'Non-violent transfer of territory',
    'Other',
  ],
} as const satisfies Record<string, readonly string[]>;

export type AcledEventType = keyof typeof ACLED_EVENT_TYPES;
export const ACLED_EVENT_TYPE_NAMES = Object.keys(ACLED_EVENT_TYPES) as [AcledEventType, ...AcledEventType[]];

/** ACLED actor types, by their "inter" code. */
export const ACLED_ACTOR_TYPES = ['State forces', 'Rebel group', 'Political militia', 'Identity militia', 'Rioters', 'Protesters', 'Civilians', 'External/Other forces'] as const;
