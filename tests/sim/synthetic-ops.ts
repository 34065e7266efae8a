/**
 * A counter's outbox made without running the services, for the push benchmark and the protocol tests: a
 * realistic mix (shifts, households, gas sales with their card-write outcome, fees, phone changes) with real
 * payload shapes, hash-chained exactly as db/ledger.ts chains them.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { canonicalOp, GENESIS_HASH, type OpFields, payloadJson } from '../../core/sync/canonical';
import { uuidv7 } from '../../core/ids';
import type { WireOp } from '../../core/sync/wire';
import { fakeHousehold, mulberry32 } from '../../services/setup/fake-households';

export function chainOps(
  ops: Omit<OpFields, 'seq' | 'prevHash' | 'counterId'>[],
  counterId: string,
  from = { seq: 0, hash: GENESIS_HASH },
): WireOp[] {
  const out: WireOp[] = [];
  let prev = from.hash;
  ops.forEach((o, i) => {
    const f: OpFields = { ...o, seq: from.seq + i + 1, counterId, prevHash: prev };
    const hash = createHash('sha256').update(canonicalOp(f)).digest('hex');
    out.push({ ...f, hash });
    prev = hash;
  });
  return out;
}

/** Writes operations into a counter database's outbox as they are (its append-only triggers allow inserts). */
export function writeOutbox(db: Database.Database, ops: readonly WireOp[]): void {
  const insert = db.prepare(
    `INSERT INTO outbox (seq, id, counter_id, type, entity_type, entity_id, payload, operator_id, approver_id, hlc,
       created_at, prev_hash, hash)
     VALUES (@seq, @id, @counterId, @type, @entityType, @entityId, @payload, @operatorId, @approverId, @hlc,
       @createdAt, @prevHash, @hash)`,
  );
  db.transaction(() => {
    for (const op of ops) insert.run(op);
  })();
}

