import { describe, expect, it } from 'vitest';
import { canonicalOp, GENESIS_HASH } from './canonical';
import { dayIn } from '../business-day';
import { digestMismatch, opDay, opFigures } from './digest';
import { signingString } from './signing';

const op = {
  seq: 1,
  id: '0190f000-0000-7000-8000-000000000001',
  counterId: 'c1',
  type: 'customer.opened',
  entityType: 'customer',
  entityId: 'x',
  payload: '{"a":"张三"}',
  operatorId: 'o',
  approverId: null,
  hlc: '000001700000000-00000-c1',
  createdAt: '2026-03-02T01:00:00.000Z',
  prevHash: GENESIS_HASH,
};

describe('canonical operation form (shared by counter and head office)', () => {
  it('is the JSON array of every stored field, payload bytes as stored — never changes', () => {
    expect(canonicalOp(op)).toBe(
      `["${GENESIS_HASH}",1,"0190f000-0000-7000-8000-000000000001","c1","customer.opened","customer","x","{\\"a\\":\\"张三\\"}","o",null,"000001700000000-00000-c1","2026-03-02T01:00:00.000Z"]`,
    );
  });
});

describe('per-day digests', () => {
  it('dates an operation in the hall’s time zone', () => {
    expect(opDay('2026-03-01T15:59:59.999Z', 'Asia/Shanghai')).toBe('2026-03-01');
    expect(opDay('2026-03-01T16:00:00.000Z', 'Asia/Shanghai')).toBe('2026-03-02');
    expect(opDay('2026-03-02T09:00:00+08:00', 'Asia/Shanghai')).toBe('2026-03-02');
    expect(opDay('2026-03-02T09:00:00+08:00', 'America/New_York')).toBe('2026-03-01');
    expect(opDay('2026-03-01T18:29:59.999Z', 'Asia/Kolkata')).toBe('2026-03-01');
    expect(opDay('2026-03-01T18:30:00.000Z', 'Asia/Kolkata')).toBe('2026-03-02');
    expect(opDay('garbage', 'Asia/Shanghai')).toBe('0000-00-00');
    expect(opDay('2026-13-45T99:00:00Z', 'Asia/Shanghai')).toBe('0000-00-00');
  });
  it('answers the same from its cache of hours as from the zone’s day of the instant', () => {
    for (const zone of ['Asia/Shanghai', 'America/New_York', 'Asia/Kolkata', 'Asia/Kathmandu']) {
      for (let i = 0; i < 1000; i++) {
        const ms = Date.UTC(2026, 0, 1) + Math.floor(Math.random() * 400 * 86_400_000);
        const iso = new Date(ms).toISOString();
        const direct = dayIn(zone, ms);
        expect(opDay(iso, zone)).toBe(direct);
        expect(opDay(iso, zone)).toBe(direct); // the second answer comes from the cache
        expect(opDay(iso.replace('Z', '+00:00'), zone)).toBe(direct);
      }
    }
  });
  it('counts the money and gas of sale operations only, integers only', () => {
    expect(opFigures('sale.gasSold', { amountPaid: 12_345, volume: 2_000 })).toEqual({
      amount: 12_345,
      volume: 2_000,
    });
    expect(opFigures('sale.reversed', { amountPaid: -500, volume: -100 })).toEqual({
      amount: -500,
      volume: -100,
    });
    expect(opFigures('customer.opened', { amountPaid: 1 })).toEqual({ amount: 0, volume: 0 });
    expect(opFigures('sale.gasSold', { amountPaid: 1.5 })).toEqual({ amount: 0, volume: 0 });
  });
  it('names the first field that differs', () => {
    const d = { day: '2026-03-02', count: 3, amount: 10, volume: 5, idsHash: 'ab', lastSeq: 9 };
    expect(digestMismatch(d, { ...d })).toBeNull();
    expect(digestMismatch(d, { ...d, amount: 11 })).toBe('amount');
    expect(digestMismatch(d, undefined)).toBe('missing');
  });
});

describe('request signing string', () => {
  it('covers method, path, time, nonce, counter and body hash, one per line', () => {
    expect(
      signingString({
        method: 'post',
        path: '/v1/push',
        timestamp: '1',
        nonce: 'n',
        counterId: 'c',
        bodySha256: 'h',
      }),
    ).toBe('GASDESK-SYNC-V1\nPOST\n/v1/push\n1\nn\nc\nh');
  });
});
