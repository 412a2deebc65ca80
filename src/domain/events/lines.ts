// Events as JSON lines (one flat object per line) → validated events, or every problem with its
// line number and field. Each event is checked against the state left by the ones before it.
import { foldState, type MissionState } from './fold.ts';
import { checkEvent } from './consistency.ts';
import { EVENT_TYPES, eventSchema, type MissionEvent } from './schema.ts';
import type { z } from 'zod';
import { suggest } from '../suggest.ts';

export type LineProblem = { line: number; field: string; message: string };
export type LinesResult = { ok: true; events: MissionEvent[] } | { ok: false; problems: LineProblem[] };

export function validateEventLines(text: string, state: MissionState): LinesResult {
  const problems: LineProblem[] = [];
  const events: MissionEvent[] = [];
  let current = state;
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      problems.push({ line, field: '(json)', message: `not valid JSON (${(e as Error).message}) — write one JSON object per line` });
      return;
    }
    const parsed = eventSchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.') || 'type';
        problems.push({ line, field, message: describeIssue(issue, value) });
      }
      return;
    }
    const conflicts = checkEvent(current, parsed.data);
    for (const c of conflicts) problems.push({ line, field: c.field, message: c.message });
    if (conflicts.length === 0) {
      events.push(parsed.data);
      current = foldState(current.scenario, [parsed.data], current.asOf);
    }
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, events };
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code === 'invalid_union' || (issue.path.length === 1 && issue.path[0] === 'type')) {
    const type = (value as { type?: unknown })?.type;
    const near = typeof type === 'string' ? suggest(type, EVENT_TYPES) : undefined;
    return `unknown event type ${JSON.stringify(type)} — ${near ? `did you mean "${near}"?` : `use one of ${EVENT_TYPES.join(', ')}`}`;
  }
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')} — remove ${issue.keys.length > 1 ? 'them' : 'it'}`;
  if (issue.code === 'invalid_type' && issue.message.includes('undefined')) return 'is missing — add it';
  return issue.message;
}
