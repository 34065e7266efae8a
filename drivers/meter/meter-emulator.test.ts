import { describe, expect, it } from 'vitest';
import { decodeCard } from '../../core/card/gas-card';
import { cardKeys } from '../card-formats/keys';
import { referenceFormat } from '../card-formats/reference-format';
import { ReaderEmulator } from '../card-reader/emulator';
import { memoryTransport } from '../card-reader/memory-transport';
import { CardReader } from '../card-reader/reader';
import { Sle4442 } from '../card-reader/sle4442';
import { MeterEmulator } from './meter-emulator';

const keys = cardKeys(new Uint8Array(32).fill(7));
const M3 = 100;

async function counter() {
  const emu = new ReaderEmulator();
  const reader = new CardReader(memoryTransport(emu), { timeoutMs: 100 });
  const card = Sle4442.blank();
  emu.insert(card);
  await referenceFormat.issue(
    reader,
    { kind: 'user', region: 320, cardNo: '1000000000000001', accountNo: '010101000001' },
    keys,
  );
  const sell = (count: number, volume: number, cumulative: number) =>
    referenceFormat.writePurchase(
      reader,
      '1000000000000001',
      { count, volume, cumulative, writtenAt: 1_790_000_000, counterCode: '010101' },
      keys,
    );
  return { emu, reader, card, sell };
}

describe('the IC-card meter emulator', () => {
  it('loads a purchase once, writes its readings back, and closes the valve when the gas runs out', async () => {
    const { card, sell } = await counter();
    const meter = new MeterEmulator({ meterNo: 'M000000001', region: 320 }, keys);
    await sell(1, 10 * M3, 10 * M3);
    expect(meter.insert(card)).toEqual({ result: 'loaded', volume: 1000, count: 1 });
    expect(meter.state).toMatchObject({
      remaining: 1000,
      valveOpen: true,
      lastLoadedCount: 1,
      boundCardNo: '1000000000000001',
    });
    expect(meter.insert(card)).toEqual({ result: 'nothing-to-load' });
    expect(meter.consume(8 * M3)).toBe(800);
    meter.insert(card);
    const rec = decodeCard(card.main);
    expect(rec).toMatchObject({
      state: 'ok',
      pending: false,
      writeBack: { loadedCount: 1, remaining: 200, cumulativeUsed: 800, meterNo: 'M000000001' },
    });
    expect(meter.consume(5 * M3)).toBe(200);
    expect(meter.state.valveOpen).toBe(false);
    expect(meter.consume(100)).toBe(0);
  });

  it('a copied card loads only once', async () => {
    const { card, sell } = await counter();
    const meter = new MeterEmulator({ meterNo: 'M1', region: 320 }, keys);
    await sell(1, 500, 500);
    const copy = new Sle4442(card.snapshot());
    expect(meter.insert(card).result).toBe('loaded');
    expect(meter.insert(copy)).toEqual({ result: 'nothing-to-load' });
    expect(meter.state.remaining).toBe(500);
  });

  it('refuses other regions, other accounts’ cards, blank and damaged cards', async () => {
    const { card, sell } = await counter();
    await sell(1, 500, 500);
    expect(new MeterEmulator({ meterNo: 'M1', region: 321 }, keys).insert(card)).toEqual({
      result: 'refused',
      reason: 'region',
    });
    const bound = new MeterEmulator(
      { meterNo: 'M1', region: 320, boundCardNo: '2000000000000002', boundAccountNo: '010101000002' },
      keys,
    );
    expect(bound.insert(card)).toEqual({ result: 'refused', reason: 'wrong-card' });
    const meter = new MeterEmulator({ meterNo: 'M1', region: 320 }, keys);
    expect(meter.insert(Sle4442.blank())).toEqual({ result: 'refused', reason: 'blank' });
    card.main[40]! ^= 0xff;
    card.main[72]! ^= 0x0f;
    expect(meter.insert(card)).toEqual({ result: 'refused', reason: 'damaged' });
  });

  it('a card written with another key is refused without locking it', async () => {
    const { card, sell } = await counter();
    await sell(1, 500, 500);
    const meter = new MeterEmulator({ meterNo: 'M1', region: 320 }, cardKeys(new Uint8Array(32).fill(9)));
    expect(meter.insert(card)).toEqual({ result: 'refused', reason: 'psc' });
    expect(meter.insert(card)).toEqual({ result: 'refused', reason: 'psc' });
    expect(card.triesLeft).toBe(1);
    expect(meter.insert(card)).toEqual({ result: 'refused', reason: 'psc' });
    expect(card.isLocked).toBe(false);
  });

  it('allows gas down to the overdraft limit', async () => {
    const { card, sell } = await counter();
    await sell(1, 100, 100);
    const meter = new MeterEmulator({ meterNo: 'M1', region: 320, overdraftLimit: 50 }, keys);
    meter.insert(card);
    expect(meter.consume(1000)).toBe(150);
    expect(meter.state).toMatchObject({ remaining: -50, valveOpen: false });
  });
});
