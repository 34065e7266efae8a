import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeHlc, HybridClock } from './hlc';

describe('hybrid logical clock', () => {
  it('never goes backwards even when the wall clock does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2e12 }), { minLength: 1, maxLength: 200 }), (walls) => {
        let i = 0;
        const clock = new HybridClock('a', () => walls[i++ % walls.length]!);
        let prev = '';
        for (let k = 0; k < walls.length; k++) {
          const t = clock.now();
          expect(t > prev).toBe(true);
          prev = t;
        }
      }),
    );
  });
  it('orders a received event after the remote one', () => {
    const local = new HybridClock('a', () => 1000);
    const remote = new HybridClock('b', () => 5000).now();
    const t = local.receive(remote);
    expect(t > remote).toBe(true);
    expect(decodeHlc(t).ms).toBe(5000);
  });
  it('keeps working when the wall clock is stuck (borrows milliseconds instead of failing)', () => {
    const clock = new HybridClock('a', () => 7, '000000000000007-99999-a');
    const t = decodeHlc(clock.now());
    expect(t.ms).toBe(8);
    expect(t.counter).toBe(0);
  });
  it('resumes from the last persisted timestamp', () => {
    const clock = new HybridClock('a', () => 10, '000000000009999-00003-a');
    expect(decodeHlc(clock.now())).toEqual({ ms: 9999, counter: 4, node: 'a' });
  });
});
