import { describe, expect, it } from 'vitest';
import { UUID_RE, uuidv7, uuidv7Time } from './ids';

describe('uuidv7', () => {
  it('has version 7, the RFC variant, and the time in its first 48 bits', () => {
    const id = uuidv7(1_795_000_000_123);
    expect(id).toMatch(UUID_RE);
    expect(id[14]).toBe('7');
    expect(uuidv7Time(id)).toBe(1_795_000_000_123);
  });
  it('sorts by time', () => {
    const ids = [5, 1, 3, 1000, 2 ** 40].map((t) => uuidv7(t));
    expect([...ids].sort()).toEqual(
      [1, 3, 5, 1000, 2 ** 40].map((t) => ids[[5, 1, 3, 1000, 2 ** 40].indexOf(t)]),
    );
  });
  it('is deterministic given the random source', () => {
    const zero = (n: number) => new Uint8Array(n);
    expect(uuidv7(42, zero)).toBe(uuidv7(42, zero));
    expect(uuidv7(42)).not.toBe(uuidv7(42));
  });
});
