/**
 * The cash desk's key property: expected cash equals the sum of the ledger to the fen. Random days of real
 * gas sales, fee payments, reversals, refunds (through the selling side's operations), cash movements,
 * deposits, shift closes and day closes; at every shift close the expected cash is recomputed independently
 * from the raw tables, from the outbox payloads and from what the operations returned, and at every day close
 * the day report's totals are checked against the sums of its shifts and sales.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OpOutput, ShiftReport } from '../../core/contract';
import { DEFAULT_SHIFT_TOLERANCE, DENOMINATIONS, type TenderMethod } from '../../core/domain/cash';
import { testCounter, type TestCounter } from '../support/app';
import { APPROVAL, type Sale } from './cash-helpers';
import { withRequestId } from '../support/request-id';

type DayReport = OpOutput<'days.close'>;
/** Two sellers; the 班长 who approves (刘强) is neither: nobody approves their own operation. */
const OPERATORS = ['wangfang', 'admin'] as const;
const NON_CASH = ['bank_card', 'wechat', 'alipay'] as const;
/** Runs of 20–60 operations each (~0.6 s a run); raise for a soak: GASDESK_CASH_RUNS=200 npx vitest run … */
const RUNS = Number(process.env.GASDESK_CASH_RUNS ?? 12);

type Pay =
  | { kind: 'cash'; change: number }
  | { kind: 'other'; method: (typeof NON_CASH)[number] }
  | { kind: 'split'; method: (typeof NON_CASH)[number]; cashPermille: number; change: number };

type Who = 0 | 1;
type Cmd =
  | { t: 'open'; who: Who; float: number }
  | {
      t: 'gas';
      who: Who;
      auto: number;
      cust: number;
      by: 'volume' | 'money';
      qty: number;
      pay: Pay;
      card: 'none' | 'ok' | 'fail';
    }
  | { t: 'fee'; who: Who; auto: number; items: { i: number; qty: number }[]; pay: Pay }
  | { t: 'reverse'; who: Who; auto: number; pick: number }
  | { t: 'refund'; who: Who; auto: number; pick: number; percent: number; toCash: boolean }
  | { t: 'move'; who: Who; auto: number; kind: 'in' | 'out'; amount: number }
  | { t: 'close'; who: Who; diff: number; note: boolean; denoms: boolean }
  | { t: 'deposit'; amount: number }
  | { t: 'dayClose'; nextMorning: boolean };

const who = fc.constantFrom<Who>(0, 1);
/** 0–7: open a shift first if there is none (with a float of auto × 10 元); 8–9: try without one (refused). */
const auto = fc.integer({ min: 0, max: 9 });
const pay: fc.Arbitrary<Pay> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('cash' as const), change: fc.integer({ min: 0, max: 5_000 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('other' as const), method: fc.constantFrom(...NON_CASH) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('split' as const),
      method: fc.constantFrom(...NON_CASH),
      cashPermille: fc.integer({ min: 1, max: 999 }),
      change: fc.integer({ min: 0, max: 2_000 }),
    }),
  },
);
const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('open' as const),
      who,
      float: fc.integer({ min: 0, max: 100_000 }),
    }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      t: fc.constant('gas' as const),
      who,
      auto,
      cust: fc.nat(),
      by: fc.constantFrom('volume' as const, 'money' as const),
      qty: fc.integer({ min: 100, max: 5_000 }),
      pay,
      card: fc.constantFrom('none' as const, 'ok' as const, 'ok' as const, 'fail' as const),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('fee' as const),
      who,
      auto,
      items: fc.array(fc.record({ i: fc.nat(), qty: fc.integer({ min: 1, max: 3 }) }), {
        minLength: 1,
        maxLength: 3,
      }),
      pay,
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('reverse' as const), who, auto, pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('refund' as const),
      who,
      auto,
      pick: fc.nat(),
      percent: fc.integer({ min: 1, max: 100 }),
      toCash: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('move' as const),
      who,
      auto,
      kind: fc.constantFrom('in' as const, 'out' as const),
      amount: fc.integer({ min: 1, max: 60_000 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('close' as const),
      who,
      diff: fc.oneof(fc.constant(0), fc.integer({ min: -3_000, max: 3_000 })),
      note: fc.boolean(),
      denoms: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ t: fc.constant('deposit' as const), amount: fc.integer({ min: 1, max: 50_000 }) }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('dayClose' as const), nextMorning: fc.boolean() }) },
);

