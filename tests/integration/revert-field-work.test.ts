/**
 * A compromised counter's 工单 and 安检 operations reverted by head office: a work order it opened is marked
 * reverted (not deleted), one of the hall's it cancelled goes back to 待派, and an inspection whose hazard it
 * marked rectified goes back to its hazard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../core/ids';
import type { WorkOrderStepType } from '../../core/sync/ops/work-order-ops';
import { mulberry32 } from '../../services/setup/fake-households';
import { customerFile } from '../sim/payloads';
import { startHeadOffice, type TestHeadOffice } from '../support/head-office';
import { op, ScriptedCounter } from '../support/scripted-counter';

let ho: TestHeadOffice;
let honest: ScriptedCounter;
let rogue: ScriptedCounter;
let slot: string;
const C = uuidv7(Date.now());
const W = uuidv7(Date.now() + 1);
const W2 = uuidv7(Date.now() + 2);
const I = uuidv7(Date.now() + 3);
const file = customerFile(mulberry32(7), 1, C, '010101000001', new Date().toISOString());
const party = { customerId: C, accountNo: '010101000001', name: file.name, phone: file.phone, address: '' };
const opened = (id: string, no: string) =>
  op('workOrder.opened', {
    id,
    no,
    kind: 'repair',
    sourceType: 'complaint',
    sourceId: uuidv7(Date.now()),
    sourceNo: '0101-01-TS-000001',
    ...party,
    meterNo: null,
    description: '上门查漏',
  });

beforeAll(async () => {
  ho = await startHeadOffice();
  honest = await ScriptedCounter.enroll(ho, '0101', '01');
  rogue = await ScriptedCounter.enroll(ho, '0101', '02');
  await honest.push([
    op('customer.opened', file),
    opened(W, '0101-01-GD-000001'),
    op('inspection.recorded', {
      id: I,
      no: '0101-01-AJ-000001',
      ...party,
      date: '2026-03-02',
      inspector: '周安检',
      result: 'hazard',
      items: ['hose'],
      hazards: [{ item: 'hose', note: '胶管老化' }],
      deadline: '2026-03-10',
      workOrderId: null,
      notes: '',
    }),
  ]);
  const r = await rogue.push([
    op<WorkOrderStepType>('workOrder.cancelled', {
      workOrderId: W,
      stepNo: 1,
      action: 'cancel',
      statusAfter: 'cancelled',
      team: null,
      assignee: null,
      text: '伪造撤销',
      materials: [],
      saleId: null,
      newMeterNo: null,
      fault: null,
    }),
    op('inspection.rectified', {
      id: uuidv7(Date.now()),
      inspectionId: I,
      rectifiedOn: '2026-03-02',
      checker: '某',
      note: '',
    }),
    opened(W2, '0101-02-GD-000001'),
  ]);
  expect(r).toMatchObject({ applied: 3, quarantined: [] });
  const list = await ho.admin('GET', '/admin/counters');
  slot = list.counters.find((c: { counterId: string }) => c.counterId === rogue.counterId).slotId;
}, 60_000);
afterAll(async () => ho?.close());

describe('reverting a compromised counter’s work orders and inspections', () => {
  it('marks its work order reverted and takes back its 撤销 and its rectification', async () => {
    await ho.admin('POST', `/admin/counters/${slot}/revoke`, { reason: '柜台电脑被盗用' });
    const r = await fetch(`${ho.url}/admin/counters/${slot}/revert`, {
      method: 'POST',
      headers: { authorization: 'Bearer test-admin-token-0123456789', 'content-type': 'application/json' },
      body: JSON.stringify({
        sinceSeq: 1,
        reason: '柜台电脑被盗用',
        by: '稽核张',
        requestId: 'rv-field-0001',
      }),
    });
    expect(r.status).toBe(200);
    const body = (await r.json()) as { reverted: { type: string; corrected: string[]; left: string[] }[] };
    expect(body.reverted.map((x) => [x.type, x.corrected, x.left])).toEqual([
      ['workOrder.opened', ['工单 0101-02-GD-000001（由该柜台登记）已撤销'], []],
      ['inspection.rectified', ['安检 0101-01-AJ-000001 恢复到第 0 步'], []],
      ['workOrder.cancelled', ['工单 0101-01-GD-000001 恢复到第 0 步'], []],
    ]);
    const held = await ho.store.query<{ id: string; status: string; step_count: number }>(
      'SELECT id, status, step_count FROM service_records',
    );
    const by = new Map(held.map((h) => [h.id, h]));
    expect(by.get(W2)).toMatchObject({ status: 'reverted' });
    expect(by.get(W)).toMatchObject({ status: 'pending', step_count: 0 });
    expect(by.get(I)).toMatchObject({ status: 'hazard', step_count: 0 });
  });
});