export function syntheticOutbox(
  counterId: string,
  n: number,
  seed = 7,
  startMs = Date.parse('2026-03-02T09:00:00+08:00'),
  /** Hall code and counter code, as a real counter's account numbers begin (open-customer.ts). */
  accountPrefix = `0101${counterId.slice(0, 2).replace(/\D/g, '0')}`,
): WireOp[] {
  let mix = seed;
  for (const ch of counterId) mix = (Math.imul(mix, 31) + ch.charCodeAt(0)) | 0;
  const rand = mulberry32(mix);
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(rand() * 256));
  const ops: Omit<OpFields, 'seq' | 'prevHash' | 'counterId'>[] = [];
  const operatorId = uuidv7(startMs, bytes);
  const customers: string[] = [];
  let t = startMs;
  let shiftId = '';
  let receipt = 0;
  const hlc = () => `${String(t).padStart(15, '0')}-00000-${counterId.slice(-12)}`;
  const push = (type: string, entityType: string, entityId: string, payload: unknown) => {
    t += 1 + Math.floor(rand() * 3000);
    ops.push({
      id: uuidv7(t, bytes),
      type,
      entityType,
      entityId,
      payload: payloadJson(payload),
      operatorId,
      approverId: null,
      hlc: hlc(),
      createdAt: new Date(t).toISOString(),
    });
  };
  const shift = () => ({
    id: shiftId,
    operator: { id: operatorId, displayName: '王芳' },
    businessDate: new Date(t + 8 * 3_600_000).toISOString().slice(0, 10),
    openedAt: new Date(t).toISOString(),
    float: 50_000,
    status: 'open',
    closedAt: null,
    counted: null,
    expected: null,
    difference: null,
    note: null,
  });
  while (ops.length < n) {
    if (ops.length % 200 === 0) {
      if (shiftId)
        push('shift.closed', 'shift', shiftId, {
          shift: {
            ...shift(),
            status: 'closed',
            closedAt: new Date(t).toISOString(),
            counted: 50_000,
            expected: 50_000,
            difference: 0,
          },
          cash: {},
          denominations: null,
        });
      shiftId = uuidv7(t, bytes);
      push('shift.opened', 'shift', shiftId, shift());
    }
    const r = rand();
    if (r < 0.08 || customers.length === 0) {
      const h = fakeHousehold(rand, customers.length);
      const id = uuidv7(t, bytes);
      customers.push(id);
      const at = new Date(t).toISOString();
      push('customer.opened', 'customer', id, {
        id,
        accountNo: `${accountPrefix}${String(customers.length).padStart(6, '0')}`,
        name: h.name,
        idNumber: h.idNumber,
        creditCode: null,
        phone: h.phone,
        altPhone: null,
        address: { ...h.address, unit: h.address.unit ?? null },
        fullAddress: `${h.address.community}${h.address.building}${h.address.room}`,
        userClass: 'residential',
        householdSize: h.householdSize,
        inspection: { status: 'normal', date: null },
        contract: h.contract,
        documents: h.documents,
        status: 'active',
        statusChangedAt: at,
        openedAt: at,
        closedAt: null,
        notes: null,
        version: 1,
        meters: [],
      });
    } else if (r < 0.12) {
      const id = customers[Math.floor(rand() * customers.length)]!;
      push('customer.updated', 'customer', id, {
        id,
        version: 2,
        changes: { phone: `139${String(Math.floor(rand() * 1e8)).padStart(8, '0')}` },
        reason: '用户来电',
      });
    } else if (r < 0.2) {
      const id = uuidv7(t, bytes);
      push('sale.feesPaid', 'sale', id, {
        id,
        receiptNo: `R${++receipt}`,
        invoiceNo: null,
        kind: 'fee',
        status: 'completed',
        customerId: customers[0],
        userClass: 'residential',
        shiftId,
        businessDate: '2026-03-02',
        operatorId,
        approverId: null,
        volume: 0,
        amount: 15_000,
        balanceUsed: 0,
        balanceAdded: 0,
        amountPaid: 15_000,
        priceVersionId: null,
        periodStart: null,
        usedBefore: null,
        correctsSaleId: null,
        reason: null,
        createdAt: new Date(t).toISOString(),
        lines: [
          {
            lineNo: 1,
            kind: 'fee',
            tier: null,
            feeItemId: operatorId,
            name: '换表',
            volume: null,
            priceLi: null,
            qty: 1,
            amount: 15_000,
          },
        ],
        tenders: [
          { lineNo: 1, method: 'cash', amount: 15_000, received: 20_000, change: 5_000, reference: null },
        ],
      });
    } else {
      const id = uuidv7(t, bytes);
      const customerId = customers[Math.floor(rand() * customers.length)]!;
      const volume = (5 + Math.floor(rand() * 40)) * 100;
      const amount = Math.round((volume * 3050) / 1000);
      push('sale.gasSold', 'sale', id, {
        id,
        receiptNo: `R${++receipt}`,
        invoiceNo: null,
        kind: 'gas',
        status: 'pending_card_write',
        customerId,
        userClass: 'residential',
        shiftId,
        businessDate: '2026-03-02',
        operatorId,
        approverId: null,
        volume,
        amount,
        balanceUsed: 0,
        balanceAdded: 0,
        amountPaid: amount,
        priceVersionId: operatorId,
        periodStart: '2026-01-01',
        usedBefore: 1200,
        correctsSaleId: null,
        reason: null,
        createdAt: new Date(t).toISOString(),
        lines: [
          {
            lineNo: 1,
            kind: 'gas',
            tier: 1,
            feeItemId: null,
            name: '第1档',
            volume,
            priceLi: 3050,
            qty: null,
            amount,
          },
        ],
        tenders: [{ lineNo: 1, method: 'cash', amount, received: amount, change: 0, reference: null }],
      });
      if (ops.length < n)
        push('sale.cardWritten', 'sale', id, {
          saleId: id,
          receiptNo: `R${receipt}`,
          status: 'completed',
          reason: null,
        });
    }
  }
  return chainOps(ops.slice(0, n), counterId);
}
