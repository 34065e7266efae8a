/**
 * One request, one effect, for the field work's writing operations (工单, 安检, 零散报装, 服务时限, 安全宣传): a repeat after the answer,
 * three identical submits at once, and a repeat after the counter died between the effect and its answer
 * each leave exactly one effect (tests/support/idempotency.ts). idempotency-devices.test.ts checks every
 * writing operation has its case here or in the other two files.
 */
import { describe, it } from 'vitest';
import { fullOpening } from '../fixtures/households';
import { type TestCounter, testCounter } from '../support/app';
import { PNG_1PX } from '../support/attachments';
import { afterCrash, concurrent, type Effectful, replayedInOrder } from '../support/idempotency';

let n = 0;
const next = () => ++n;

/** A complaint by phone and the work order opened from it, as the clerk does. */
async function workOrder(t: TestCounter, assigned = false) {
  const sid = await t.login('zhangli');
  const c = await t.ok(
    'complaints.record',
    { name: '周建国', phone: '13951230009', channel: 'phone', category: 'repair', details: '灶具漏气' },
    sid,
  );
  const w = await t.ok(
    'workOrders.open',
    { sourceType: 'complaint', sourceId: c.id, kind: 'repair', description: '上门查漏' },
    sid,
  );
  if (assigned) await t.ok('workOrders.assign', { id: w.id, team: 'repair', assignee: '李师傅' }, sid);
  return { id: w.id, sid, complaintId: c.id };
}

async function hazardFound(t: TestCounter) {
  const sid = await t.login('zhangli');
  const c = await t.ok(
    'customers.open',
    fullOpening({ meters: [], contract: { no: `HT-F${next()}`, signedOn: '2026-01-05' } }),
    sid,
  );
  const i = await t.ok(
    'inspections.record',
    {
      customerId: c.id,
      date: '2026-11-26',
      inspector: '周安检',
      result: 'hazard',
      items: ['hose'],
      hazards: [{ item: 'hose', note: '胶管老化' }],
      deadline: '2026-12-10',
    },
    sid,
  );
  return { id: i.id, customerId: c.id, sid };
}

/** A 零散报装 accepted for a new applicant. */
async function installation(t: TestCounter) {
  const sid = await t.login('zhangli');
  const a = await t.ok(
    'installations.apply',
    { name: '周新户', phone: '13900001111', request: '新装灶具' },
    sid,
  );
  return { id: a.id, sid };
}

const CASES: Effectful[] = [
  {
    op: 'installations.apply',
    prepare: async (t) => ({
      input: {
        name: '周新户',
        phone: '13900001111',
        request: '新装灶具',
        attachments: [{ name: 'a.png', data: PNG_1PX }],
      },
      sid: await t.login('zhangli'),
    }),
  },
  {
    op: 'installations.step',
    prepare: async (t) => {
      const { id, sid } = await installation(t);
      return {
        input: { id, action: 'survey', result: '可接入', attachments: [{ name: 'b.png', data: PNG_1PX }] },
        sid,
      };
    },
  },
  {
    op: 'serviceLimits.save',
    prepare: async (t) => ({
      input: {
        install: { survey: 1 + (next() % 50), plan: 5, build: 15, gasOn: 3, open: 1 },
        inspectionPeriodDays: 365,
      },
      sid: await t.login('liuqiang'),
    }),
  },
  {
    op: 'publicity.save',
    prepare: async (t) => ({
      input: { hotline: '0518-96777', notice: `注意用气安全 ${next()}` },
      sid: await t.login('liuqiang'),
    }),
  },
  {
    op: 'publicity.alarmSlip',
    prepare: async (t) => {
      await t.ok(
        'printers.configure',
        { spec: 'file:receipts.prn', width: 80, company: '东海燃气' },
        await t.login('admin'),
      );
      return { input: { meterNo: 'M-1', alarms: ['lowBattery'] }, sid: await t.login('zhangli') };
    },
  },
  {
    op: 'workOrders.open',
    prepare: async (t) => {
      const { complaintId, sid } = await workOrder(t);
      return {
        input: { sourceType: 'complaint', sourceId: complaintId, kind: 'gas_on', description: '通气' },
        sid,
      };
    },
  },
  {
    op: 'workOrders.assign',
    prepare: async (t) => {
      const { id, sid } = await workOrder(t);
      return { input: { id, team: 'repair', assignee: '李师傅' }, sid };
    },
  },
  {
    op: 'workOrders.complete',
    prepare: async (t) => {
      const { id, sid } = await workOrder(t, true);
      return { input: { id, result: '已修复', materials: [{ name: '胶管', qty: 1 }] }, sid };
    },
  },
  {
    op: 'workOrders.cancel',
    prepare: async (t) => {
      const { id, sid } = await workOrder(t);
      return { input: { id, reason: '客户取消' }, sid };
    },
  },
  {
    op: 'inspections.record',
    prepare: async (t) => {
      const { customerId, sid } = await hazardFound(t);
      return {
        input: { customerId, date: '2026-11-26', inspector: '周安检', result: 'normal', items: ['pipe'] },
        sid,
      };
    },
  },
  {
    op: 'inspections.rectify',
    prepare: async (t) => {
      const { id, sid } = await hazardFound(t);
      return { input: { id, rectifiedOn: '2026-11-26', checker: '周安检' }, sid };
    },
  },
  {
    op: 'inspections.print',
    prepare: async (t) => {
      await t.ok(
        'printers.configure',
        { spec: 'file:receipts.prn', width: 80, company: '东海燃气' },
        await t.login('admin'),
      );
      const { id, sid } = await hazardFound(t);
      return { input: { id }, sid };
    },
  },
];

describe('one request, one effect: 工单, 安检, 零散报装 and 安全宣传', () => {
  for (const c of CASES) {
    it(`${c.op}: a repeat, three at once, and a repeat after a crash each have one effect`, async () => {
      const t = await testCounter({ households: 1 });
      const one = await replayedInOrder(t, c);
      await concurrent(t, c, one);
      await afterCrash(t, c, one);
    });
  }
});
