// Who may do what: the roles, the classifications, and the one table of permissions. The
// server enforces it on every route; the README shows the same table.
import { z } from 'zod';

export const ROLES = ['admin', 'planner', 'movement_control', 'property', 'operations_centre', 'analyst', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

/** Every record carries one; every user has a clearance, the highest they may read. */
export const CLASSIFICATIONS = ['unclassified', 'confidential', 'strictly_confidential'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];
export const classificationSchema = z.enum(CLASSIFICATIONS);

export const PERMISSIONS = {
  'mission.read': 'see the map, the state, the plan, equipment, permits, incidents and backup plans',
  'log.read': 'read the audit trail of the mission',
  'plan.replan': 're-plan from the current state',
  'plan.whatif': 'plan what-ifs and save backup plans',
  'event.record.movement': 'record departures, arrivals and delays of movements',
  'event.record.operations': 'record incidents, restrictions, permits, closures and fleet changes',
  'event.record.command': 'record deadline changes and site handovers',
  'disposition.propose': 'propose a disposition of equipment',
  'disposition.approve': 'approve or reject a proposed disposition',
  'disposition.complete': 'record a disposition as done, with its certificate',
  'report.make': 'make a copy of the situation report for a named user, and download report copies',
  'users.manage': 'add, list and disable users',
  'audit.read': 'read who read and wrote what',
} as const;
export type Permission = keyof typeof PERMISSIONS;

/** The table: which role holds which permission. */
export const GRANTS: Record<Role, readonly Permission[]> = {
  admin: Object.keys(PERMISSIONS) as Permission[],
  planner: ['mission.read', 'log.read', 'plan.replan', 'plan.whatif', 'event.record.command', 'disposition.propose', 'report.make'],
  movement_control: ['mission.read', 'log.read', 'event.record.movement', 'event.record.operations'],
  property: ['mission.read', 'log.read', 'disposition.propose', 'disposition.complete'],
  operations_centre: ['mission.read', 'log.read', 'event.record.operations', 'event.record.movement', 'disposition.approve', 'report.make'],
  analyst: ['mission.read', 'log.read', 'event.record.operations'],
  viewer: ['mission.read'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export function cleared(clearance: Classification, classification: Classification | undefined): boolean {
  return CLASSIFICATIONS.indexOf(clearance) >= CLASSIFICATIONS.indexOf(classification ?? 'unclassified');
}

/** Which permission recording an event of this type needs. */
export function recordPermission(type: string): Permission {
  if (['movement_departed', 'movement_arrived', 'movement_delayed'].includes(type)) return 'event.record.movement';
  if (['deadline_changed', 'site_handed_over'].includes(type)) return 'event.record.command';
  if (type === 'disposition_done') return 'disposition.complete';
  return 'event.record.operations';
}

/** The permissions table as Markdown, for the README. */
export function grantsTable(): string {
  const head = `| permission | ${ROLES.join(' | ')} |`;
  const rule = `|---|${ROLES.map(() => '---').join('|')}|`;
  const rows = (Object.keys(PERMISSIONS) as Permission[]).map((p) => `| ${p}: ${PERMISSIONS[p]} | ${ROLES.map((r) => (can(r, p) ? 'yes' : '')).join(' | ')} |`);
  return [head, rule, ...rows].join('\n');
}