/** Tenders paying `due` 分 as the plan says (received − change = amount for cash). */
function tendersFor(due: number, p: Pay) {
  if (due === 0) return [];
  if (p.kind === 'cash') return [{ method: 'cash' as const, amount: due, received: due + p.change }];
  if (p.kind === 'other' || due < 2)
    return [{ method: p.kind === 'other' ? p.method : 'wechat', amount: due, reference: 'PAY1' }];
  const cash = Math.min(due - 1, Math.max(1, Math.floor((due * p.cashPermille) / 1000)));
  return [
    { method: 'cash' as const, amount: cash, received: cash + p.change },
    { method: p.method, amount: due - cash, reference: 'PAY2' },
  ];
}

function sum<T>(xs: readonly T[], f: (x: T) => number): number {
  return xs.reduce((s, x) => s + f(x), 0);
}

/** A greedy count of `amount` by denomination (amount must be a multiple of the smallest). */
function countOut(amount: number) {
  let left = amount;
  return DENOMINATIONS.map((value) => {
    const count = Math.floor(left / value);
    left -= count * value;
    return { value, count };
  }).filter((d) => d.count > 0);
}

interface OpenShiftModel {
  id: string;
  float: number;
  businessDate: string;
}

class Run {
  readonly sales: Sale[] = [];
  readonly movements: { shiftId: string; kind: 'in' | 'out'; amount: number }[] = [];
  readonly deposits: { businessDate: string; amount: number }[] = [];
  readonly open: (OpenShiftModel | null)[] = [null, null];
  readonly hadShift: boolean[];
  readonly floats = new Map<string, number>();

  constructor(
    readonly t: TestCounter,
    readonly sids: string[],
    readonly customers: string[],
    readonly fees: { id: string; amountFen: number }[],
  ) {
    this.hadShift = OPERATORS.map(
      (u) =>
        t.app.gdb.sqlite
          .prepare('SELECT 1 FROM shifts s JOIN staff p ON p.id = s.operator_id WHERE p.username = ?')
          .get(u) !== undefined,
    );
  }

  sql<T>(q: string, ...args: unknown[]): T[] {
    return this.t.app.gdb.sqlite.prepare(q).all(...args) as T[];
  }

  /** Everything a refused call must leave untouched. */
  snapshot() {
    return ['outbox', 'shifts', 'cash_movements', 'bank_deposits', 'day_closes', 'sales', 'tenders'].map(
      (x) => this.t.count(x),
    );
  }

  async refused(op: string, input: unknown, sid: string, code: string) {
    const before = this.snapshot();
    expect((await this.t.fails(op, input, sid)).code).toBe(code);
    expect(this.snapshot()).toEqual(before);
  }

  /** Model: float + cash tenders (signed) of the sales the operations returned + cash in − cash out. */
  modelExpected(shiftId: string): number {
    const tenders = this.sales.filter((s) => s.shiftId === shiftId).flatMap((s) => s.tenders);
    const moves = this.movements.filter((m) => m.shiftId === shiftId);
    return (
      this.floats.get(shiftId)! +
      sum(
        tenders.filter((x) => x.method === 'cash'),
        (x) => x.amount,
      ) +
      sum(moves, (m) => (m.kind === 'in' ? m.amount : -m.amount))
    );
  }

  /** Raw tables, with SQL of its own: shifts.float + Σ cash tenders + Σ in − Σ out. */
  rawFigures(shiftId: string) {
    const [shift] = this.sql<{ float: number }>('SELECT float FROM shifts WHERE id = ?', shiftId);
    const cash = this.sql<{ amount: number; received: number | null; change: number }>(
      `SELECT t.amount, t.received, t.change FROM tenders t WHERE t.method = 'cash'
         AND t.sale_id IN (SELECT id FROM sales WHERE shift_id = ?)`,
      shiftId,
    );
    for (const c of cash) if (c.received !== null) expect(c.received - c.change).toBe(c.amount);
    const moves = this.sql<{ kind: string; amount: number }>(
      'SELECT kind, amount FROM cash_movements WHERE shift_id = ?',
      shiftId,
    );
    const cashTaken = sum(cash, (c) => Math.max(c.amount, 0));
    const cashRefunded = sum(cash, (c) => Math.max(-c.amount, 0));
    const cashIn = sum(moves, (m) => (m.kind === 'in' ? m.amount : 0));
    const cashOut = sum(moves, (m) => (m.kind === 'out' ? m.amount : 0));
    return {
      float: shift!.float,
      cashTaken,
      cashRefunded,
      cashIn,
      cashOut,
      expected: shift!.float + sum(cash, (c) => c.amount) + cashIn - cashOut,
    };
  }

