import { describe, expect, it } from 'vitest';
import type { CardRead } from '../../../core/contract';
import { alarmsOf, lastPurchaseState, saleCardLine, stateTone } from './card-model';

const CUSTOMER = { id: 'c1', accountNo: '010101000001', name: '侯珍洋', fullAddress: '', status: 'active' };

function read(patch: Partial<CardRead>): CardRead {
  return {
    present: true,
    state: 'ok',
    message: '读卡成功。',
    triesLeft: 3,
    card: {
      cardNo: '0101010000000001',
      kind: 'user',
      status: 'active',
      purchaseCount: 2,
      lastVolume: 1000,
      cumulative: 4000,
      pending: false,
      repairable: false,
    },
    customer: CUSTOMER,
    reading: null,
    resolved: [],
    conflict: null,
    ...patch,
  };
}

describe('card model', () => {
  it('lists raised alarms in a fixed order', () => {
    expect(alarmsOf({ lowBattery: false, valveClosed: true, tamper: false, leakAlarm: true })).toEqual([
      'valveClosed',
      'leakAlarm',
    ]);
    expect(alarmsOf({ lowBattery: false, valveClosed: false, tamper: false, leakAlarm: false })).toEqual([]);
  });

  it('gives each read state a tone', () => {
    expect(stateTone('ok')).toBe('success');
    expect(stateTone('no_card')).toBe('info');
    expect(stateTone('blocked')).toBe('error');
    expect(stateTone('half_issued')).toBe('warning');
  });

  it('says on the sale screen whether the customer’s card is ready', () => {
    expect(saleCardLine(read({}), 'c1', false).key).toBe('noActiveCard');
    expect(saleCardLine(read({ state: 'no_card', card: null, customer: null }), 'c1', true).key).toBe(
      'insert',
    );
    expect(saleCardLine(read({}), 'c2', true)).toMatchObject({ key: 'wrongCustomer', name: '侯珍洋' });
    expect(saleCardLine(read({ state: 'blocked' }), 'c1', true)).toMatchObject({
      key: 'state',
      tone: 'error',
    });
    const pending = read({});
    pending.card!.pending = true;
    expect(saleCardLine(pending, 'c1', true)).toEqual({ tone: 'warning', key: 'pending', volume: 1000 });
    expect(saleCardLine(read({}), 'c1', true)).toEqual({
      tone: 'success',
      key: 'ready',
      cardNo: '0101010000000001',
      count: 2,
    });
  });

  it('tells a loaded purchase from one still on the card', () => {
    const card = read({}).card!;
    expect(lastPurchaseState(card)).toBe('loaded');
    expect(lastPurchaseState({ ...card, pending: true })).toBe('pending');
    expect(lastPurchaseState({ ...card, purchaseCount: 0, lastVolume: 0 })).toBe('none');
  });
});
