/**
 * One request, one effect, for every writing operation of the counter that needs neither a card reader nor
 * head office (those are in idempotency-devices.test.ts): a repeat after the answer, three identical submits
 * at once, and a repeat after the counter died between the effect and its answer each leave exactly one
 * effect (tests/support/idempotency.ts).
 */
import { describe, it } from 'vitest';
import { DEMO_PASSWORD } from '../../services/setup/demo';
import { fullOpening, validResidentId } from '../fixtures/households';
import { cash, M3, SUPERVISOR } from '../fixtures/sales';
import { type TestCounter, testCounter } from '../support/app';
import { afterCrash, concurrent, type Effectful, replayedInOrder } from '../support/idempotency';

let n = 0;
const next = () => ++n;

async function admin(t: TestCounter) {
  return t.login('admin');
}

/** A new cashier of this counter, logged in (each shift case needs one without a shift). */
async function newCashier(t: TestCounter): Promise<{ sid: string; username: string }> {
  const username = `cashier${next()}`;
  await t.ok(
    'staff.create',
    { username, displayName: `收费员${n}`, roles: ['cashier'], password: DEMO_PASSWORD },
    await admin(t),
  );
  return { sid: await t.login(username), username };
}

async function cashierOnShift(t: TestCounter): Promise<string> {
  const { sid } = await newCashier(t);
  await t.ok('shifts.open', { float: 200_00 }, sid);
  return sid;
}

/** A household without meters (any number can be opened), as a clerk opens it. */
async function household(t: TestCounter) {
  const i = next();
  return t.ok(
    'customers.open',
    fullOpening({ meters: [], contract: { no: `HT-I${i}`, signedOn: '2026-01-05' } }),
    await t.login('zhangli'),
  );
}

async function gasSale(t: TestCounter, sid: string) {
  const c = await household(t);
  const purchase = { customerId: c.id, by: 'volume' as const, volume: 10 * M3 };
  const q = await t.ok('sales.quote', purchase, sid);
  return t.ok(
    'sales.sellGas',
    { purchase, expectedAmountDue: q.amountDue, tenders: [cash(q.amountDue)] },
    sid,
  );
}

async function feeSale(t: TestCounter, sid: string) {
  const fee = (await t.ok('fees.list', {}, sid)).items[0]!;
  return t.ok(
    'sales.payFees',
    {
      lines: [{ feeItemId: fee.id, qty: 1 }],
      expectedAmountDue: fee.amountFen,
      tenders: [cash(fee.amountFen)],
    },
    sid,
  );
}

async function withPrinter(t: TestCounter) {
  await t.ok(
    'printers.configure',
    { spec: 'file:receipts.prn', width: 80, company: '东海燃气' },
    await admin(t),
  );
}

const caller = { name: '周建国', phone: '13951230009', channel: 'phone' as const };

/** A complaint taken through the given steps by the clerk. */
async function complaintAfter(t: TestCounter, steps: ('judge' | 'handOver' | 'resolve' | 'close')[]) {
  const sid = await t.login('zhangli');
  const c = await t.ok('complaints.record', { ...caller, category: 'repair', details: '维修后仍漏气' }, sid);
  for (const s of steps) {
    if (s === 'judge') await t.ok('complaints.judge', { id: c.id, justified: true, reason: '属实' }, sid);
    if (s === 'handOver') await t.ok('complaints.handOver', { id: c.id, team: 'repair' }, sid);
    if (s === 'resolve') await t.ok('complaints.resolve', { id: c.id, result: '已更换阀门' }, sid);
    if (s === 'close') await t.ok('complaints.close', { id: c.id, told: '电话告知' }, sid);
  }
  return { id: c.id, sid };
}

