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
