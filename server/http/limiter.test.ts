import { describe, expect, it } from 'vitest';
import { limiter } from './limiter';

/** A piece of work that ends when the test says so. */
function gate() {
  let open!: () => void;
  const done = new Promise<void>((r) => {
    open = r;
  });
  return { open, done };
}

describe('the limiter', () => {
  it('runs at most max at once, the rest in arrival order, none refused', async () => {
    const l = limiter(2);
    const gates = Array.from({ length: 5 }, gate);
    const started: number[] = [];
    const runs = gates.map((g, i) =>
      l.run(async () => {
        started.push(i);
        await g.done;
        return i;
      }),
    );
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1]);
    expect([l.active, l.waiting]).toEqual([2, 3]);
    gates[1]!.open();
    await runs[1];
    // A newcomer arriving as a place frees waits behind those already in line.
    const late = l.run(async () => 'late');
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1, 2]);
    expect([l.active, l.waiting]).toEqual([2, 3]);
    for (const g of gates) g.open();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
    expect(await late).toBe('late');
    expect(l.peak).toBe(2);
    expect([l.active, l.waiting]).toEqual([0, 0]);
  });

  it('frees the place of work that failed', async () => {
    const l = limiter(1);
    await expect(l.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await l.run(async () => 'next')).toBe('next');
    expect(l.active).toBe(0);
  });
});
