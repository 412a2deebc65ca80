import { describe, expect, it } from 'vitest';
import { coalesced } from './coalesce.ts';

describe('coalesced work', () => {
  it('runs once for asks during a run, once more after it, and again later', async () => {
    let runs = 0;
    const trigger = coalesced(async () => {
      runs += 1;
      await new Promise((r) => setTimeout(r, 20));
    });
    const first = trigger();
    for (let i = 0; i < 10; i += 1) void trigger();
    await first;
    expect(runs).toBe(2);
    await trigger();
    expect(runs).toBe(3);
  });

  it('keeps going after a failed run', async () => {
    let runs = 0;
    const trigger = coalesced(async () => {
      runs += 1;
      if (runs === 1) throw new Error('planner failed');
    });
    await trigger();
    await trigger();
    expect(runs).toBe(2);
  });
});
