/**
 * A counter's outbox made without running the services, for the push benchmark and the protocol tests: a
 * realistic mix (shifts, households, gas sales with their card-write outcome, fees, phone changes) whose
 * payloads are typed and encoded by the sync contract (core/sync/ops, as db/ledger.ts encodes them), so that
 * head office believes them — given the price version they name (`priceVersionId`, published at head office
 * first: headOfficePrices in tests/support/head-office.ts) — hash-chained exactly as db/ledger.ts chains them.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Customer } from '../../core/contract';
import { canonicalOp, GENESIS_HASH, type OpFields } from '../../core/sync/canonical';
import { encodeOp, type OpPayload, type OpType } from '../../core/sync/ops';
import { uuidv7 } from '../../core/ids';
import type { WireOp } from '../../core/sync/wire';
import { mulberry32 } from '../../services/setup/fake-households';
import { customerFile, gasSale, openShift } from './payloads';

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

export interface SyntheticOptions {
  /** A residential price version head office published (its tier 1 at payloads.ts TIER1_LI), from 2026-01-01. */
  readonly priceVersionId: string;
  readonly seed?: number;
  readonly startMs?: number;
  /** Hall code and counter code, as a real counter's account numbers begin (open-customer.ts). */
  readonly accountPrefix?: string;
}

export function syntheticOutbox(counterId: string, n: number, o: SyntheticOptions): WireOp[] {
  const startMs = o.startMs ?? Date.parse('2026-03-02T09:00:00+08:00');
  let mix = o.seed ?? 7;
  for (const ch of counterId) mix = (Math.imul(mix, 31) + ch.charCodeAt(0)) | 0;
  const rand = mulberry32(mix);
  const bytes = (k: number) => Uint8Array.from({ length: k }, () => Math.floor(rand() * 256));
  const ops: Omit<OpFields, 'seq' | 'prevHash' | 'counterId'>[] = [];
  const operatorId = uuidv7(startMs, bytes);
  const customers: Customer[] = [];
  let t = startMs;
  let shiftId = '';
  let receipt = 0;
  const at = () => new Date(t).toISOString();
  const day = () => new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
  const push = <T extends OpType>(type: T, payload: OpPayload<T>) => {
    t += 1 + Math.floor(rand() * 3000);
    const e = encodeOp(type, payload);
    ops.push({
      id: uuidv7(t, bytes),
      type,
      entityType: e.entityType,
      entityId: e.entityId,
      payload: e.json,
      operatorId,
      approverId: null,
      hlc: `${String(t).padStart(15, '0')}-00000-${counterId.slice(-12)}`,
      createdAt: at(),
    });
  };
  let opened = openShift('', operatorId, '', '');
  const sale = (id: string, customer: Customer | null) => ({
    id,
    receiptNo: `R${++receipt}`,
    invoiceNo: null,
    status: 'completed' as const,
    customerId: customer?.id ?? null,
    userClass: customer?.userClass ?? null,
    shiftId,
    businessDate: opened.businessDate,
    operatorId,
    approverId: null,
    balanceUsed: 0,
    balanceAdded: 0,
    periodStart: null,
    usedBefore: null,
    correctsSaleId: null,
    reason: null,
    createdAt: at(),
  });
  while (ops.length < n) {
    if (ops.length % 200 === 0) {
      if (shiftId) {
        const cash = {
          float: 50_000,
          cashTaken: 0,
          cashRefunded: 0,
          cashIn: 0,
          cashOut: 0,
          expected: 50_000,
        };
        push('shift.closed', {
          shift: {
            ...opened,
            status: 'closed',
            closedAt: at(),
            counted: 50_000,
            expected: 50_000,
            difference: 0,
            closedBy: opened.operator,
            approvedBy: null,
          },
          cash,
          denominations: null,
        });
      }
      shiftId = uuidv7(t, bytes);
      opened = openShift(shiftId, operatorId, day(), at());
      push('shift.opened', opened);
    }
    const r = rand();
    if (r < 0.08 || customers.length === 0) {
      const id = uuidv7(t, bytes);
      const prefix = o.accountPrefix ?? `0101${counterId.slice(0, 2).replace(/\D/g, '0')}`;
      const c = customerFile(
        rand,
        customers.length,
        id,
        `${prefix}${String(customers.length + 1).padStart(6, '0')}`,
        at(),
      );
      customers.push(c);
      push('customer.opened', c);
    } else if (r < 0.12) {
      const i = Math.floor(rand() * customers.length);
      const phone = `139${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`;
      const c = { ...customers[i]!, phone, version: customers[i]!.version + 1 };
      customers[i] = c;
      push('customer.updated', {
        id: c.id,
        version: c.version,
        changes: { phone },
        reason: '用户来电',
        customer: c,
      });
    } else if (r < 0.2) {
      const amount = 15_000;
      push('sale.feesPaid', {
        ...sale(uuidv7(t, bytes), customers[0]!),
        kind: 'fee',
        volume: 0,
        amount,
        amountPaid: amount,
        priceVersionId: null,
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
            amount,
          },
        ],
        tenders: [
          { lineNo: 1, method: 'cash', amount, received: 20_000, change: 20_000 - amount, reference: null },
        ],
      });
    } else {
      const id = uuidv7(t, bytes);
      const customer = customers[Math.floor(rand() * customers.length)]!;
      const volume = (5 + Math.floor(rand() * 40)) * 100;
      push(
        'sale.gasSold',
        gasSale({
          id,
          receiptNo: `R${++receipt}`,
          customerId: customer.id,
          shiftId,
          operatorId,
          priceVersionId: o.priceVersionId,
          businessDate: opened.businessDate,
          at: at(),
          volume,
        }),
      );
      if (ops.length < n)
        push('sale.cardWritten', { saleId: id, receiptNo: `R${receipt}`, status: 'completed', reason: null });
    }
  }
  return chainOps(ops.slice(0, n), counterId);
}
