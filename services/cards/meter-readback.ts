/**
 * The meter's write-back, brought home on the card, is kept as a reading only when it can be believed: every
 * value in range (core/card/write-back-check.ts) and nothing going backwards against the last reading of the
 * same meter. Otherwise it is recorded once as a meter fault (ledger `meter.fault`) and used for nothing — not
 * as a reading, not to say a purchase was loaded. Inside the caller's transaction. Runtime: Node.
 */
import type { CardRecord } from '../../core/card/gas-card';
import { AREA, decodeWriteBack } from '../../core/card/gas-card';
import { readingFaults } from '../../core/card/write-back-check';
import { type CardRow, insertReading, readingsOf } from '../../db';
import type { App } from '../app';

type Ok = Extract<CardRecord, { state: 'ok' }>;

/** `meterNo` of a fault: the write-back's, '' when it cannot be read. */
export type MeterData = { reading: true } | { faults: string[]; meterNo: string } | null;

export function recordMeterData(
  app: App,
  row: CardRow,
  rec: Ok,
  image: Uint8Array,
  operatorId: string,
): MeterData {
  const w = rec.writeBack;
  let faults = rec.meterFaults;
  if (faults.length === 0 && w.meterNo) {
    const before = readingsOf(app.gdb.sqlite, row.customerId).find((r) => r.meterNo === w.meterNo) ?? null;
    faults = readingFaults(w, before);
  }
  if (faults.length > 0) {
    const known = w.meterNo || rec.faultyMeterNo || rawMeterNo(image);
    const meterNo = known || '（无法读出）';
    const payload = { customerId: row.customerId, cardNo: row.cardNo, meterNo, faults };
    if (!sameFaultRecorded(app, payload)) {
      app.ledger().append({
        type: 'meter.fault',
        payload,
        operatorId,
        audit: {
          action: 'meter.fault',
          summary: `表具回写数据不可信，记为表具故障（卡 ${row.cardNo}）：${faults.join('；')}`,
        },
      });
    }
    return { faults, meterNo: known };
  }
  if (!w.meterNo) return null;
  const reading = {
    customerId: row.customerId,
    cardNo: row.cardNo,
    meterNo: w.meterNo,
    loadedCount: w.loadedCount,
    remaining: w.remaining,
    cumulativeUsed: w.cumulativeUsed,
    status: w.status,
    readAt: w.readAt,
  };
  if (insertReading(app.gdb.sqlite, app.newId(), row.customerId, reading, app.nowIso()))
    app.ledger().append({
      type: 'meter.reading',
      payload: reading,
      operatorId,
      audit: {
        action: 'meter.reading',
        summary: `读卡记录表具读数：表 ${w.meterNo} 剩余 ${(w.remaining / 100).toFixed(2)} m³，累计用气 ${(w.cumulativeUsed / 100).toFixed(2)} m³`,
      },
    });
  return { reading: true };
}

/** The meter number in a reference card's write-back bytes, whatever else is wrong with them. */
function rawMeterNo(image: Uint8Array): string {
  const raw = decodeWriteBack(
    image.subarray(AREA.writeBack.start, AREA.writeBack.start + AREA.writeBack.length),
  );
  return typeof raw === 'string' ? '' : raw.meterNo;
}

/** The same faulty write-back read again is not a new fault. */
function sameFaultRecorded(app: App, payload: { customerId: string; cardNo: string; faults: string[] }) {
  const last = app.gdb.sqlite
    .prepare(
      "SELECT payload FROM outbox WHERE type = 'meter.fault' AND entity_id = ? ORDER BY seq DESC LIMIT 1",
    )
    .pluck()
    .get(payload.customerId) as string | undefined;
  if (!last) return false;
  const p = JSON.parse(last) as { cardNo: string; faults: string[] };
  return p.cardNo === payload.cardNo && JSON.stringify(p.faults) === JSON.stringify(payload.faults);
}
