// Which units to move and which to dispose of at their origin: the economic first guess, and
// small changes to it for the local search.
import type { Model } from './model.ts';
import { cheapestDisposal } from './disposal.ts';
import { buildRouting } from './routing.ts';
import type { Decisions } from './schedule.ts';

const money = (x: number) => `${Math.round(x / 1000).toLocaleString('en-US')}k`;

/** Dispose of a lot where moving one unit out costs more (transport + risk) than it is worth. */
export function economicDecisions(model: Model): Decisions {
  const routing = buildRouting(model);
  const dispose = new Map<string, number>();
  const reasons = new Map<string, string>();
  for (const lot of model.lots) {
    const site = model.site.get(lot.site)!;
    const option = cheapestDisposal(model.scenario, lot, site);
    if (!option) continue;
    const perLoad = routing.value[lot.cls][site.index]![0]!;
    const move = lot.cls === 'vehicle' ? 0 : perLoad * lot.loads;
    if (!Number.isFinite(move) || move > option.loss) {
      dispose.set(lot.id, lot.count);
      reasons.set(lot.id, Number.isFinite(move)
        ? `moving it costs ${money(move)} a unit in transport and risk; it is worth ${money(lot.value)} (${option.action} loses ${money(option.loss)})`
        : `no route out of ${site.id} can carry it before the deadlines`);
    }
  }
  return { dispose, reasons };
}

export function moveEverything(): Decisions {
  return { dispose: new Map() };
}

/** Follow the LP relaxation: dispose of the share of each lot the LP did not move. */
export function lpDecisions(model: Model, moveFraction: Readonly<Record<string, number>>): Decisions {
  const dispose = new Map<string, number>();
  const reasons = new Map<string, string>();
  for (const lot of model.lots) {
    const f = moveFraction[lot.id];
    if (f === undefined) continue;
    const n = lot.count - Math.round(f * lot.count);
    if (n > 0 && cheapestDisposal(model.scenario, lot, model.site.get(lot.site)!)) {
      dispose.set(lot.id, n);
      reasons.set(lot.id, f < 1e-6
        ? 'the optimal relaxed plan gives its truck capacity to more valuable loads: moving it costs more than it saves'
        : `only ${Math.round(f * 100)}% of it is worth the truck capacity it would take; the rest is disposed of`);
    }
  }
  return { dispose, reasons };
}

/** The safe end: keep only what may not be disposed of, so people have the whole fleet. */
export function disposeEverything(model: Model): Decisions {
  const dispose = new Map<string, number>();
  const reasons = new Map<string, string>();
  for (const lot of model.lots) {
    if (!cheapestDisposal(model.scenario, lot, model.site.get(lot.site)!)) continue;
    dispose.set(lot.id, lot.count);
    reasons.set(lot.id, 'the fleet is needed to bring the people out in time');
  }
  return { dispose, reasons };
}
