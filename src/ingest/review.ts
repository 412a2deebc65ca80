// What the review queue needs from a candidate: the log event it suggests (for the analyst to
// correct), and whether the log already has it (same kind, same day, within a few km).
import type { MissionEvent } from '../domain/events/schema.ts';
import { km } from './gazetteer.ts';
import type { Candidate } from './schema.ts';

export const DUPLICATE_KM = 10;

/** A draft of the log event a candidate stands for; fields the text cannot give are left for the analyst. */
export function suggestEvent(c: Candidate): Record<string, unknown> {
  const common = { on: c.date, source: c.source ?? undefined, notes: c.evidence };
  switch (c.kind) {
    case 'incident':
      return { type: 'incident', ...common, event_type: c.event_type, sub_event_type: c.sub_event_type, actors: c.actors.map((name) => ({ name })), location: c.location, fatalities: c.fatalities ?? 0, ...(c.injured !== null ? { injured: c.injured } : {}) };
    case 'restriction': {
      const q = (c.quantity ?? {}) as Record<string, unknown>;
      return { type: 'restriction', ...common, domain: c.detail ?? 'ground', imposed_by: c.actors.find((a) => /Government|Customs/.test(a)) ?? 'host state authorities', ...(typeof q.requested === 'number' ? { requested: q.requested } : {}), ...(typeof q.denied === 'number' ? { denied: q.denied } : {}) };
    }
    case 'site_status':
      return { type: 'site_handed_over', ...common, site: '', recipient: c.detail ?? '', environmental_closeout: 'not_reported', explosives_survey: 'not_reported', certificate: { reference: '', witnesses: [], board: '' } };
    case 'disposal':
      return { type: 'disposition_done', ...common, lot: '', site: '', count: 1, action: c.detail ?? 'destroy', certificate: { reference: '', witnesses: [], board: '' } };
    case 'movement':
      return { type: 'movement_departed', ...common, movement: '', mode: 'road', from: '', to: '', trucks: 0, escorts: 0, people: [], cargo: [] };
    case 'background':
      return { type: 'none', note: 'a background fact: nothing to record' };
  }
}

/** The log entry a candidate repeats, if the log has one of its kind on its day within a few km. */
export function duplicateOf(c: Candidate, log: readonly { seq: number; event: MissionEvent }[], sites: readonly { id: string; lat: number; lon: number }[]): number | null {
  const near = (p: { lat: number; lon: number } | undefined) => !c.location || !p || km(c.location, p) <= DUPLICATE_KM;
  const site = (id: string) => sites.find((s) => s.id === id);
  for (const { seq, event: e } of log) {
    if (e.on !== c.date) continue;
    if (c.kind === 'incident' && e.type === 'incident' && near(e.location)) return seq;
    if (c.kind === 'restriction' && e.type === 'restriction' && e.domain === c.detail) return seq;
    if (c.kind === 'restriction' && e.type === 'permit_denied') return seq;
    if (c.kind === 'site_status' && e.type === 'site_handed_over' && near(site(e.site))) return seq;
    if (c.kind === 'disposal' && e.type === 'disposition_done' && near(site(e.site))) return seq;
    if (c.kind === 'movement' && e.type === 'movement_departed' && near(site(e.from ?? ''))) return seq;
  }
  return null;
}