  /** The outbox alone: shift.opened's float, every sale payload's cash tenders, every cash movement. */
  outboxExpected(shiftId: string): number {
    let total = 0;
    let opened = 0;
    for (const r of this.sql<{ type: string; entity_type: string; payload: string }>(
      'SELECT type, entity_type, payload FROM outbox ORDER BY seq',
    )) {
      const p = JSON.parse(r.payload);
      if (r.type === 'shift.opened' && p.id === shiftId) {
        total += p.float;
        opened += 1;
      } else if (r.type === 'shift.cash_moved' && p.shiftId === shiftId) {
        total += p.kind === 'in' ? p.amount : -p.amount;
      } else if (r.entity_type === 'sale' && p.shiftId === shiftId && Array.isArray(p.tenders)) {
        for (const x of p.tenders as { method: string; amount: number }[])
          if (x.method === 'cash') total += x.amount;
      }
    }
    expect(opened).toBe(1);
    return total;
  }

  checkShift(report: ShiftReport) {
    const id = report.shift.id;
    const raw = this.rawFigures(id);
    expect(report.cash).toEqual(raw);
    expect(report.cash.expected).toBe(this.modelExpected(id));
    expect(report.cash.expected).toBe(this.outboxExpected(id));
    const cashRow = report.byTender.find((x) => x.method === 'cash')!;
    expect([cashRow.taken, cashRow.refunded]).toEqual([raw.cashTaken, raw.cashRefunded]);
  }

