/**
 * A compromised counter's service-desk operations reverted by head office: an acceptance it recorded is marked
 * reverted (not deleted), a complaint it moved on goes back to the step before — unless an honest counter of the
 * hall took a step after it, which is left for a person to look at; the same for an appointment it booked (marked
 * reverted) and one of the hall's it cancelled (booked again).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../core/ids';
import type { ComplaintStepPayload, ComplaintStepType } from '../../core/sync/ops/service-ops';
import { mulberry32 } from '../../services/setup/fake-households';
import { customerFile } from '../sim/payloads';
import { startHeadOffice, type TestHeadOffice } from '../support/head-office';
import { op, ScriptedCounter } from '../support/scripted-counter';

let ho: TestHeadOffice;
let honest: ScriptedCounter;
let rogue: ScriptedCounter;
let slot: string;
let since: number;
const C = uuidv7(Date.now());
const K1 = uuidv7(Date.now() + 1);
const K2 = uuidv7(Date.now() + 2);
const A = uuidv7(Date.now() + 3);
const P = uuidv7(Date.now() + 4);
const Q = uuidv7(Date.now() + 5);
const file = customerFile(mulberry32(5), 1, C, '010101000001', new Date().toISOString());
const party = { customerId: C, accountNo: '010101000001', name: file.name, phone: file.phone, address: '' };
const complaint = (id: string, no: string) =>
  op('complaint.recorded', {
    id,
    no,
    channel: 'phone',
    ...party,
    category: 'repair',
    details: '维修后仍有异味',
    dueAt: new Date(Date.now() + 72 * 3_600_000).toISOString(),
  });
const step = (type: ComplaintStepType, p: ComplaintStepPayload) => op<ComplaintStepType>(type, p);
const judged = (complaintId: string) =>
  step('complaint.judged', {
    complaintId,
    stepNo: 1,
    action: 'judge_justified',
    statusAfter: 'justified',
    team: null,
    text: '伪造判定',
  });
const handed = (complaintId: string) =>
  step('complaint.handedOver', {
    complaintId,
    stepNo: 2,
    action: 'hand_over',
    statusAfter: 'handed_over',
    team: 'repair',
    text: '',
  });

const booked = (id: string, no: string) =>
  op('appointment.booked', {
    id,
    no,
    kind: 'repair',
    ...party,
    notes: '',
    date: '2026-03-03',
    slot: 'am',
    team: 'repair',
  });

const rows = <T>(sql: string, params: unknown[] = []) => ho.store.query<T>(sql, params);

beforeAll(async () => {
  ho = await startHeadOffice();
  honest = await ScriptedCounter.enroll(ho, '0101', '01');
  rogue = await ScriptedCounter.enroll(ho, '0101', '02');
  await honest.push([
    op('customer.opened', file),
    complaint(K1, '0101-01-TS-000001'),
    complaint(K2, '0101-01-TS-000002'),
    booked(P, '0101-01-YY-000001'),
  ]);
  since = 1;
  const r = await rogue.push([
    judged(K1),
    handed(K1),
    judged(K2),
    op('acceptance.recorded', {
      id: A,
      no: '0101-02-ZX-000001',
      typeCode: 'ZX',
      typeName: '咨询',
      channel: 'window',
      ...party,
      asked: '伪造受理',
      answered: '',
      documents: [],
      nextStep: '',
      prepare: '',
      saleId: null,
      businessDate: '2026-03-02',
    }),
    op('appointment.cancelled', {
      appointmentId: P,
      stepNo: 1,
      action: 'cancel',
      statusAfter: 'cancelled',
      date: '2026-03-03',
      slot: 'am',
      team: 'repair',
      reason: '伪造取消',
    }),
    booked(Q, '0101-02-YY-000001'),
  ]);
  expect(r).toMatchObject({ applied: 6, quarantined: [] });
  // The honest counter hands K2 over after the rogue's judgement: that step must survive.
  honest.clockMs = rogue.clockMs + 10_000;
  expect(await honest.push([handed(K2)])).toMatchObject({ applied: 1, quarantined: [] });
  const list = await ho.admin('GET', '/admin/counters');
  slot = list.counters.find((c: { counterId: string }) => c.counterId === rogue.counterId).slotId;
}, 60_000);
afterAll(async () => ho?.close());

describe('reverting a compromised counter’s service desk', () => {
  it('marks its acceptance reverted, takes its steps back, and leaves a complaint moved on since', async () => {
    await ho.admin('POST', `/admin/counters/${slot}/revoke`, { reason: '柜台电脑被盗用' });
    const r = await fetch(`${ho.url}/admin/counters/${slot}/revert`, {
      method: 'POST',
      headers: { authorization: 'Bearer test-admin-token-0123456789', 'content-type': 'application/json' },
      body: JSON.stringify({
        sinceSeq: since,
        reason: '柜台电脑被盗用',
        by: '稽核张',
        requestId: 'rv-desk-0001',
      }),
    });
    expect(r.status).toBe(200);
    const body = (await r.json()) as { reverted: { type: string; corrected: string[]; left: string[] }[] };
    expect(body.reverted.map((x) => [x.type, x.corrected, x.left])).toEqual([
      ['appointment.booked', ['预约 0101-02-YY-000001（由该柜台登记）已撤销'], []],
      ['appointment.cancelled', ['预约 0101-01-YY-000001 恢复到第 0 步'], []],
      ['acceptance.recorded', ['受理单 0101-02-ZX-000001（由该柜台登记）已撤销'], []],
      ['complaint.judged', [], ['投诉 0101-01-TS-000002 之后又有处理，未动']],
      ['complaint.handedOver', ['投诉 0101-01-TS-000001 恢复到第 1 步'], []],
      ['complaint.judged', ['投诉 0101-01-TS-000001 恢复到第 0 步'], []],
    ]);
    const held = await rows<{ id: string; status: string; step_count: number; data: { steps?: unknown[] } }>(
      'SELECT id, status, step_count, data FROM service_records ORDER BY no',
    );
    const by = new Map(held.map((h) => [h.id, h]));
    expect(by.get(A)).toMatchObject({ status: 'reverted', data: { revertReason: '柜台电脑被盗用' } });
    expect(by.get(K1)).toMatchObject({ status: 'recorded', step_count: 0, data: { steps: [] } });
    expect(by.get(K2)).toMatchObject({ status: 'handed_over', step_count: 2 });
    expect(by.get(Q)).toMatchObject({ status: 'reverted' });
    expect(by.get(P)).toMatchObject({ status: 'booked', step_count: 0, data: { steps: [] } });
  });
});
