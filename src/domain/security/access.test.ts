import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { can, cleared, GRANTS, grantsTable, recordPermission, ROLES } from './access.ts';

describe('roles and clearances', () => {
  it('gives the admin every permission and the viewer reading only', () => {
    expect(GRANTS.admin.length).toBeGreaterThan(GRANTS.planner.length);
    expect(ROLES.filter((r) => can(r, 'users.manage'))).toEqual(['admin']);
    expect(GRANTS.viewer).toEqual(['mission.read']);
    expect(recordPermission('deadline_changed')).toBe('event.record.command');
  });

  it('lets a clearance read its level and below', () => {
    expect(cleared('confidential', 'unclassified')).toBe(true);
    expect(cleared('confidential', undefined)).toBe(true);
    expect(cleared('confidential', 'strictly_confidential')).toBe(false);
    expect(cleared('unclassified', 'confidential')).toBe(false);
  });

  it('is the table the README shows', () => {
    expect(readFileSync('README.md', 'utf8')).toContain(grantsTable());
  });
});
