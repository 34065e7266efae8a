import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrayLiteral } from './array-literal';
import { openStore, type Store } from './store';

describe('array literals', () => {
  let store: Store;
  beforeAll(async () => {
    // PostgreSQL when DATABASE_URL is set, else an in-memory PGlite: both must read the literal back exactly.
    store = await openStore({ url: process.env.DATABASE_URL });
  }, 60_000);
  afterAll(async () => store?.close());

  it('read back as the same strings, whatever the characters', async () => {
    const values = [
      'plain',
      '',
      'NULL',
      'null',
      'a,b',
      '{x}',
      'say "hi"',
      'back\\slash',
      ' spaced ',
      '阳光花园3栋',
      null,
    ];
    const [r] = await store.query<{ a: (string | null)[] }>('SELECT $1::text[] AS a', [arrayLiteral(values)]);
    expect(r!.a).toEqual(values);
  });

  it('read back as the same numbers and nulls', async () => {
    const values = [0, -1, 9_007_199_254_740_991, null, 3_050];
    const [r] = await store.query<{ a: string[] }>('SELECT $1::bigint[]::text[] AS a', [
      arrayLiteral(values),
    ]);
    expect(r!.a).toEqual(['0', '-1', '9007199254740991', null, '3050']);
    expect(arrayLiteral([])).toBe('{}');
  });
});
