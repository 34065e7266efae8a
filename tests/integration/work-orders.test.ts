/**
 * 工单 through the dispatcher on a real SQLite file: opened from a complaint, an acceptance or an appointment
 * with its readable number, ledger operation and audit entry; 派单, 完成 and 撤销 as new steps (every status by
 * every action, allowed and forbidden); a meter that is not the customer's refused; the result with its
 * materials, fee payment and faulty-meter register entry; bad input refused in Chinese with nothing written.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  WORK_ORDER_ACTIONS,
  WORK_ORDER_STATUSES,
  type WorkOrderAction,
  type WorkOrderStatus,
  nextWorkOrderStatus,
} from '../../core/domain/work-orders';
import { cashierWithShift, household } from '../fixtures/sales';
import { type TestCounter, testCounter } from '../support/app';
import { payFees } from './cash-helpers';

const writes = (t: TestCounter) => [
  t.count('work_orders'),
  t.count('work_order_steps'),
  t.count('meter_faults'),
  t.count('outbox'),
  t.count('audit'),
];

const meter = (meterNo: string) => ({ meterNo, maker: '金卡', model: 'G2.5', cardType: 'SLE4442' });

async function setUp() {
  const t = await testCounter();
  t.app.sessions.idleLockMinutes = 60 * 24;
  const clerk = await t.login('zhangli');
  const c = await household(t, { meters: [meter('WO-A1')] });
  const other = await household(t, { meters: [meter('WO-B1')], phone: '13951230099' });
  const complaint = await t.ok(
    'complaints.record',
    { customerId: c.id, channel: 'phone', category: 'safety', details: '厨房有燃气味' },
    clerk,
  );
  return { t, clerk, c, other, complaint };
}

const open = (sourceId: string, extra: object = {}) => ({
  sourceType: 'complaint' as const,
  sourceId,
  kind: 'repair' as const,
  description: '上门检查漏气',
  ...extra,
});
const assign = { team: 'repair' as const, assignee: '李师傅', note: '今天下午去' };

/** The input of each action (a completion with nothing more than its result). */
const ACTION_INPUT: Record<WorkOrderAction, (id: string) => [string, object]> = {
  assign: (id) => ['workOrders.assign', { id, ...assign }],
  complete: (id) => ['workOrders.complete', { id, result: '更换胶管，试压无泄漏' }],
  cancel: (id) => ['workOrders.cancel', { id, reason: '客户已自行处理' }],
};
const PATH: Record<WorkOrderStatus, WorkOrderAction[]> = {
  pending: [],
  assigned: ['assign'],
  completed: ['assign', 'complete'],
  cancelled: ['cancel'],
};

