// The restrictions tally headquarters reports to the Security Council: requests and refusals
// by domain and month, from restriction records and refused permits.
import type { MissionState } from './state.ts';

export type TallyRow = { month: string; domain: string; records: number; requested: number; denied: number };

export function restrictionsTally(state: Pick<MissionState, 'restrictions' | 'permits'>, from = '0000-00-00', to = '9999-99-99'): TallyRow[] {
  const rows = new Map<string, TallyRow>();
  const add = (on: string, domain: string, requested: number, denied: number) => {
    if (on < from || on > to) return;
    const month = on.slice(0, 7);
    const key = `${month}|${domain}`;
    const row = rows.get(key) ?? { month, domain, records: 0, requested: 0, denied: 0 };
    row.records += 1;
    row.requested += requested;
    row.denied += denied;
    rows.set(key, row);
  };
  for (const r of state.restrictions) add(r.on, r.domain, r.requested ?? 0, r.denied ?? (r.requested === undefined ? 1 : 0));
  for (const p of state.permits) {
    const domain = p.mode === 'air' ? 'air' : 'ground';
    if (p.type === 'permit_requested') add(p.on, domain, 1, 0);
    if (p.type === 'permit_denied') add(p.on, domain, 0, 1);
  }
  return [...rows.values()].sort((a, b) => a.month.localeCompare(b.month) || a.domain.localeCompare(b.domain));
}
