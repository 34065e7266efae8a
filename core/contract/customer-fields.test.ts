import { describe, expect, it } from 'vitest';
import { CARD_METER_NO_LENGTH, decodeWriteBack, encodeWriteBack, NO_WRITE_BACK } from '../card/gas-card';
import { meterNoSchema } from './customer-fields';
import { contract } from './index';

const message = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? undefined : r.error?.issues[0]?.message;

describe('the meter number fits the card', () => {
  it('takes a number as long as the card holds, and the card gives it back whole', () => {
    const no = 'JK2026112601';
    expect(no).toHaveLength(CARD_METER_NO_LENGTH);
    expect(meterNoSchema.parse(no)).toBe(no);
    const back = decodeWriteBack(encodeWriteBack({ ...NO_WRITE_BACK, meterNo: no }));
    expect(typeof back === 'string' ? back : back.meterNo).toBe(no);
  });

  it('refuses a longer number in Chinese, naming the card, instead of cutting it on the card', () => {
    const r = meterNoSchema.safeParse('JK20261126001');
    expect(message(r)).toBe('表号最多 12 位（IC 卡只能存 12 位，更长的表号写卡时会被截断）');
  });

  it('is refused by every operation that registers a meter: 开户, 加表, 换表', () => {
    const meter = { meterNo: 'JK20261126001', maker: '金卡', model: 'IC-4', cardType: 'SLE4442' };
    const change = contract['meters.change'].input.safeParse({
      customerId: '0190a0b0-0000-7000-8000-000000000001',
      oldMeterNo: 'OLD1',
      finalRemaining: 0,
      newMeter: meter,
      reason: '表坏了',
    });
    expect(change.success).toBe(false);
    expect(change.error?.issues.map((i) => i.path.join('.'))).toContain('newMeter.meterNo');
    const add = contract['customers.addMeter'].input.safeParse({
      id: 'x',
      version: 1,
      meter,
      reason: '加表',
    });
    expect(add.error?.issues.map((i) => i.path.join('.'))).toContain('meter.meterNo');
    const open = contract['customers.open'].input.safeParse({ meters: [meter] });
    expect(open.error?.issues.some((i) => i.path.join('.') === 'meters.0.meterNo')).toBe(true);
  });
});
