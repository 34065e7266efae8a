import { describe, expect, it } from 'vitest';
import { cardKeys } from '../../drivers/card-formats/keys';
import { referenceFormat } from '../../drivers/card-formats/reference-format';
import { ReaderConnection } from '../../drivers/card-reader/connection';
import { ReaderEmulator } from '../../drivers/card-reader/emulator';
import { FakeHidDevice } from '../../drivers/card-reader/fake-hid';
import { fromReport, hidTransport, REPORT_SIZE, toReports } from '../../drivers/card-reader/hid-transport';
import { CardReader, ReaderError } from '../../drivers/card-reader/reader';
import { Sle4442 } from '../../drivers/card-reader/sle4442';

const keys = cardKeys(new Uint8Array(32).fill(3));
const header = { kind: 'user' as const, region: 320, cardNo: '1000000000000007', accountNo: '010101000007' };

describe('the reader over USB HID (fake device behind the node-hid interface)', () => {
  it('carries frames in 64-byte reports, longer frames across several', async () => {
    const emu = new ReaderEmulator();
    emu.insert(Sle4442.blank());
    const dev = new FakeHidDevice(emu);
    const reader = new CardReader(hidTransport(dev, 'fake'), { timeoutMs: 200 });
    await referenceFormat.issue(reader, header, keys);
    await referenceFormat.writePurchase(
      reader,
      header.cardNo,
      { count: 1, volume: 700, cumulative: 700, writtenAt: 1, counterCode: '010101' },
      keys,
    );
    expect((await referenceFormat.read(reader)).record).toMatchObject({ state: 'ok', header, pending: true });
    for (const report of dev.written) {
      expect(report).toHaveLength(REPORT_SIZE + 1); // report ID 0 + 64 bytes
      expect(report[0]).toBe(0);
    }
  });

  it('splits a long frame into reports and joins it again', () => {
    const frame = Uint8Array.from({ length: 150 }, (_, i) => i);
    const reports = toReports(frame);
    expect(reports.map((r) => [r.length, r[0], r[1]])).toEqual([
      [REPORT_SIZE + 1, 0, 63],
      [REPORT_SIZE + 1, 0, 63],
      [REPORT_SIZE + 1, 0, 24],
    ]);
    const joined = reports.flatMap((r) => [...fromReport(r.slice(1))]);
    expect(Uint8Array.from(joined)).toEqual(frame);
  });

  it('notices an unplug mid-command and finds the same device again', async () => {
    const emu = new ReaderEmulator();
    const card = Sle4442.blank();
    emu.insert(card);
    let plugged = true;
    let current: FakeHidDevice | null = null;
    const conn = new ReaderConnection(
      async (o) => {
        if (!plugged) throw new Error('no such HID device');
        current = new FakeHidDevice(emu);
        return new CardReader(hidTransport(current, 'fake'), o);
      },
      { timeoutMs: 200, retryMs: 30 },
    );
    const statuses: string[] = [];
    conn.on('status', (s) => statuses.push(s));
    const reader = await conn.get();
    expect(await reader.info()).toBe('GasDesk-EMU 1.0');
    plugged = false;
    const slow = reader.readImage();
    current!.unplug();
    await expect(slow).rejects.toMatchObject({ code: 'DISCONNECTED' });
    await expect(conn.get()).rejects.toBeInstanceOf(ReaderError);
    plugged = true;
    for (let i = 0; i < 50 && conn.status !== 'connected'; i++) await new Promise((r) => setTimeout(r, 20));
    expect(conn.status).toBe('connected');
    expect(await (await conn.get()).info()).toBe('GasDesk-EMU 1.0');
    expect(statuses).toEqual(expect.arrayContaining(['connected', 'disconnected', 'connecting']));
    expect(statuses.at(-1)).toBe('connected');
    await conn.close();
  });
});
