import { describe, expect, it } from 'vitest';
import { dayOffset, resolveDate } from './dates.ts';

describe('dates', () => {
  it('marks a day that starts a state of affairs ("since …")', () => {
    expect(resolveDate('Fuel has been held at the border since Monday', '2023-11-10')).toMatchObject({ date: '2023-11-06', since: true });
    expect(resolveDate('Fuel was held at the border on Monday', '2023-11-10')!.since).toBeUndefined();
    expect(resolveDate('held since 3 November', '2023-11-10')).toMatchObject({ date: '2023-11-03', since: true });
  });

  it('reads "a day after", "two days before" as offsets from the rest of the sentence', () => {
    expect(dayOffset(', a day after the governor signed')).toBe(-1);
    expect(dayOffset('two days before the convoy left')).toBe(2);
    expect(dayOffset('a week after the attack')).toBe(-7);
    expect(dayOffset('after the attack')).toBeNull();
  });
});

describe('weekdays before 1970', () => {
  it('resolves "on Friday" against a publication day before 1970 (the walk back used to never end)', () => {
    // 20 July 1969 was a Sunday.
    expect(resolveDate('The convoy left on Friday', '1969-07-20')).toMatchObject({ date: '1969-07-18' });
  });
});