  checkDay(r: DayReport) {
    const date = r.businessDate;
    const shifts = this.sql<{ id: string; expected: number; counted: number; difference: number }>(
      'SELECT id, expected, counted, difference FROM shifts WHERE business_date = ? ORDER BY rowid',
      date,
    );
    expect(r.shifts.map((s) => [s.id, s.expected, s.counted, s.difference, s.status])).toEqual(
      shifts.map((s) => [s.id, s.expected, s.counted, s.difference, 'closed']),
    );
    expect(r.cashExpected).toBe(sum(shifts, (s) => s.expected));
    expect(r.cashExpected).toBe(sum(shifts, (s) => this.rawFigures(s.id).expected));
    // Cash by tender for the day = the sums over its shifts (every sale of the day is in one of them).
    const cash = r.byTender.find((x) => x.method === 'cash')!;
    expect(cash.taken).toBe(sum(shifts, (s) => this.rawFigures(s.id).cashTaken));
    expect(cash.refunded).toBe(sum(shifts, (s) => this.rawFigures(s.id).cashRefunded));
    expect(sum(shifts, (s) => this.rawFigures(s.id).float) + cash.taken - cash.refunded).toBe(
      r.cashExpected -
        sum(shifts, (s) => this.rawFigures(s.id).cashIn) +
        sum(shifts, (s) => this.rawFigures(s.id).cashOut),
    );
    // Against what the operations returned.
    const day = this.sales.filter((s) => s.businessDate === date);
    const tenders = day.flatMap((s) => s.tenders);
    expect(r.byTender).toEqual(
      (['cash', ...NON_CASH] as TenderMethod[]).map((method) => {
        const m = tenders.filter((x) => x.method === method);
        return {
          method,
          taken: sum(m, (x) => Math.max(x.amount, 0)),
          refunded: sum(m, (x) => Math.max(-x.amount, 0)),
          count: m.length,
        };
      }),
    );
    expect(r.byKind).toEqual(
      (['gas', 'fee', 'reversal', 'refund'] as const).map((kind) => {
        const k = day.filter((s) => s.kind === kind);
        return {
          kind,
          count: k.length,
          amount: sum(k, (s) => s.amountPaid),
          volume: sum(k, (s) => s.volume),
        };
      }),
    );
    const kindCount = (k: string) => day.filter((s) => s.kind === k).length;
    expect(r.counts).toMatchObject({
      sales: kindCount('gas') + kindCount('fee'),
      reversals: kindCount('reversal'),
      refunds: kindCount('refund'),
      reprints: 0,
    });
    const gas = day.filter((s) => s.kind === 'gas' && s.status !== 'card_write_failed');
    const rev = day.filter((s) => s.kind === 'reversal');
    expect(sum(r.byUserClass, (c) => c.volume)).toBe(sum(gas, (s) => s.volume) + sum(rev, (s) => s.volume));
    expect(sum(r.byUserClass, (c) => c.amount)).toBe(sum(gas, (s) => s.amount) + sum(rev, (s) => s.amount));
    expect(sum(r.byUserClass, (c) => c.count)).toBe(gas.length - rev.length);
    expect(sum(r.byTier, (x) => x.volume)).toBe(sum(r.byUserClass, (c) => c.volume));
    expect(sum(r.byTier, (x) => x.amount)).toBe(sum(r.byUserClass, (c) => c.amount));
    expect(sum(r.fees, (f) => f.amount)).toBe(
      sum(
        day.filter((s) => s.kind === 'fee'),
        (s) => s.amount,
      ),
    );
    expect(sum(r.byOperator, (o) => o.taken)).toBe(sum(r.byTender, (x) => x.taken));
    expect(sum(r.byOperator, (o) => o.refunded)).toBe(sum(r.byTender, (x) => x.refunded));
    expect(sum(r.byOperator, (o) => o.count)).toBe(day.length);
    const deposits = this.deposits.filter((d) => d.businessDate === date);
    expect(r.deposits.map((d) => d.amount)).toEqual(deposits.map((d) => d.amount));
    expect(r.deposited).toBe(sum(deposits, (d) => d.amount));
    // The day's cash lines: the floats stay in the drawers; 应缴 is what the drawers hold beyond them.
    const raw = (k: 'float' | 'cashTaken' | 'cashRefunded' | 'cashIn' | 'cashOut') =>
      sum(shifts, (s) => this.rawFigures(s.id)[k]);
    expect(r.cash).toEqual({
      floats: raw('float'),
      cashTaken: raw('cashTaken'),
      cashRefunded: raw('cashRefunded'),
      cashIn: raw('cashIn'),
      cashOut: raw('cashOut'),
      toDeposit: r.cashExpected - raw('float'),
      differences: sum(shifts, (s) => s.difference),
      undeposited: r.cashExpected - raw('float') - r.deposited,
    });
  }

  /**
   * A reversal or refund; the selling side may refuse one for its own reasons (the balance a by-money sale
   * added is already spent), and then nothing may have been written.
   */
  async correct(op: 'sales.reverse' | 'sales.refund', input: unknown, sid: string) {
    const before = this.snapshot();
    const r = await this.t.d.invoke(op, withRequestId(op, input), { sessionId: sid });
    if (r.ok) {
      this.sales.push(r.result as Sale);
      return;
    }
    expect(r.error.code).toBe('BALANCE_ALREADY_USED');
    expect(this.snapshot()).toEqual(before);
  }

  corrections(id: string) {
    return this.sales.filter((s) => s.correctsSaleId === id);
  }

