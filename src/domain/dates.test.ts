import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, fromEpochDay, toEpochDay } from './dates.ts';

describe('dates', () => {
  it('adds days across month and year ends', () => {
    expect(addDays('2023-07-30', 3)).toBe('2023-08-02');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
  it('counts days between dates', () => {
    expect(daysBetween('2023-07-01', '2023-12-31')).toBe(183);
    expect(daysBetween('2023-12-31', '2023-07-01')).toBe(-183);
  });
  it('round-trips epoch days', () => {
    expect(fromEpochDay(toEpochDay('2023-10-31'))).toBe('2023-10-31');
  });
});
