import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binaryArray } from './binary-array';
import { openStore, type Store } from './store';

describe('binary array parameters', () => {
  let store: Store;
  beforeAll(async () => {
    // PostgreSQL when DATABASE_URL is set, else an in-memory PGlite: both must read the bytes back exactly.
    store = await openStore({ url: process.env.DATABASE_URL });
  }, 60_000);
  afterAll(async () => store?.close());

  it('read back as the same strings, whatever the characters', async () => {
    const values = [
      'plain',
      '',
      'NULL',
      'a,b',
      '{x}',
      'say "hi"',
      'back\\slash',
      ' spaced ',
      '阳光花园3栋',
      '𠮷',
      null,
    ];
    const [r] = await store.query<{ a: (string | null)[] }>('SELECT $1::text[] AS a', [
      binaryArray('text', values),
    ]);
    expect(r!.a).toEqual(values);
  });

  it('read back as the same numbers and nulls, unnested side by side', async () => {
    const big = [0, -1, 9_007_199_254_740_991, null, 3_050];
    const small = [1, -2_147_483_648, 2_147_483_647, 7, null];
    const rows = await store.query<{ b: string | null; s: number | null; t: string }>(
      'SELECT b::text AS b, s, t FROM unnest($1::bigint[], $2::integer[], $3::text[]) AS x(b, s, t)',
      [
        binaryArray('bigint', big),
        binaryArray('integer', small),
        binaryArray('text', ['a', 'b', 'c', 'd', 'e']),
      ],
    );
    expect(rows.map((r) => r.b)).toEqual(['0', '-1', '9007199254740991', null, '3050']);
    expect(rows.map((r) => r.s)).toEqual(small);
    expect(rows.map((r) => r.t)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('read an empty array as empty', async () => {
    const [r] = await store.query<{ n: number }>('SELECT cardinality($1::text[]) AS n', [
      binaryArray('text', []),
    ]);
    expect(r!.n).toBe(0);
  });

  it('refuse a number its column would store altered', () => {
    expect(() => binaryArray('integer', [2_147_483_648])).toThrow(RangeError);
    expect(() => binaryArray('integer', [1.5])).toThrow(RangeError);
    expect(() => binaryArray('bigint', [2 ** 60])).toThrow(RangeError);
  });
});
