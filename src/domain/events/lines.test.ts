// Regression tests for what fuzzing (test/fuzz) found in the JSON-lines validator: every problem
// names its field and stays on one line, whatever the input holds.
import { describe, expect, it } from 'vitest';
import { parseEventLines } from './lines.ts';

const restriction = { type: 'restriction', on: '2024-03-02', domain: 'air', imposed_by: 'host state' };

describe('parseEventLines', () => {
  it('names an unknown field with an empty or odd name', () => {
    const r = parseEventLines(JSON.stringify({ ...restriction, '': 'Battles', 'a\nb': 1 }));
    expect(r.problems).toEqual([{ line: 1, field: '"", "a\\nb"', message: 'unknown fields "", "a\\nb" — remove them' }]);
  });

  it('keeps a JSON error on one line for lines ending in CR or holding control characters', () => {
    const r = parseEventLines('\t\u000f{\r\n{"type":\r');
    expect(r.problems.map((p) => p.line)).toEqual([1, 2]);
    for (const p of r.problems) {
      expect(p.field).toBe('(json)');
      expect(p.message).not.toMatch(/[\u0000-\u001f]/);
    }
  });

  it('quotes an odd ACLED sub-event type on one line', () => {
    const r = parseEventLines(JSON.stringify({ type: 'incident', on: '2024-03-02', event_type: 'Battles', sub_event_type: 'a\nb', location: { name: 'x', lat: 1, lon: 1 } }));
    expect(r.problems).toEqual([expect.objectContaining({ field: 'sub_event_type', message: expect.stringMatching(/^"a\\nb" is not an ACLED sub-event type of Battles/) })]);
  });
});