  async step(c: Cmd) {
    const { t } = this;
    t.clock.advanceMinutes(2);
    const sid = 'who' in c ? this.sids[c.who]! : this.sids[0]!;
    if ('auto' in c && !this.open[c.who] && c.auto < 8)
      await this.step({ t: 'open', who: c.who, float: c.auto * 1_000 });
    const open = 'who' in c ? this.open[c.who] : null;
    switch (c.t) {
      case 'open': {
        if (open) return this.refused('shifts.open', { float: c.float }, sid, 'SHIFT_ALREADY_OPEN');
        const s = await t.ok('shifts.open', { float: c.float }, sid);
        this.open[c.who] = { id: s.id, float: s.float, businessDate: s.businessDate };
        this.hadShift[c.who] = true;
        this.floats.set(s.id, c.float);
        return;
      }
      case 'gas': {
        const purchase = {
          customerId: this.customers[c.cust % this.customers.length]!,
          by: c.by,
          ...(c.by === 'volume' ? { volume: c.qty } : { money: c.qty * 3 }),
        };
        const q = await t.ok('sales.quote', purchase, sid);
        const input = {
          purchase,
          expectedAmountDue: q.amountDue,
          tenders: tendersFor(q.amountDue, c.pay),
          approval: APPROVAL,
        };
        if (!open) return this.refused('sales.sellGas', input, sid, 'NO_OPEN_SHIFT');
        t.app.cardWriter =
          c.card === 'none'
            ? undefined
            : {
                writePurchase: async () =>
                  c.card === 'ok' ? { ok: true } : { ok: false, reason: '模拟写卡失败' },
              };
        this.sales.push(await t.ok('sales.sellGas', input, sid));
        return;
      }
      case 'fee': {
        const lines = c.items.map((l) => ({ feeItemId: this.fees[l.i % this.fees.length]!.id, qty: l.qty }));
        const due = sum(c.items, (l) => this.fees[l.i % this.fees.length]!.amountFen * l.qty);
        const input = { lines, expectedAmountDue: due, tenders: tendersFor(due, c.pay) };
        if (!open) return this.refused('sales.payFees', input, sid, 'NO_OPEN_SHIFT');
        this.sales.push(await t.ok('sales.payFees', input, sid));
        return;
      }
      case 'reverse': {
        const candidates = this.sales.filter(
          (s) => s.kind === 'gas' && s.status !== 'card_write_failed' && this.corrections(s.id).length === 0,
        );
        if (!open || candidates.length === 0) return;
        const o = candidates[c.pick % candidates.length]!;
        return this.correct(
          'sales.reverse',
          { saleId: o.id, reason: '客户要求冲正', approval: APPROVAL },
          sid,
        );
      }
      case 'refund': {
        const left = (s: Sale) => s.amountPaid + sum(this.corrections(s.id), (x) => x.amountPaid);
        const candidates = this.sales.filter(
          (s) =>
            left(s) > 0 &&
            (s.kind === 'fee' ||
              (s.kind === 'gas' && s.status === 'card_write_failed' && !this.corrections(s.id).length)),
        );
        if (!open || candidates.length === 0) return;
        const o = candidates[c.pick % candidates.length]!;
        const amount = o.kind === 'gas' ? left(o) : Math.max(1, Math.floor((left(o) * c.percent) / 100));
        const method = c.toCash ? 'cash' : (o.tenders[0]?.method ?? 'cash');
        const tenders = [{ method, amount, ...(method === 'cash' ? {} : { reference: 'BACK1' }) }];
        const input = { saleId: o.id, amount, tenders, reason: '客户要求退款', approval: APPROVAL };
        return this.correct('sales.refund', input, sid);
      }
      case 'move': {
        const input = { kind: c.kind, amount: c.amount, reason: c.kind === 'in' ? '补充零钱' : '大额上交' };
        if (!open) return this.refused('shifts.cashMovement', input, sid, 'NO_OPEN_SHIFT');
        if (c.kind === 'out' && c.amount > this.modelExpected(open.id))
          return this.refused('shifts.cashMovement', input, sid, 'CASH_OUT_EXCEEDS_DRAWER');
        const r = await t.ok('shifts.cashMovement', input, sid);
        this.movements.push({ shiftId: open.id, kind: c.kind, amount: c.amount });
        this.checkShift(r);
        return;
      }
      case 'close':
        return this.closeShift(c.who, c.diff, c.note, c.denoms);
      case 'deposit': {
        const d = await t.ok('deposits.record', { amount: c.amount, bank: '工商银行', reference: 'JK' }, sid);
        this.deposits.push({ businessDate: d.businessDate, amount: c.amount });
        return;
      }
      case 'dayClose':
        return this.closeDay(c.nextMorning);
    }
  }

