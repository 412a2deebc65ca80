// Rule 5: what may be done with a lot: the disposals its kind allows, and moving only if allowed.
import type { Plan } from '../../domain/plan/schema.ts';
import { isContingentOwned } from '../../domain/scenario/schema.ts';
import type { Lookup } from './lookup.ts';
import { violation, type Violation } from './types.ts';

export function checkDispositionRules(look: Lookup, plan: Plan): Violation[] {
  const out: Violation[] = [];
  const add = (message: string, where: string) => out.push(violation(5, 'disposition rules', message, where));
  for (const d of plan.dispositions) {
    const found = look.lots.get(d.lot);
    if (!found) continue; // a reference error
    const { lot } = found;
    const label = `${d.action} of ${d.count} of lot ${d.lot} (${lot.kind}, ${lot.owner}) at ${d.site} on ${d.on}`;
    // `move` is not a disposition: moving is done by movements.
    const allowed = look.scenario.rules[lot.kind].filter((a) => a !== 'move');
    if (!(allowed as string[]).includes(d.action)) {
      add(`${label}: ${lot.kind} may only be ${allowed.length ? allowed.join(', ') : 'moved'}`, d.lot);
    }
    const site = look.sites.get(d.site);
    if (d.action === 'hand_over' && site && !site.recipient) {
      add(`${label}: ${d.site} has no recipient to hand over to`, d.lot);
    }
    if ((d.action === 'sell' || d.action === 'hand_over') && isContingentOwned(lot.owner)) {
      add(`${label}: contingent-owned equipment belongs to ${lot.owner.slice(4)} and is never sold or handed over`, d.lot);
    }
  }
  // A kind whose rules leave out `move` may not be carried at all.
  for (const m of plan.movements) {
    for (const c of m.cargo) {
      const found = look.lots.get(c.lot);
      if (found && !look.scenario.rules[found.lot.kind].includes('move')) {
        add(`movement ${m.id} carries ${c.count} of lot ${c.lot}, but the rules do not allow moving ${found.lot.kind}`, c.lot);
      }
    }
  }
  return out;
}