const SERVICE_DESK_CASES: Effectful[] = [
  {
    op: 'serviceTypes.save',
    prepare: async (t) => ({
      input: { code: `Z${String.fromCharCode(65 + (next() % 26))}`, name: '置换通气' },
      sid: await t.login('liuqiang'),
    }),
  },
  {
    op: 'acceptances.create',
    prepare: async (t) => ({
      input: { ...caller, typeCode: 'ZX', asked: '咨询阶梯气价' },
      sid: await t.login('zhangli'),
    }),
  },
  {
    op: 'acceptances.print',
    prepare: async (t) => {
      await withPrinter(t);
      const sid = await t.login('zhangli');
      const a = await t.ok('acceptances.create', { ...caller, typeCode: 'BX', asked: '报修' }, sid);
      return { input: { id: a.id }, sid };
    },
  },
  {
    op: 'complaints.record',
    prepare: async (t) => ({
      input: { ...caller, category: 'service', details: '窗口等候太久' },
      sid: await t.login('zhangli'),
    }),
  },
  {
    op: 'complaints.judge',
    prepare: async (t) => {
      const { id, sid } = await complaintAfter(t, []);
      return { input: { id, justified: false, reason: '按规定办理' }, sid };
    },
  },
  {
    op: 'complaints.handOver',
    prepare: async (t) => {
      const { id, sid } = await complaintAfter(t, ['judge']);
      return { input: { id, team: 'patrol', note: '请巡线班查看' }, sid };
    },
  },
  {
    op: 'complaints.note',
    prepare: async (t) => {
      const { id, sid } = await complaintAfter(t, ['judge', 'handOver']);
      return { input: { id, note: '维修班已出发' }, sid };
    },
  },
  {
    op: 'complaints.resolve',
    prepare: async (t) => {
      const { id, sid } = await complaintAfter(t, ['judge', 'handOver']);
      return { input: { id, result: '已修复' }, sid };
    },
  },
  {
    op: 'complaints.close',
    prepare: async (t) => {
      const { id, sid } = await complaintAfter(t, ['judge', 'handOver', 'resolve']);
      return { input: { id, told: '已电话告知客户' }, sid };
    },
  },
  {
    op: 'followups.record',
    prepare: async (t) => {
      const { id, sid } = await complaintAfter(t, ['judge', 'handOver', 'resolve', 'close']);
      return { input: { complaintId: id, outcome: 'reached', satisfaction: 'satisfied' }, sid };
    },
  },
  {
    op: 'appointments.book',
    prepare: async (t) => ({ input: visitOn(), sid: await t.login('zhangli') }),
  },
  {
    op: 'appointments.reschedule',
    prepare: async (t) => {
      const sid = await t.login('zhangli');
      const a = await t.ok('appointments.book', visitOn(), sid);
      return { input: { ...visitOn(), id: a.id, reason: '客户改时间' }, sid };
    },
  },
  {
    op: 'appointments.cancel',
    prepare: async (t) => {
      const sid = await t.login('zhangli');
      const a = await t.ok('appointments.book', visitOn(), sid);
      return { input: { id: a.id, reason: '客户取消' }, sid };
    },
  },
  {
    op: 'appointments.print',
    prepare: async (t) => {
      await withPrinter(t);
      const sid = await t.login('zhangli');
      const a = await t.ok('appointments.book', visitOn(), sid);
      return { input: { id: a.id }, sid };
    },
  },
  {
    op: 'appointments.printDay',
    prepare: async (t) => {
      await withPrinter(t);
      const sid = await t.login('zhangli');
      const a = await t.ok('appointments.book', visitOn(), sid);
      return { input: { date: a.date, team: a.team }, sid };
    },
  },
];

/** An appointment on its own day (a slot never full whichever cases share a counter). */
function visitOn() {
  const day = 1 + (next() % 28);
  return {
    ...caller,
    kind: 'repair' as const,
    team: 'repair' as const,
    date: `2027-02-${String(day).padStart(2, '0')}`,
    slot: 'pm' as const,
  };
}