  async closeShift(w: Who, diff: number, withNote: boolean, denoms: boolean) {
    const sid = this.sids[w]!;
    const open = this.open[w];
    if (!open) {
      const code = this.hadShift[w] ? 'SHIFT_ALREADY_CLOSED' : 'NO_OPEN_SHIFT';
      return this.refused('shifts.close', { counted: 0 }, sid, code);
    }
    const expected = this.modelExpected(open.id);
    const counted = Math.max(0, expected + diff);
    const difference = counted - expected;
    const denominations = denoms && counted % 10 === 0 ? countOut(counted) : undefined;
    if (difference !== 0 && !withNote)
      await this.refused('shifts.close', { counted, denominations }, sid, 'NOTE_REQUIRED');
    const note = difference !== 0 || withNote ? `差异说明 ${difference}` : undefined;
    // Above the tolerance (10 元 by default) a supervisor approves: another one than the closer.
    const needs = Math.abs(difference) > DEFAULT_SHIFT_TOLERANCE;
    if (needs)
      await this.refused('shifts.close', { counted, denominations, note }, sid, 'SHIFT_DIFFERENCE_APPROVAL');
    const approval = APPROVAL; // 刘强 (班长) approves both operators' differences
    const input = { counted, denominations, note, ...(needs ? { approval } : {}) };
    const r = await this.t.ok('shifts.close', input, sid);
    expect(r.shift).toMatchObject({ status: 'closed', counted, expected, difference });
    expect(r.shift.approvedBy?.displayName ?? null).toBe(needs ? '刘强' : null);
    this.checkShift(r);
    const [row] = this.sql<{ expected: number; counted: number; difference: number }>(
      'SELECT expected, counted, difference FROM shifts WHERE id = ?',
      open.id,
    );
    expect(row).toEqual({ expected, counted, difference });
    this.open[w] = null;
  }

  async closeDay(nextMorning: boolean) {
    const sup = this.sids[1]!;
    const { businessDate } = await this.t.ok('shifts.current', {}, sup);
    if (this.open.some((s) => s !== null))
      return this.refused('days.close', { businessDate }, sup, 'OPEN_SHIFTS');
    const r = await this.t.ok('days.close', { businessDate }, sup);
    this.checkDay(r);
    expect(await this.t.ok('days.report', { businessDate }, sup)).toEqual(r);
    expect((await this.t.ok('shifts.current', {}, sup)).businessDate > businessDate).toBe(true);
    if (nextMorning) this.t.clock.advanceMinutes(24 * 60);
  }
}

/** Hands over whatever a failed earlier run left open and closes its day, so each run starts a fresh day. */
async function settle(t: TestCounter, sids: string[]) {
  for (const sid of sids) {
    const { shift } = await t.ok('shifts.current', {}, sid);
    if (!shift) continue;
    const { cash } = await t.ok('shifts.report', {}, sid);
    await t.ok('shifts.close', { counted: Math.max(0, cash.expected), note: '上一轮遗留' }, sid);
  }
  const { businessDate } = await t.ok('shifts.current', {}, sids[1]!);
  await t.ok('days.close', { businessDate }, sids[1]!);
}

describe('expected cash (应有现金)', () => {
  it('equals the sum of the ledger to the fen in randomized days of sales, refunds, reversals and cash movements', async () => {
    // One counter for every run (setting one up costs several scrypt hashes); each run starts a fresh day.
    const t = await testCounter({ households: 4 });
    t.app.sessions.idleLockMinutes = 60 * 24 * 365 * 10;
    const sids = [await t.login(OPERATORS[0]), await t.login(OPERATORS[1])];
    const customers = (
      t.app.gdb.sqlite.prepare('SELECT id FROM customers ORDER BY seq').all() as { id: string }[]
    ).map((c) => c.id);
    const fees = (await t.ok('fees.list', {}, sids[0])).items;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(cmd, { minLength: 20, maxLength: 60 }), async (cmds) => {
        runs += 1;
        await settle(t, sids);
        const run = new Run(t, sids, customers, fees);
        for (const c of cmds) await run.step(c);
        // End of the run: everyone hands over, the day closes.
        for (const w of [0, 1] as const) if (run.open[w]) await run.closeShift(w, 0, false, true);
        await run.closeDay(true);
      }),
      { numRuns: RUNS },
    );
    expect(runs).toBeGreaterThanOrEqual(RUNS);
    const admin = await t.login('admin');
    expect(await t.ok('ledger.verify', {}, admin)).toMatchObject({ ok: true, firstBad: null });
    // ~0.6 s a run on a quiet machine; with both cores busy a run took up to 5 s (the default 60 s ran out).
  }, 300_000);
});
