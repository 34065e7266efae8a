/**
 * Helpers of the cash-desk tests: selling through the real operations (sales.quote → sales.sellGas,
 * sales.payFees, sales.reverse, sales.refund) with the demo price catalogue, and table snapshots.
 */
import type { OpInput, OpOutput, TenderInput } from '../../core/contract';
import { DEMO_PASSWORD } from '../../services/setup/demo';
import type { TestCounter } from '../support/app';

export type Sale = OpOutput<'sales.sellGas'>;
export const APPROVAL = { username: 'liuqiang', password: DEMO_PASSWORD };

/** A second 班长 (陈静), to approve what 刘强 does himself: nobody approves their own operation. */
export async function secondSupervisor(t: TestCounter): Promise<typeof APPROVAL> {
  const admin = await t.login('admin');
  const input = { username: 'chenjing', displayName: '陈静', roles: ['supervisor' as const] };
  await t.ok('staff.create', { ...input, password: DEMO_PASSWORD }, admin);
  return { username: input.username, password: DEMO_PASSWORD };
}

/** Every table a cash-desk operation may write; a refused call must leave all of them as they were. */
export function writes(t: TestCounter): number[] {
  return [
    'outbox',
    'audit',
    'shifts',
    'cash_movements',
    'bank_deposits',
    'day_closes',
    'sales',
    'tenders',
  ].map((x) => t.count(x));
}

export function customerIds(t: TestCounter): { id: string; userClass: string }[] {
  return t.app.gdb.sqlite.prepare('SELECT id, user_class AS userClass FROM customers ORDER BY seq').all() as {
    id: string;
    userClass: string;
  }[];
}

export function staffIdOf(t: TestCounter, username: string): string {
  return (t.app.gdb.sqlite.prepare('SELECT id FROM staff WHERE username = ?').get(username) as { id: string })
    .id;
}

/** Buys `volume` units for a customer; `pay` turns the amount due into tenders (default: exact cash). */
export async function sellGas(
  t: TestCounter,
  sid: string,
  customerId: string,
  volume: number,
  pay: (due: number) => TenderInput[] = (due) => [{ method: 'cash', amount: due }],
  card: 'none' | 'ok' | 'fail' = 'none',
): Promise<Sale> {
  const purchase = { customerId, by: 'volume' as const, volume };
  const q = await t.ok('sales.quote', purchase, sid);
  t.app.cardWriter =
    card === 'none'
      ? undefined
      : { writePurchase: async () => (card === 'ok' ? { ok: true } : { ok: false, reason: '模拟写卡失败' }) };
  try {
    return await t.ok(
      'sales.sellGas',
      { purchase, expectedAmountDue: q.amountDue, tenders: pay(q.amountDue), approval: APPROVAL },
      sid,
    );
  } finally {
    t.app.cardWriter = undefined;
  }
}

/** Pays fee items from the demo catalogue by name (换表 150.00, 补卡 20.00 …). */
export async function payFees(
  t: TestCounter,
  sid: string,
  items: { name: string; qty: number }[],
  pay: (due: number) => TenderInput[],
): Promise<Sale> {
  const catalogue = (await t.ok('fees.list', {}, sid)).items;
  const lines = items.map((i) => {
    const item = catalogue.find((f) => f.name === i.name);
    if (!item) throw new Error(`no fee item ${i.name}`);
    return { feeItemId: item.id, qty: i.qty, amount: item.amountFen * i.qty };
  });
  const due = lines.reduce((s, l) => s + l.amount, 0);
  const input: OpInput<'sales.payFees'> = {
    lines: lines.map(({ feeItemId, qty }) => ({ feeItemId, qty })),
    expectedAmountDue: due,
    tenders: pay(due),
  };
  return t.ok('sales.payFees', input, sid);
}

export function reverse(t: TestCounter, sid: string, saleId: string, approval = APPROVAL): Promise<Sale> {
  return t.ok('sales.reverse', { saleId, reason: '客户要求冲正', approval }, sid);
}

export function refund(t: TestCounter, sid: string, saleId: string, amount: number, tender: TenderInput) {
  return t.ok(
    'sales.refund',
    { saleId, amount, tenders: [tender], reason: '客户要求退款', approval: APPROVAL },
    sid,
  );
}

export function cashTotal(s: Sale): number {
  return s.tenders.filter((x) => x.method === 'cash').reduce((a, x) => a + x.amount, 0);
}
