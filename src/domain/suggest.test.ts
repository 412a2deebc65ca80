import { describe, expect, it } from 'vitest';
import { editDistance, suggest } from './suggest.ts';

describe('suggest', () => {
  it('measures edit distance', () => {
    expect(editDistance('deadlin', 'deadline')).toBe(1);
    expect(editDistance('kidal', 'kidal')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });
  it('proposes a close candidate and nothing for a far one', () => {
    expect(suggest('deadlin', ['deadline', 'recipient'])).toBe('deadline');
    expect(suggest('truck_kms', ['truck_km', 'air_sortie'])).toBe('truck_km');
    expect(suggest('zzzzzz', ['deadline', 'recipient'])).toBeUndefined();
  });
  // Found by fuzzing (test/fuzz): an event type of 300,000 characters took half a second of edit distances.
  it('answers at once for a huge word', () => {
    const started = performance.now();
    expect(suggest('é'.repeat(300_000), ['restriction', 'incident', 'leg_closed'])).toBeUndefined();
    expect(suggest('incidentt', ['restriction', 'incident'])).toBe('incident');
    expect(performance.now() - started).toBeLessThan(100);
  });
});
