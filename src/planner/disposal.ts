// What it costs to dispose of a unit instead of moving it, and which action is cheapest.
import { type DisposalAction, isContingentOwned, type Lot, type Scenario, type Site } from '../domain/scenario/schema.ts';

export type DisposalOption = { action: DisposalAction; loss: number };

/** What disposing of one unit by `action` loses in value and costs to carry out. */
export function disposalParts(scenario: Scenario, lot: Lot, action: DisposalAction): { valueLost: number; cost: number } {
  // Destroying a self-driving vehicle (truckloads 0) is charged as one truckload.
  const destroyCost = scenario.costs.destroy_per_truckload * (lot.truckloads === 0 ? 1 : lot.truckloads);
  switch (action) {
    case 'destroy':
    case 'decommission':
      return { valueLost: lot.value, cost: destroyCost };
    case 'hand_over':
      return { valueLost: lot.value, cost: 0 };
    case 'sell':
      return { valueLost: (1 - scenario.costs.sell_recovers) * lot.value, cost: 0 };
  }
}

/** Value lost plus cost, per unit, for one action. */
export function disposalLoss(scenario: Scenario, lot: Lot, action: DisposalAction): number {
  const parts = disposalParts(scenario, lot, action);
  return parts.valueLost + parts.cost;
}

/** The actions the rules allow for this lot at this site. */
export function allowedDisposals(scenario: Scenario, lot: Lot, site: Site): DisposalAction[] {
  return scenario.rules[lot.kind].filter((a): a is DisposalAction => {
    if (a === 'move') return false;
    if (site.kind === 'exit') return false;
    if ((a === 'sell' || a === 'hand_over') && isContingentOwned(lot.owner)) return false;
    if (a === 'hand_over' && !site.recipient) return false;
    return true;
  });
}

/** The cheapest allowed disposal, or undefined when the lot may only be moved. */
export function cheapestDisposal(scenario: Scenario, lot: Lot, site: Site): DisposalOption | undefined {
  let best: DisposalOption | undefined;
  for (const action of allowedDisposals(scenario, lot, site)) {
    const loss = disposalLoss(scenario, lot, action);
    if (!best || loss < best.loss) best = { action, loss };
  }
  return best;
}