describe('work orders (工单)', () => {
  it('opens from a complaint, an acceptance and an appointment, numbered per counter, with ledger and audit', async () => {
    const { t, clerk, c, complaint } = await setUp();
    const before = writes(t);
    const w = await t.ok('workOrders.open', open(complaint.id, { meterNo: 'WO-A1' }), clerk);
    expect(w).toMatchObject({
      no: '0101-01-GD-000001',
      kind: 'repair',
      source: { type: 'complaint', id: complaint.id, no: complaint.no },
      party: { customerId: c.id, accountNo: c.accountNo, name: c.name },
      meterNo: 'WO-A1',
      status: 'pending',
      team: null,
      allowed: ['assign', 'cancel'],
      steps: [],
      faults: [],
    });
    const acc = await t.ok(
      'acceptances.create',
      { customerId: c.id, typeCode: 'BX', channel: 'window', asked: '灶具打不着火' },
      clerk,
    );
    const appt = await t.ok(
      'appointments.book',
      { customerId: c.id, kind: 'repair', team: 'repair', date: '2026-11-27', slot: 'am' },
      clerk,
    );
    const w2 = await t.ok('workOrders.open', { ...open(acc.id), sourceType: 'acceptance' }, clerk);
    const w3 = await t.ok(
      'workOrders.open',
      { ...open(appt.id), sourceType: 'appointment', kind: 'gas_on' },
      clerk,
    );
    expect([w2.no, w2.source.no, w3.no, w3.source.type]).toEqual([
      '0101-01-GD-000002',
      acc.no,
      '0101-01-GD-000003',
      'appointment',
    ]);
    // 3 work orders, 3 ops + audits for them, plus the acceptance's and the appointment's.
    expect(writes(t)).toEqual([before[0]! + 3, 0, 0, before[3]! + 5, before[4]! + 5]);
    const op = t.app.gdb.sqlite
      .prepare(
        "SELECT entity_type AS e, entity_id AS id, payload FROM outbox WHERE type = 'workOrder.opened' ORDER BY seq",
      )
      .get() as { e: string; id: string; payload: string };
    expect([op.e, op.id]).toEqual(['workOrder', w.id]);
    expect(JSON.parse(op.payload)).toMatchObject({
      v: 2,
      no: w.no,
      sourceType: 'complaint',
      meterNo: 'WO-A1',
    });
    const audit = t.app.gdb.sqlite
      .prepare("SELECT summary FROM audit WHERE action = 'workOrder.opened' ORDER BY rowid LIMIT 1")
      .get() as { summary: string };
    expect(audit.summary).toBe(`开工单 ${w.no}：维修，来自投诉 ${complaint.no}，${c.name}，表 WO-A1`);
    expect((await t.ok('workOrders.list', { sourceId: complaint.id }, clerk)).items.map((x) => x.id)).toEqual(
      [w.id],
    );
    expect((await t.ok('workOrders.list', { customerId: c.id, open: true }, clerk)).items).toHaveLength(3);
    t.restart();
    const sid = await t.login('zhangli');
    expect(await t.ok('workOrders.get', { id: w.id }, sid)).toEqual(w);
  });

  it('refuses a meter that is not the customer’s, or a meter without a customer, writing nothing', async () => {
    const { t, clerk, complaint } = await setUp();
    const walkIn = await t.ok(
      'complaints.record',
      { name: '路人', phone: '13900001111', channel: 'phone', category: 'supply', details: '停气' },
      clerk,
    );
    const before = writes(t);
    const e = await t.fails('workOrders.open', open(complaint.id, { meterNo: 'WO-B1' }), clerk);
    expect(e).toMatchObject({
      code: 'METER_NOT_CUSTOMERS',
      message: '这块表不是该用户的表（或已拆除），不能为它开工单或登记故障；请核对表号。',
    });
    expect((await t.fails('workOrders.open', open(complaint.id, { meterNo: 'NO-SUCH' }), clerk)).code).toBe(
      'METER_NOT_CUSTOMERS',
    );
    expect((await t.fails('workOrders.open', open(walkIn.id, { meterNo: 'WO-A1' }), clerk)).issues).toEqual([
      { path: ['meterNo'], code: 'NO_CUSTOMER', message: '工单没有关联已开户的用户，不能指定表号' },
    ]);
    expect(writes(t)).toEqual(before);
    // Without a meter, a prospective customer's work order is fine.
    expect((await t.ok('workOrders.open', open(walkIn.id), clerk)).party.customerId).toBeNull();
  });

  for (const status of WORK_ORDER_STATUSES)
    it(`from 「${status}」 takes exactly the actions its state machine allows`, async () => {
      const { t, clerk, complaint } = await setUp();
      for (const action of WORK_ORDER_ACTIONS) {
        const w = await t.ok('workOrders.open', open(complaint.id), clerk);
        for (const a of PATH[status]) {
          const [op, input] = ACTION_INPUT[a](w.id);
          await t.ok(op as 'workOrders.assign', input as never, clerk);
        }
        const at = await t.ok('workOrders.get', { id: w.id }, clerk);
        expect(at.status).toBe(status);
        const [op, input] = ACTION_INPUT[action](w.id);
        const to = nextWorkOrderStatus(status, action);
        const before = writes(t);
        if (to === null) {
          const e = await t.fails(op as 'workOrders.assign', input as never, clerk);
          expect(e.status).toBe(409);
          const final = status === 'completed' || status === 'cancelled';
          expect(e.code).toBe(final ? 'WORK_ORDER_CLOSED' : 'WORK_ORDER_STEP_NOT_ALLOWED');
          expect(e.message).toMatch(final ? /^该工单已完成或已撤销/ : /^工单当前的状态不能办理这一步/);
          expect(writes(t)).toEqual(before);
          expect(await t.ok('workOrders.get', { id: w.id }, clerk)).toEqual(at);
        } else {
          const after = await t.ok(op as 'workOrders.assign', input as never, clerk);
          expect(after.status).toBe(to);
          expect(after.steps.at(-1)).toMatchObject({ action, statusAfter: to });
          expect(writes(t)).toEqual([before[0], before[1]! + 1, before[2], before[3]! + 1, before[4]! + 1]);
        }
      }
    });

  it('enters the team’s result: materials, the fee payment and the faulty-meter register', async () => {
    const { t, clerk, c, complaint } = await setUp();
    const cashier = await cashierWithShift(t);
    const fee = await payFees(t, cashier, [{ name: '换表', qty: 1 }], (due) => [
      { method: 'cash', amount: due },
    ]);
    const w = await t.ok('workOrders.open', open(complaint.id, { meterNo: 'WO-A1' }), clerk);
    await t.ok('workOrders.assign', { id: w.id, ...assign }, clerk);
    const moved = await t.ok('workOrders.assign', { id: w.id, team: 'patrol', assignee: '赵师傅' }, clerk);
    expect([moved.team, moved.assignee, moved.steps.length]).toEqual(['patrol', '赵师傅', 2]);
    // The clerk's to-do board: awaiting the team's result.
    const board = await t.ok('fieldWork.todo', {}, clerk);
    expect([board.workOrdersWaiting.map((x) => x.id), board.workOrdersPending]).toEqual([[w.id], 0]);
    const done = await t.ok(
      'workOrders.complete',
      {
        id: w.id,
        result: '表具阀门卡滞，已修复',
        materials: [{ name: '胶管', qty: 2 }],
        saleId: fee.id,
        fault: { fault: 'valve', action: 'repaired', note: '阀门卡滞' },
      },
      clerk,
    );
    expect(done).toMatchObject({
      status: 'completed',
      team: 'patrol',
      assignee: '赵师傅',
      result: '表具阀门卡滞，已修复',
      allowed: [],
      faults: [{ meterNo: 'WO-A1', customerId: c.id, workOrderNo: w.no, fault: 'valve', action: 'repaired' }],
    });
    expect(done.steps.at(-1)).toMatchObject({
      action: 'complete',
      team: 'patrol',
      materials: [{ name: '胶管', qty: 2 }],
      sale: { id: fee.id, receiptNo: fee.receiptNo, amount: fee.amount },
    });
    expect((await t.ok('fieldWork.todo', {}, clerk)).workOrdersWaiting).toEqual([]);
    const register = await t.ok('meterFaults.list', { meterNo: 'WO-A1' }, clerk);
    expect(register.items.map((f) => [f.fault, f.action, f.date, f.workOrderNo])).toEqual([
      ['valve', 'repaired', '2026-11-26', w.no],
    ]);
    expect((await t.ok('meterFaults.list', { customerId: c.id }, clerk)).items).toHaveLength(1);
    const payload = JSON.parse(
      (
        t.app.gdb.sqlite.prepare("SELECT payload FROM outbox WHERE type = 'workOrder.completed'").get() as {
          payload: string;
        }
      ).payload,
    );
    expect(payload).toMatchObject({
      stepNo: 3,
      saleId: fee.id,
      fault: { meterNo: 'WO-A1', fault: 'valve', action: 'repaired', date: '2026-11-26' },
    });
    // Nothing is edited in place.
    expect(() => t.app.gdb.sqlite.prepare("UPDATE work_orders SET description = 'x'").run()).toThrow(
      /append-only/,
    );
    expect(() => t.app.gdb.sqlite.prepare('DELETE FROM meter_faults').run()).toThrow(/append-only/);
    expect(() => t.app.gdb.sqlite.prepare('DELETE FROM work_order_steps').run()).toThrow(/append-only/);
  });

  it('refuses a bad result or bad input in Chinese, naming the field, and writes nothing', async () => {
    const { t, clerk, complaint } = await setUp();
    const cashier = await cashierWithShift(t);
    const bare = await t.ok('workOrders.open', open(complaint.id), clerk);
    await t.ok('workOrders.assign', { id: bare.id, ...assign }, clerk);
    const before = writes(t);
    const issues = async (
      op: 'workOrders.open' | 'workOrders.complete' | 'workOrders.assign',
      input: unknown,
    ) => (await t.fails(op, input as never, clerk)).issues?.map((i) => [i.path.join('.'), i.message]);
    expect(await issues('workOrders.open', { ...open(complaint.id), kind: 'paint' })).toEqual([
      ['kind', '请选择工单类型（维修、通气、安检、换表、巡线）'],
    ]);
    expect(await issues('workOrders.open', { ...open(complaint.id), sourceType: 'rumour' })).toEqual([
      ['sourceType', '请选择工单来源（业务受理、预约上门、投诉、表具报警、总部核表请求）'],
    ]);
    expect(await issues('workOrders.open', { ...open(randomUUID()) })).toEqual([
      ['sourceId', '没有这条投诉记录'],
    ]);
    expect(await issues('workOrders.open', { ...open(complaint.id), description: ' ' })).toEqual([
      ['description', '请填写工单内容'],
    ]);
    expect(await issues('workOrders.assign', { id: bare.id, team: 'billing', assignee: '李' })).toEqual([
      ['team', '没有这个上门班组（巡线班、通气维修班、安装队）'],
    ]);
    expect(
      await issues('workOrders.complete', {
        id: bare.id,
        result: '好了',
        materials: [{ name: '胶管', qty: 0 }],
      }),
    ).toEqual([['materials.0.qty', '材料数量至少为 1']]);
    expect(
      await issues('workOrders.complete', {
        id: bare.id,
        result: '好了',
        fault: { fault: 'valve', action: 'repaired' },
      }),
    ).toEqual([['fault', '工单没有表号，不能登记表具故障']]);
    expect(await issues('workOrders.complete', { id: bare.id, result: '好了', newMeterNo: 'WO-A1' })).toEqual(
      [['newMeterNo', '工单没有表号，不能登记换表']],
    );
    expect(
      await issues('workOrders.complete', { id: bare.id, result: '好了', saleId: randomUUID() }),
    ).toEqual([['saleId', '没有这笔收费记录']]);
    expect((await t.fails('workOrders.assign', { id: randomUUID(), ...assign }, clerk)).code).toBe(
      'NOT_FOUND',
    );
    expect((await t.fails('workOrders.open', open(complaint.id), cashier)).code).toBe('PERMISSION_DENIED');
    expect(writes(t)).toEqual(before);
  });
});
