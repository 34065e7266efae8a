import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, OP_NAMES } from './index';

/** zod's own words, English, and the unnamed field: none may reach the clerk. */
const NOT_FOR_CLERKS = /无效输入|期望|实际接收|数值过|字符串|正则|选项|此项|[A-Za-z]{4,}/;
/** Latin that a format example needs (a device address and its placeholders, a time zone's name, a URL). */
const FORMAT_WORDS =
  /serial|tcp|file|hid|idcard|pcsc|lib|mwic|dcrf|maker|MANIFEST_PATH|PATH|BAUD|READER_NAME|LIBRARY_PATH|PORT|VID|PID|IANA|Asia|Shanghai|https?|example|com|XXXX|FFFFFF/g;
const forClerks = (message: string) => !NOT_FOR_CLERKS.test(message.replace(FORMAT_WORDS, ''));
const WRONG = [
  undefined,
  null,
  42,
  -1,
  1e12,
  'x',
  'x'.repeat(5000),
  true,
  [],
  {},
  [1, 2, 3, 4, 5, 6, 7, 8, 9],
];

type Json = { properties?: Record<string, Json>; items?: Json; anyOf?: Json[] };

/** Every field path of an operation's input (array items as index 0). */
function paths(schema: z.ZodType): (string | number)[][] {
  const out: (string | number)[][] = [];
  const walk = (j: Json | undefined, at: (string | number)[]) => {
    if (!j) return;
    for (const [k, v] of Object.entries(j.properties ?? {})) {
      out.push([...at, k]);
      walk(v, [...at, k]);
    }
    if (j.items) walk(j.items, [...at, 0]);
    for (const a of j.anyOf ?? []) walk(a, at);
  };
  walk(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json, []);
  return out;
}

function setAt(path: (string | number)[], value: unknown): unknown {
  return path.reduceRight<unknown>(
    (inner, key) => (typeof key === 'number' ? [inner] : { [key]: inner }),
    value,
  );
}

describe('what a refused field says', () => {
  it('names the field in the clerk’s words, in every operation, for any wrong value', () => {
    const heard = new Map<string, string>();
    for (const name of OP_NAMES) {
      const input = contract[name].input;
      for (const path of paths(input))
        for (const value of WRONG) {
          const r = input.safeParse(setAt(path, value));
          for (const issue of r.success ? [] : r.error.issues)
            if (!forClerks(issue.message)) heard.set(`${name} ${issue.path.join('.')}`, issue.message);
        }
    }
    expect(Object.fromEntries(heard)).toEqual({});
  });

  it('says what is missing and what is allowed', () => {
    const sale = contract['sales.reverse'].input.safeParse({});
    expect(sale.success ? [] : sale.error.issues.map((i) => i.message)).toEqual(
      expect.arrayContaining(['请填写业务记录']),
    );
    const shift = contract['shifts.open'].input.safeParse({ float: -1 });
    expect(shift.success ? [] : shift.error.issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/^备用金/),
    ]);
  });
});
