/**
 * One request, one effect, for the field work's writing operations (工单, 安检): a repeat after the answer,
 * three identical submits at once, and a repeat after the counter died between the effect and its answer
 * each leave exactly one effect (tests/support/idempotency.ts). idempotency-devices.test.ts checks every
 * writing operation has its case here or in the other two files.
 */
import { describe, it } from 'vitest';
import { fullOpening } from '../fixtures/households';
import { type TestCounter, testCounter } from '../support/app';
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

const CASES: Effectful[] = [
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

describe('one request, one effect: 工单 and 安检', () => {
  for (const c of CASES) {
    it(`${c.op}: a repeat, three at once, and a repeat after a crash each have one effect`, async () => {
      const t = await testCounter({ households: 1 });
      const one = await replayedInOrder(t, c);
      await concurrent(t, c, one);
      await afterCrash(t, c, one);
    });
  }
});
