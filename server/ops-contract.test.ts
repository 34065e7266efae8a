import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { canonicalOp } from '../core/sync/canonical';
import type { WireOp } from '../core/sync/wire';
import { encodeOp, OP_SPECS, OPS, type OpPayload, readOp } from '../core/sync/ops';

/** Real outbox rows written by the counter's use cases before the versioned contract (payloads without `v`). */
const V1: WireOp[] = JSON.parse(
  readFileSync(new URL('../tests/fixtures/ops-v1.json', import.meta.url), 'utf8'),
);

/** The shape of each type's current payload, as its JSON Schema's hash (refinements aside). */
const fingerprint = (s: z.ZodType) =>
  createHash('sha256')
    .update(JSON.stringify(z.toJSONSchema(s, { unrepresentable: 'any' })))
    .digest('hex')
    .slice(0, 16);

describe('the sync operations contract', () => {
  it('reads every real version-1 payload, upgraded to the current version', () => {
    const types = new Set<string>();
    for (const row of V1) {
      expect(createHash('sha256').update(canonicalOp(row)).digest('hex')).toBe(row.hash); // a real stored row
      const r = readOp(row);
      expect(r, `${row.type} seq ${row.seq}`).toMatchObject({ ok: true, type: row.type, version: 1 });
      types.add(row.type);
    }
    expect(types.size).toBeGreaterThanOrEqual(35);
  });

  it('upgrades a version-1 meter reading: its status becomes an object, its customer comes from the op', () => {
    const row = V1.find((o) => o.type === 'meter.reading')!;
    const r = readOp(row);
    if (!r.ok) throw new Error(r.reason);
    expect(r.data).toMatchObject({
      customerId: row.entityId,
      status: { lowBattery: false, valveClosed: false, tamper: false, leakAlarm: false },
    });
  });

  it('upgrades a version-2 staff account: its one role becomes its list of roles', () => {
    const row = V1.find((o) => o.type === 'staff.created')!;
    const v1 = JSON.parse(row.payload);
    const r = readOp({ ...row, payload: JSON.stringify({ v: 2, ...v1 }) });
    if (!r.ok) throw new Error(r.reason);
    expect(r).toMatchObject({ version: 2, data: { id: v1.id, roles: [v1.role] } });
    expect(r.data).not.toHaveProperty('role');
  });

  it('upgrades the cash desk to version 3: the operator closed their own shift, no deposit was late', () => {
    const read = (type: string) => {
      const row = V1.find((o) => o.type === type)!;
      const r = readOp(row);
      if (!r.ok) throw new Error(r.reason);
      return { old: JSON.parse(row.payload), data: r.data as Record<string, unknown> };
    };
    const closed = read('shift.closed');
    expect(closed.data.shift).toMatchObject({ closedBy: closed.old.shift.operator, approvedBy: null });
    expect(read('deposit.recorded').data).toMatchObject({ late: false });
    const day = read('day.closed');
    expect(day.data.cash).toBeNull();
    expect(day.data.deposits).toEqual(day.old.deposits.map((d: object) => ({ ...d, late: false })));
    expect(read('settings.updated').data).toMatchObject({ shiftTolerance: 1_000 });
  });

  it('writes the current version, and reads back exactly what was written', () => {
    for (const row of V1) {
      const old = readOp(row);
      if (!old.ok) throw new Error(old.reason);
      const e = encodeOp(row.type as never, old.data as never);
      expect(JSON.parse(e.json).v).toBe(OPS[row.type as keyof typeof OPS].version);
      const again = readOp({ ...row, entityType: e.entityType, entityId: e.entityId, payload: e.json });
      expect(again).toMatchObject({
        ok: true,
        version: OPS[row.type as keyof typeof OPS].version,
        data: old.data,
      });
    }
  });

  it('refuses a payload a use case got wrong, at run time as at compile time', () => {
    const row = V1.find((o) => o.type === 'card.issued')!;
    const p: OpPayload<'card.issued'> = JSON.parse(row.payload);
    // @ts-expect-error a renamed column does not type-check
    expect(() => encodeOp('card.issued', { ...p, card_no: p.cardNo })).toThrow(
      /does not fit the sync contract/,
    );
    // @ts-expect-error an unknown type does not type-check
    expect(() => encodeOp('card.isued', p)).toThrow();
    expect(() => encodeOp('card.issued', { ...p, cardNo: 'a\u0000' })).toThrow(
      /refuses .*cardNo 含有不可见或控制字符/,
    );
  });

  it('says why it cannot read an operation', () => {
    const row = V1.find((o) => o.type === 'card.issued')!;
    const read = (patch: Partial<WireOp>) => readOp({ ...row, ...patch });
    expect(read({ type: 'card.free' })).toMatchObject({ ok: false, code: 'OP_UNKNOWN_TYPE' });
    expect(read({ payload: '{"v":3}' })).toMatchObject({ ok: false, code: 'OP_VERSION_UNSUPPORTED' });
    expect(read({ payload: '[1]' })).toMatchObject({ ok: false, code: 'PAYLOAD_INVALID' });
    expect(read({ payload: '{' })).toMatchObject({ ok: false, code: 'PAYLOAD_INVALID' });
    expect(read({ payload: row.payload.replace('"cardNo":"', '"cardNo":"\\ud800') })).toMatchObject({
      ok: false,
      code: 'TEXT_REFUSED',
      reason: '业务内容的文字不符合规则：cardNo 含有无效的字符（不成对的代理项）',
    });
    expect(read({ entityId: 'someone-else' })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/对象与业务内容不符/),
    });
  });

  it('holds the text of every payload to the contract’s text rule: a newline only in notes', () => {
    const row = V1.find((o) => o.type === 'customer.opened')!;
    const file = JSON.parse(row.payload);
    const read = (patch: object) => readOp({ ...row, payload: JSON.stringify({ ...file, ...patch }) });
    const refused = (patch: object, reason: string) =>
      expect(read(patch)).toEqual({
        ok: false,
        code: 'TEXT_REFUSED',
        reason: `业务内容的文字不符合规则：${reason}`,
      });
    refused({ name: '张\u0000三' }, 'name 含有不可见或控制字符');
    refused({ name: '张\u0007三' }, 'name 含有不可见或控制字符');
    refused({ name: '张\u0085三' }, 'name 含有不可见或控制字符');
    refused({ name: '张\n三' }, 'name 含有不可见或控制字符');
    refused({ name: '张\ud83d三' }, 'name 含有无效的字符（不成对的代理项）');
    refused({ name: '\u202e三张' }, 'name 含有改变文字方向的控制字符');
    refused({ name: '\u200b\u200d\ufeff' }, 'name 只有空白或不可见字符');
    refused({ address: { ...file.address, room: '\u2066' } }, 'address.room 含有改变文字方向的控制字符');
    refused({ 'x\u0000': 1 }, 'x\u0000 含有不可见或控制字符');
    expect(read({ notes: '第一行\n第二行' })).toMatchObject({ ok: true });
    expect(read({ name: '👨‍👩‍👧 王\u200d芳' })).toMatchObject({ ok: true });
  });

  it('changes no payload shape without a new version (fingerprints in versions.json)', () => {
    const file = new URL('../core/sync/ops/versions.json', import.meta.url);
    const now = Object.fromEntries(
      OP_SPECS.map((s) => [s.type, { version: s.version, fingerprint: fingerprint(s.schema) }]),
    );
    // After adding a type or a version (never after changing one in place): GASDESK_OPS_VERSIONS=write records it.
    if (process.env.GASDESK_OPS_VERSIONS === 'write')
      writeFileSync(file, `${JSON.stringify(now, null, 2)}\n`);
    const held = JSON.parse(readFileSync(file, 'utf8')) as Record<
      string,
      { version: number; fingerprint: string }
    >;
    for (const [type, v] of Object.entries(now)) {
      const before = held[type];
      if (before?.version === v.version)
        expect(v.fingerprint, `${type}: its shape changed — give it a new version and an upgrade`).toBe(
          before.fingerprint,
        );
    }
    expect(Object.keys(held).sort()).toEqual(Object.keys(now).sort());
  });
});
