/**
 * The free-text rule end to end (core/validation/text.ts): whatever text a counter's contract accepts is stored
 * in SQLite, sent through the outbox, stored by head office and pulled by another counter byte for byte; each
 * class of text it refuses is refused with its code and a message naming the field, and nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpOutput } from '../../core/contract';
import { normaliseText, TEXT_ISSUE_CODES, textMessage, textProblem } from '../../core/validation/text';
import { fakeHousehold, mulberry32 } from '../../services/setup/fake-households';
import { SimCounter } from '../sim/sim-counter';
import { tempDir } from '../support/app';
import { registerCounter, startHeadOffice, type TestHeadOffice } from '../support/head-office';

const now = () => Date.parse('2026-03-02T09:00:00+08:00');
let ho: TestHeadOffice;
let A: SimCounter;
let B: SimCounter;

beforeAll(async () => {
  ho = await startHeadOffice({ now });
  const root = tempDir('gasdesk-text-', { shared: true });
  A = await SimCounter.create(0, root, now);
  B = await SimCounter.create(1, root, now);
  for (const c of [A, B])
    await c.ok(
      'sync.enroll',
      { server: ho.url, code: await registerCounter(ho, '0101', c.code) },
      c.adminSid,
    );
}, 60_000);

afterAll(async () => {
  A?.close();
  B?.close();
  await ho?.close();
});

/** Pieces text is made of: plain, composed and decomposed, astral, joined, spaced, invisible, hostile. */
const PIECES: readonly (readonly string[])[] = [
  ['王', '芳', '幸福', '家园', '3栋', 'A-2', 'Zoë', '#', '（东）'],
  ['e\u0301', '\u1100\u1161', 'A\u030a', '\u212b', '\ufb01', '５'], // NFC changes or keeps these
  ['𠀀', '𪚥', '😀', '👨\u200d👩\u200d👧', '🇨🇳', '❤\ufe0f'],
  [' ', '\u00a0', '\u3000', '\u200b', '\u200c', '\u200d', '\ufeff', '\u2060', '\u200e', '\u200f'],
  ['\u0000', '\u0007', '\t', '\n', '\r\n', '\u007f', '\u0085', '\u2028'],
  ['\u202a', '\u202e', '\u2066', '\u2069'],
  ['\ud800', '\udfff', '\ud83d'],
];
const WEIGHTS = [30, 10, 10, 14, 4, 3, 3];

function generate(rand: () => number): string {
  const total = WEIGHTS.reduce((a, b) => a + b, 0);
  let s = '';
  const n = 1 + Math.floor(rand() * 6);
  for (let i = 0; i < n; i++) {
    let w = rand() * total;
    let k = 0;
    while (w >= WEIGHTS[k]!) w -= WEIGHTS[k++]!;
    const set = PIECES[k]!;
    s += set[Math.floor(rand() * set.length)]!;
  }
  return s;
}

const utf8 = (s: string) => Buffer.from(s, 'utf8').toString('hex');

