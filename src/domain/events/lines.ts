// Events as JSON lines (one flat object per line) → validated events, or every problem with its
// line number and field. The new events are folded with the log so far, in order of their days,
// and each must keep the consistency rules (fold.ts).
import type { z } from 'zod';
import type { Movement } from '../plan/schema.ts';
import type { Scenario } from '../scenario/schema.ts';
import { suggest } from '../suggest.ts';
import { extendFold, foldChecked, type FoldCheckpoint, type Tagged } from './fold.ts';
import { EVENT_TYPES, eventSchema, type MissionEvent } from './schema.ts';

export type LineProblem = { line: number; field: string; message: string };
export type LinesResult = { ok: true; events: MissionEvent[] } | { ok: false; problems: LineProblem[] };

/** Parses and checks each line on its own: JSON, then the event's schema. */
export function parseEventLines(text: string): { events: { line: number; event: MissionEvent }[]; problems: LineProblem[] } {
  const problems: LineProblem[] = [];
  const events: { line: number; event: MissionEvent }[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      problems.push({ line, field: '(json)', message: `not valid JSON (${printable((e as Error).message)}) — write one JSON object per line` });
      return;
    }
    const parsed = eventSchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.code === 'unrecognized_keys' ? issue.keys.map(keyName).join(', ') : issue.path.join('.') || 'type';
        problems.push({ line, field, message: describeIssue(issue, value) });
      }
      return;
    }
    events.push({ line, event: parsed.data });
  });
  return { events, problems };
}

/**
 * Checks new events against the log: every line is parsed, departures of planned movements get
 * their manifest from `plan`, and the whole log with the new events must fold without a problem.
 */
export function validateEventLines(text: string, scenario: Scenario, log: readonly MissionEvent[], plan?: { movements: Movement[] }, folded?: FoldCheckpoint): LinesResult {
  const parsed = parseEventLines(text);
  const problems = [...parsed.problems];
  const fresh = parsed.events.map(({ line, event }) => ({ line, event: withManifest(event, plan) }));
  fresh.forEach(({ line, event }) => {
    if (event.type === 'mission_created') problems.push({ line, field: 'type', message: 'mission_created is written by `drawdown init` only' });
  });
  // Lines that parsed are checked against the log even when others did not, so every problem is named at once.
  if (!problems.some((p) => p.field === 'type' && p.message.startsWith('mission_created'))) problems.push(...checkAgainstLog(scenario, log, fresh, folded));
  problems.sort((a, b) => a.line - b.line);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, events: fresh.map((f) => f.event) };
}

/** Problems the new events cause when folded with the log; one an old event meets is laid at the first new line dated on or before it. */
export function checkAgainstLog(scenario: Scenario, log: readonly MissionEvent[], fresh: readonly { line: number; event: MissionEvent }[], folded?: FoldCheckpoint): LineProblem[] {
  // The common case, events dated on or after everything logged, needs only the new events
  // folded onto the log's checkpoint: the log's own fold cannot change.
  if (folded && folded.clean && folded.scenario === scenario && folded.events.length === log.length && folded.events.every((e, i) => e === log[i])) {
    const extended = extendFold(folded, fresh.map(({ line, event }) => ({ event, tag: line })));
    if (extended) return extended.problems.map((p) => ({ line: p.tag, field: p.field, message: p.message }));
  }
  type Tag = { line: number } | { old: number; on: string };
  const tagged: Tagged<Tag>[] = [...log.map((event, i) => ({ event, tag: { old: i + 1, on: event.on } as Tag })), ...fresh.map(({ line, event }) => ({ event, tag: { line } as Tag }))];
  // Events dated past the horizon are folded too, so they are reported rather than skipped.
  const last = tagged.reduce((d, t) => (t.event.on > d ? t.event.on : d), scenario.end);
  const { problems } = foldChecked(scenario, tagged, last);
  return problems.map((p) => {
    if ('line' in p.tag) return { line: p.tag.line, field: p.field, message: p.message };
    const old = p.tag;
    const culprit = fresh.find((f) => f.event.on <= old.on) ?? fresh[0]!;
    return { line: culprit.line, field: p.field, message: `makes the recorded event #${old.old} of ${old.on} inconsistent: ${p.message}` };
  });
}

/** A departure that names a planned movement and nothing else gets that movement's manifest. */
export function withManifest(e: MissionEvent, plan?: { movements: Movement[] }): MissionEvent {
  if (e.type !== 'movement_departed' || e.from !== undefined || !plan) return e;
  const m = plan.movements.find((x) => x.id === e.movement);
  if (!m) return e;
  return { ...e, mode: m.mode, from: m.from, to: m.to, trucks: m.trucks, escorts: m.escorts, people: m.people.map((p) => ({ ...p })), cargo: m.cargo.map((c) => ({ ...c })) };
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code === 'invalid_union' || (issue.path.length === 1 && issue.path[0] === 'type')) {
    const type = (value as { type?: unknown })?.type;
    const near = typeof type === 'string' ? suggest(type, EVENT_TYPES) : undefined;
    return `unknown event type ${JSON.stringify(type)} — ${near ? `did you mean "${near}"?` : `use one of ${EVENT_TYPES.join(', ')}`}`;
  }
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map(keyName).join(', ')} — remove ${issue.keys.length > 1 ? 'them' : 'it'}`;
  if (issue.code === 'invalid_type' && issue.message.includes('undefined')) return 'is missing — add it';
  return issue.message;
}

/** A field's name as a person can read it on one line: quoted when empty or not a plain word. */
function keyName(key: string): string {
  return /^[\p{L}\p{N}_.-]+$/u.test(key) ? key : JSON.stringify(key);
}

/** Text quoted from the input (the JSON parser's message quotes the line) with control characters escaped. */
function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
