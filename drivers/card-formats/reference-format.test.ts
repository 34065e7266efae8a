import { describe, expect, it } from 'vitest';
import { AREA } from '../../core/card/gas-card';
import { ReaderEmulator } from '../card-reader/emulator';
import { memoryTransport } from '../card-reader/memory-transport';
import { CardReader, ReaderError } from '../card-reader/reader';
import { Sle4442 } from '../card-reader/sle4442';
import { cardKeys, derivePsc } from './keys';
import { formatFor, referenceFormat } from './reference-format';

const master = new Uint8Array(32).fill(1);
const keys = cardKeys(master);
const header = { kind: 'user' as const, region: 320, cardNo: '1000000000000001', accountNo: '010101000001' };
const purchase = {
  count: 1,
  volume: 1000,
  cumulative: 1000,
  writtenAt: 1_790_000_000,
  counterCode: '010101',
};

function rig() {
  const emu = new ReaderEmulator();
  const card = Sle4442.blank();
  emu.insert(card);
  return { emu, card, reader: new CardReader(memoryTransport(emu), { timeoutMs: 100 }) };
}

describe('the reference card format', () => {
  it('issues a blank card: header written and protected, PSC derived per card', async () => {
    const { reader, card } = rig();
    expect(formatFor(card.main)).toBe(referenceFormat);
    await referenceFormat.issue(reader, header, keys);
    const { record, triesLeft } = await referenceFormat.read(reader);
    expect(record).toMatchObject({ state: 'ok', header, purchase: null, pending: false });
    expect(triesLeft).toBe(3);
    for (let i = AREA.header.start; i < 32; i++) expect(card.isProtected(i)).toBe(true);
    expect(derivePsc(master, '1000000000000001')).not.toEqual(derivePsc(master, '1000000000000002'));
  });

  it('writes a purchase to both areas and reads it back as pending until the meter loads it', async () => {
    const { reader } = rig();
    await referenceFormat.issue(reader, header, keys);
    await referenceFormat.writePurchase(reader, header.cardNo, purchase, keys);
    expect((await referenceFormat.read(reader)).record).toMatchObject({
      state: 'ok',
      purchase,
      pending: true,
      repairable: false,
    });
  });

  it('a card pulled mid-write leaves the old purchase readable (repairable), never a silent mix', async () => {
    const { reader, emu, card } = rig();
    await referenceFormat.issue(reader, header, keys);
    await referenceFormat.writePurchase(reader, header.cardNo, purchase, keys);
    emu.faults.cutAt = { write: 0, byte: 5 }; // in the middle of the primary's first changed bytes
    await expect(
      referenceFormat.writePurchase(
        reader,
        header.cardNo,
        { ...purchase, count: 2, volume: 3000, cumulative: 4000 },
        keys,
      ),
    ).rejects.toBeInstanceOf(ReaderError);
    emu.insert(card);
    expect((await referenceFormat.read(reader)).record).toMatchObject({
      state: 'ok',
      purchase,
      repairable: true,
    });
  });

  it('cannot rewrite the header of an issued card', async () => {
    const { reader } = rig();
    await referenceFormat.issue(reader, header, keys);
    await reader.verifyPsc(keys.pscFor(header.cardNo));
    await expect(reader.updateMain(AREA.header.start + 6, new Uint8Array([0x99]))).rejects.toMatchObject({
      code: 'WRITE_PROTECTED',
    });
  });
});
