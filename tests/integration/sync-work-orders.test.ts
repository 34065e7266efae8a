/**
 * 工单 and 安检 at head office (PGlite): a counter's work order (opened from a complaint, assigned, completed
 * with a faulty-meter entry) and its inspection (recorded with a hazard, rectified) are applied to the hall's
 * service records as the counter pushes them; a counter of another hall may not name the hall's customer or
 * move its work order (FOREIGN_HALL); a step that does not follow the last, a completed work order changed,
 * or an inspection rectified twice is quarantined — nothing applied.
 */
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../core/ids';
import type { WorkOrderStepType } from '../../core/sync/ops/work-order-ops';
import { fakeHousehold, mulberry32 } from '../../services/setup/fake-households';
import { enrollDevice } from '../sim/bench-push';
import { chainOps } from '../sim/synthetic-ops';
import { forgedOp, serviceSyncRig } from '../support/service-sync';
import { signed } from '../support/signed';

const rig = serviceSyncRig('gasdesk-wo-sync-');

describe('work orders and inspections at head office', () => {
  let workOrderId = '';
  let workOrderNo = '';
  let inspectionId = '';
  let customerId = '';

  it('applies a work order’s opening, 派单 and 完成, and an inspection and its rectification', async () => {
    const admin = rig.A.adminSid;
    const x = await rig.A.ok(
      'customers.open',
      {
        ...fakeHousehold(mulberry32(14), 1),
        meters: [{ meterNo: 'SYNC-M1', maker: '金卡', model: 'G2.5', cardType: 'SLE4442' }],
      },
      admin,
    );
    customerId = x.id;
    const c = await rig.A.ok(
      'complaints.record',
      { customerId: x.id, channel: 'phone', category: 'safety', details: '有燃气味' },
      admin,
    );
    const w = await rig.A.ok(
      'workOrders.open',
      { sourceType: 'complaint', sourceId: c.id, kind: 'repair', meterNo: 'SYNC-M1', description: '查漏' },
      admin,
    );
    workOrderId = w.id;
    workOrderNo = w.no;
    await rig.A.ok('workOrders.assign', { id: w.id, team: 'repair', assignee: '李师傅' }, admin);
    await rig.A.ok(
      'workOrders.complete',
      { id: w.id, result: '表前阀漏气，已修复', fault: { fault: 'leak', action: 'repaired' } },
      admin,
    );
    const i = await rig.A.ok(
      'inspections.record',
      {
        customerId: x.id,
        date: '2026-03-02',
        inspector: '周安检',
        result: 'hazard',
        items: ['hose'],
        hazards: [{ item: 'hose', note: '胶管超期' }],
        deadline: '2026-03-10',
      },
      admin,
    );
    inspectionId = i.id;
    await rig.A.ok('inspections.rectify', { id: i.id, rectifiedOn: '2026-03-02', checker: '周安检' }, admin);
    await rig.sync();
    const [held] = await rig.rows<{
      kind: string;
      status: string;
      step_count: number;
      data: { meterNo: string; steps: { action: string; fault: { fault: string } | null }[] };
    }>('SELECT kind, status, step_count, data FROM service_records WHERE id = $1', [w.id]);
    expect(held).toMatchObject({ kind: 'work_order', status: 'completed', step_count: 2 });
    expect(held!.data.meterNo).toBe('SYNC-M1');
    expect(held!.data.steps.map((s) => [s.action, s.fault?.fault ?? null])).toEqual([
      ['assign', null],
      ['complete', 'leak'],
    ]);
    const [insp] = await rig.rows<{
      kind: string;
      status: string;
      data: { rectification: { checker: string } };
    }>('SELECT kind, status, data FROM service_records WHERE id = $1', [i.id]);
    expect(insp).toMatchObject({ kind: 'inspection', status: 'rectified' });
    expect(insp!.data.rectification.checker).toBe('周安检');
    const states = await rig.rows<{ state: string }>(
      "SELECT state FROM ops WHERE type LIKE 'workOrder.%' OR type LIKE 'inspection.%'",
    );
    expect(states.map((s) => s.state)).toEqual(Array(5).fill('applied'));
  });

  it('refuses another hall’s counter, a step out of order, a completed work order changed, a second rectification', async () => {
    rig.realTime = true;
    const stranger = await enrollDevice(rig.ho, '0102', '01');
    const neighbour = await enrollDevice(rig.ho, '0101', '09');
    const op = uuidv7(Date.now());
    const opening = {
      id: uuidv7(Date.now()),
      no: '0102-01-GD-000001',
      kind: 'repair' as const,
      sourceType: 'complaint' as const,
      sourceId: uuidv7(Date.now()),
      sourceNo: '0102-01-TS-000001',
      customerId,
      accountNo: null,
      name: '某人',
      phone: '13951230000',
      address: '',
      meterNo: null,
      description: '查',
    };
    const cancel = (stepNo: number, dev: { counterId: string }) =>
      forgedOp<WorkOrderStepType>(
        'workOrder.cancelled',
        {
          workOrderId,
          stepNo,
          action: 'cancel',
          statusAfter: 'cancelled',
          team: null,
          assignee: null,
          text: '撤销',
          materials: [],
          saleId: null,
          newMeterNo: null,
          fault: null,
        },
        op,
        dev.counterId,
      );
    const push = async (
      dev: Awaited<ReturnType<typeof enrollDevice>>,
      ops: ReturnType<typeof forgedOp>[],
    ) => {
      const r = await signed(rig.ho.url, dev, 'POST', '/v1/push', { ops: chainOps(ops, dev.counterId) });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return (r.body.quarantined as { code: string; reason: string }[]).map((q) => [q.code, q.reason]);
    };
    expect(
      await push(stranger, [
        forgedOp('workOrder.opened', opening, op, stranger.counterId),
        cancel(3, stranger),
      ]),
    ).toEqual([
      ['FOREIGN_HALL', expect.stringMatching(/不属于本网点/)],
      ['FOREIGN_HALL', expect.stringMatching(new RegExp(`^工单 ${workOrderNo} 不属于本网点`))],
    ]);
    const rectify = forgedOp(
      'inspection.rectified',
      { id: uuidv7(Date.now()), inspectionId, rectifiedOn: '2026-03-02', checker: '某', note: '' },
      op,
      neighbour.counterId,
    );
    expect(await push(neighbour, [cancel(2, neighbour), cancel(3, neighbour), rectify])).toEqual([
      ['STEP_OUT_OF_ORDER', expect.stringMatching(/第 2 步不接续总部所记的第 2 步/)],
      ['STEP_OUT_OF_ORDER', expect.stringMatching(/当前为 completed，不能 cancel/)],
      ['STEP_OUT_OF_ORDER', expect.stringMatching(/当前为 rectified，不能登记整改/)],
    ]);
    const [w] = await rig.rows<{ step_count: number; status: string }>(
      'SELECT step_count, status FROM service_records WHERE id = $1',
      [workOrderId],
    );
    expect(w).toEqual({ step_count: 2, status: 'completed' });
    expect(await rig.rows('SELECT id FROM service_records WHERE id = $1', [opening.id])).toEqual([]);
  });
});