const CASES: Effectful[] = [
  ...SERVICE_DESK_CASES,
  {
    op: 'settings.update',
    prepare: async (t) => ({ input: { idleLockMinutes: 5 + next() }, sid: await admin(t) }),
  },
  { op: 'backups.run', prepare: async (t) => ({ input: {}, sid: await admin(t) }) },
  {
    op: 'staff.create',
    prepare: async (t) => ({
      input: { username: `clerk${next()}`, displayName: '新员工', roles: ['clerk'], password: DEMO_PASSWORD },
      sid: await admin(t),
    }),
  },
  {
    op: 'staff.resetPassword',
    prepare: async (t) => {
      const { username } = await newCashier(t);
      const id = t.app.gdb.sqlite.prepare('SELECT id FROM staff WHERE username = ?').pluck().get(username);
      return { input: { staffId: id, newPassword: 'reset-pass-1' }, sid: await admin(t) };
    },
  },
  {
    op: 'staff.setActive',
    prepare: async (t) => {
      const { username } = await newCashier(t);
      const id = t.app.gdb.sqlite.prepare('SELECT id FROM staff WHERE username = ?').pluck().get(username);
      return { input: { staffId: id, active: false }, sid: await admin(t) };
    },
  },
  {
    op: 'staff.setRoles',
    prepare: async (t) => {
      const { username } = await newCashier(t);
      const id = t.app.gdb.sqlite.prepare('SELECT id FROM staff WHERE username = ?').pluck().get(username);
      return { input: { staffId: id, roles: ['cashier', 'clerk'] }, sid: await admin(t) };
    },
  },
  {
    op: 'auth.changePassword',
    prepare: async (t) => {
      const { sid, username } = await newCashier(t);
      return {
        input: { oldPassword: DEMO_PASSWORD, newPassword: 'changed-pass-1' },
        sid,
        relogin: () => t.login(username, 'changed-pass-1'),
      };
    },
  },
  {
    op: 'customers.open',
    prepare: async (t) => ({
      input: fullOpening({ meters: [], contract: { no: `HT-O${next()}`, signedOn: '2026-01-05' } }),
      sid: await t.login('zhangli'),
    }),
  },
  {
    op: 'customers.update',
    prepare: async (t) => {
      const c = await household(t);
      return {
        input: {
          id: c.id,
          expectedVersion: c.version,
          changes: { phone: '13900002222' },
          reason: '用户换号',
        },
        sid: await t.login('zhangli'),
      };
    },
  },
  {
    op: 'customers.changeStatus',
    prepare: async (t) => {
      const c = await household(t);
      return {
        input: { id: c.id, expectedVersion: c.version, action: 'suspend', reason: '长期外出' },
        sid: await t.login('zhangli'),
      };
    },
  },
  {
    op: 'customers.transfer',
    prepare: async (t) => {
      const c = await household(t);
      return {
        input: {
          id: c.id,
          expectedVersion: c.version,
          newOwner: { name: '李四', idNumber: validResidentId('11010519491231002'), phone: '13900001111' },
          contract: { no: `HT-T${next()}`, signedOn: '2026-11-26' },
          reason: '房屋出售',
        },
        sid: await t.login('zhangli'),
      };
    },
  },
  {
    op: 'customers.addMeter',
    prepare: async (t) => {
      const c = await household(t);
      return {
        input: {
          id: c.id,
          expectedVersion: c.version,
          meter: { meterNo: `XF-${next()}`, maker: '先锋', model: 'XF-G4', cardType: 'SLE4442' },
          reason: '增加壁挂炉表',
        },
        sid: await t.login('zhangli'),
      };
    },
  },
  {
    op: 'prices.create',
    prepare: async (t) => ({
      input: {
        version: {
          userClass: 'commercial',
          effectiveFrom: `2027-0${(next() % 9) + 1}-01`,
          baseHouseholdSize: 4,
          periodStart: '01-01',
          tiers: [{ width: null, priceLi: 3900 + n }],
          note: '商业用气调价',
        },
        approval: SUPERVISOR,
      },
      sid: await admin(t),
    }),
  },
  {
    op: 'limits.save',
    prepare: async (t) => ({
      input: { userClass: 'commercial', perPurchase: next() * M3, perMonth: null, perYear: null },
      sid: await admin(t),
    }),
  },
  {
    op: 'fees.save',
    prepare: async (t) => ({
      input: { code: `ITEM${next()}`, name: '安装报警器', amountFen: 35_000 },
      sid: await admin(t),
    }),
  },
  {
    op: 'cards.addStock',
    prepare: async (t) => ({
      input: { label: `批次${next()}`, transportPsc: 'FFFFFF' },
      sid: await admin(t),
    }),
  },
  {
    op: 'invoices.addRange',
    prepare: async (t) => ({ input: { prefix: `FP${next()}`, first: 1, last: 100 }, sid: await admin(t) }),
  },
  {
    op: 'sales.sellGas',
    prepare: async (t) => {
      const sid = await cashierOnShift(t);
      const c = await household(t);
      const purchase = { customerId: c.id, by: 'volume' as const, volume: 10 * M3 };
      const q = await t.ok('sales.quote', purchase, sid);
      return {
        input: { purchase, expectedAmountDue: q.amountDue, tenders: [cash(q.amountDue, 100_000)] },
        sid,
      };
    },
  },
  {
    op: 'sales.payFees',
    prepare: async (t) => {
      const sid = await cashierOnShift(t);
      const fee = (await t.ok('fees.list', {}, sid)).items[0]!;
      const due = fee.amountFen;
      return {
        input: { lines: [{ feeItemId: fee.id, qty: 1 }], expectedAmountDue: due, tenders: [cash(due)] },
        sid,
      };
    },
  },
  {
    op: 'sales.reverse',
    prepare: async (t) => {
      const sid = await cashierOnShift(t);
      const sale = await gasSale(t, sid);
      return { input: { saleId: sale.id, reason: '客户要求冲正', approval: SUPERVISOR }, sid };
    },
  },
  {
    op: 'sales.refund',
    prepare: async (t) => {
      const sid = await cashierOnShift(t);
      const sale = await feeSale(t, sid);
      return {
        input: {
          saleId: sale.id,
          amount: sale.amountPaid,
          tenders: [cash(sale.amountPaid)],
          reason: '多收',
          approval: SUPERVISOR,
        },
        sid,
      };
    },
  },
  {
    op: 'shifts.open',
    prepare: async (t) => ({ input: { float: 300_00 }, sid: (await newCashier(t)).sid }),
  },
  {
    op: 'shifts.cashMovement',
    prepare: async (t) => ({
      input: { kind: 'out', amount: 50_00, reason: '备用金调出' },
      sid: await cashierOnShift(t),
    }),
  },
  {
    op: 'shifts.close',
    prepare: async (t) => ({ input: { counted: 200_00 }, sid: await cashierOnShift(t) }),
  },
  {
    op: 'deposits.record',
    prepare: async (t) => ({
      input: { amount: 100_00, bank: '工商银行', reference: `JK${next()}` },
      sid: await cashierOnShift(t),
    }),
  },
  {
    op: 'days.close',
    prepare: async (t) => ({
      input: { businessDate: `2026-10-${String((next() % 28) + 1).padStart(2, '0')}` },
      sid: await t.login('liuqiang'),
    }),
  },
  {
    op: 'printers.configure',
    prepare: async (t) => ({
      input: { spec: `file:receipts-${next()}.prn`, width: 80, company: '东海燃气' },
      sid: await admin(t),
    }),
  },
  {
    op: 'idcard.configure',
    prepare: async (t) => ({
      input: { spec: `idcard:/opt/gasdesk/sdk/idcard/libtermb-${next()}.so`, storePhoto: next() % 2 === 0 },
      sid: await admin(t),
    }),
  },
  {
    op: 'receipts.print',
    prepare: async (t) => {
      await withPrinter(t);
      const sid = await cashierOnShift(t);
      return { input: { saleId: (await feeSale(t, sid)).id }, sid };
    },
  },
  {
    op: 'receipts.printShift',
    prepare: async (t) => {
      await withPrinter(t);
      const sid = await cashierOnShift(t);
      const shift = await t.ok('shifts.current', {}, sid);
      return { input: { shiftId: shift.shift!.id }, sid };
    },
  },
  {
    op: 'receipts.printDay',
    prepare: async (t) => {
      await withPrinter(t);
      return { input: { businessDate: '2026-11-26' }, sid: await cashierOnShift(t) };
    },
  },
];

describe('one request, one effect: every writing operation at the counter', () => {
  for (const c of CASES) {
    it(`${c.op}: a repeat, three at once, and a repeat after a crash each have one effect`, async () => {
      const t = await testCounter({ households: 1 });
      const one = await replayedInOrder(t, c);
      await concurrent(t, c, one);
      await afterCrash(t, c, one);
    });
  }
});