describe('text a counter accepts', () => {
  it('round-trips byte for byte: counter SQLite, outbox, head office, another counter', async () => {
    const rand = mulberry32(20261202);
    const accepted: { id: string; name: string; community: string; notes: string }[] = [];
    let refused = 0;
    for (let i = 0; i < 80; i++) {
      const raw = generate(rand);
      const notesRaw = `${raw}\r\n${generate(rand)}`;
      const h = fakeHousehold(rand, i);
      const input = { ...h, name: raw, address: { ...h.address, community: raw }, notes: notesRaw };
      const before = A.count('SELECT count(*) AS n FROM outbox');
      const r = await A.call('customers.open', input, A.adminSid);
      const name = normaliseText(raw).trim();
      const notes = normaliseText(notesRaw, { multiline: true }).trim();
      const problem = name === '' ? 'empty' : textProblem(name);
      const notesProblem = notes === '' ? null : textProblem(notes, { multiline: true });
      if (!r.ok) {
        refused++;
        expect(problem !== null || notesProblem !== null, JSON.stringify(raw)).toBe(true);
        const nameIssue = r.error.issues?.find((x) => x.path.join('.') === 'name');
        if (problem === 'empty') expect(nameIssue?.message).toBe('请填写用户名称');
        else if (problem)
          expect(nameIssue).toEqual({
            path: ['name'],
            code: TEXT_ISSUE_CODES[problem],
            message: textMessage(problem, '用户名称'),
          });
        expect(A.count('SELECT count(*) AS n FROM outbox')).toBe(before);
        continue;
      }
      expect({ raw, problem, notesProblem }).toMatchObject({ problem: null, notesProblem: null });
      const opened = r.result as OpOutput<'customers.open'>;
      expect(utf8(opened.name)).toBe(utf8(name)); // NFC, trimmed
      expect(utf8(opened.address.community)).toBe(utf8(name));
      expect(utf8(opened.notes ?? '')).toBe(utf8(notes));
      accepted.push({ id: opened.id, name, community: name, notes });
    }
    // The generator reaches both sides of the rule often.
    expect(accepted.length).toBeGreaterThan(25);
    expect(refused).toBeGreaterThan(15);

    const pushed = await A.ok('sync.now', {}, A.adminSid);
    expect(pushed).toMatchObject({ ok: true, quarantined: 0 });
    const pulled = await B.ok('sync.now', {}, B.adminSid);
    expect(pulled).toMatchObject({ ok: true, quarantined: 0 });
    for (const c of accepted) {
      const [held] = await ho.store.query<{ name: string; community: string; notes: string | null }>(
        `SELECT data->>'name' AS name, data->'address'->>'community' AS community, data->>'notes' AS notes
           FROM customers WHERE id = $1`,
        [c.id],
      );
      expect({
        name: utf8(held!.name),
        community: utf8(held!.community),
        notes: utf8(held!.notes ?? ''),
      }).toEqual({ name: utf8(c.name), community: utf8(c.community), notes: utf8(c.notes) });
      const atB = await B.ok('customers.get', { id: c.id }, B.cashierSid);
      expect({
        name: utf8(atB.name),
        community: utf8(atB.address.community),
        notes: utf8(atB.notes ?? ''),
      }).toEqual({ name: utf8(c.name), community: utf8(c.community), notes: utf8(c.notes) });
    }
  }, 120_000);
});

describe('text a counter refuses', () => {
  const cases = [
    ['NUL', '张\u0000三', 'TEXT_CONTROL_CHAR', '用户名称含有不可见或控制字符'],
    ['a C0 control', '张\u001b[31m三', 'TEXT_CONTROL_CHAR', '用户名称含有不可见或控制字符'],
    ['a lone surrogate', '张\ud83d三', 'TEXT_LONE_SURROGATE', '用户名称含有无效的字符（不成对的代理项）'],
    ['a bidi override', '\u202e三张', 'TEXT_BIDI_CONTROL', '用户名称含有改变文字方向的控制字符'],
    ['zero-width only', '\u200b\u200d\u2060', 'TEXT_INVISIBLE_ONLY', '用户名称只有空白或不可见字符'],
  ] as const;
  for (const [what, name, code, message] of cases)
    it(`refuses a customer name with ${what}, names the field, and writes nothing`, async () => {
      const rows = () => ({
        customers: A.count('SELECT count(*) AS n FROM customers'),
        outbox: A.count('SELECT count(*) AS n FROM outbox'),
        audit: A.count('SELECT count(*) AS n FROM audit'),
      });
      const before = rows();
      const r = await A.call('customers.open', { ...fakeHousehold(mulberry32(7), 900), name }, A.adminSid);
      expect(r.ok ? null : r.error).toMatchObject({
        code: 'VALIDATION_FAILED',
        issues: [{ path: ['name'], code, message }],
      });
      expect(rows()).toEqual(before);
    });

  it('refuses the same in any free-text field: a reason with a bidi isolate, a note line with a tab', async () => {
    const c = await A.ok('customers.open', fakeHousehold(mulberry32(8), 901), A.adminSid);
    const before = A.count('SELECT count(*) AS n FROM outbox');
    const r = await A.call(
      'customers.update',
      { id: c.id, expectedVersion: c.version, changes: { notes: '一\t二' }, reason: '\u2066改号\u2069' },
      A.adminSid,
    );
    expect(r.ok ? null : r.error.issues).toEqual([
      { path: ['changes', 'notes'], code: 'TEXT_CONTROL_CHAR', message: '备注含有不可见或控制字符' },
      { path: ['reason'], code: 'TEXT_BIDI_CONTROL', message: '办理原因含有改变文字方向的控制字符' },
    ]);
    expect(A.count('SELECT count(*) AS n FROM outbox')).toBe(before);
  });
});
