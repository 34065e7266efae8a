/**
 * The service desk at head office (PGlite): a counter's acceptances, a complaint's every step and its 回访 are
 * applied to the hall's service records as the counter pushes them; a counter of another hall may not name the
 * hall's customer or move its complaint on (FOREIGN_HALL), and a step that does not follow the complaint's
 * last, or that its state does not allow (a closed complaint changed), is quarantined — nothing applied.
 */
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../core/ids';
import type { ComplaintStepType } from '../../core/sync/ops/service-ops';
import { fakeHousehold, mulberry32 } from '../../services/setup/fake-households';
import { enrollDevice } from '../sim/bench-push';
import { chainOps } from '../sim/synthetic-ops';
import { forgedOp, serviceSyncRig } from '../support/service-sync';
import { signed } from '../support/signed';

const rig = serviceSyncRig('gasdesk-desk-sync-');

describe('the service desk at head office', () => {
  let complaintId = '';
  let customerId = '';

  it('applies an acceptance, a complaint through every step to closed, and its 回访', async () => {
    const admin = rig.A.adminSid;
    const x = await rig.A.ok('customers.open', fakeHousehold(mulberry32(11), 1), admin);
    customerId = x.id;
    const a = await rig.A.ok(
      'acceptances.create',
      {
        customerId: x.id,
        typeCode: 'HB',
        channel: 'window',
        asked: '表不走字，申请换表',
        documents: ['燃气卡'],
      },
      admin,
    );
    const c = await rig.A.ok(
      'complaints.record',
      { customerId: x.id, channel: 'phone', category: 'safety', details: '楼道有燃气味' },
      admin,
    );
    complaintId = c.id;
    await rig.A.ok('complaints.judge', { id: c.id, justified: true, reason: '属实，安全隐患' }, admin);
    await rig.A.ok('complaints.handOver', { id: c.id, team: 'repair', note: '立即上门' }, admin);
    await rig.A.ok('complaints.resolve', { id: c.id, result: '更换立管接头，检漏合格' }, admin);
    await rig.A.ok('complaints.close', { id: c.id, told: '电话告知客户处理结果' }, admin);
    await rig.A.ok(
      'followups.record',
      { complaintId: c.id, outcome: 'reached', satisfaction: 'satisfied' },
      admin,
    );
    await rig.sync();
    const held = await rig.rows<{
      id: string;
      kind: string;
      no: string;
      status: string | null;
      step_count: number;
      data: Record<string, unknown>;
    }>('SELECT id, kind, no, status, step_count, data FROM service_records ORDER BY created_at, kind');
    expect(held.map(({ data: _d, ...r }) => r)).toEqual([
      { id: a.id, kind: 'acceptance', no: a.no, status: null, step_count: 0 },
      { id: c.id, kind: 'complaint', no: c.no, status: 'closed', step_count: 4 },
    ]);
    const complaint = held[1]!.data as { steps: { action: string }[]; followups: { satisfaction: string }[] };
    expect(complaint.steps.map((s) => s.action)).toEqual([
      'judge_justified',
      'hand_over',
      'resolve',
      'close',
    ]);
    expect(complaint.followups).toEqual([expect.objectContaining({ satisfaction: 'satisfied' })]);
    const states = await rig.rows<{ type: string; state: string }>(
      "SELECT type, state FROM ops WHERE type LIKE 'complaint.%' OR type IN ('acceptance.recorded', 'followup.recorded') ORDER BY seq",
    );
    expect(states.every((s) => s.state === 'applied')).toBe(true);
    expect(states).toHaveLength(7);
  });

  it('refuses another hall’s counter, a step out of order, and a closed complaint changed', async () => {
    rig.realTime = true;
    const stranger = await enrollDevice(rig.ho, '0102', '01');
    const neighbour = await enrollDevice(rig.ho, '0101', '09');
    const op = uuidv7(Date.now());
    const acceptance = {
      id: uuidv7(Date.now()),
      no: '0102-01-ZX-000001',
      typeCode: 'ZX',
      typeName: '咨询',
      channel: 'phone' as const,
      customerId,
      accountNo: null,
      name: '某人',
      phone: '13951230000',
      address: '',
      asked: '咨询',
      answered: '',
      documents: [],
      nextStep: '',
      prepare: '',
      saleId: null,
      businessDate: '2026-03-02',
    };
    const note = (stepNo: number, dev: { counterId: string }) =>
      forgedOp<ComplaintStepType>(
        'complaint.noted',
        { complaintId, stepNo, action: 'note', statusAfter: 'closed', team: null, text: '再次跟进' },
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
        forgedOp('acceptance.recorded', acceptance, op, stranger.counterId),
        note(5, stranger),
      ]),
    ).toEqual([
      ['FOREIGN_HALL', expect.stringMatching(/不属于本网点/)],
      ['FOREIGN_HALL', expect.stringMatching(/^投诉 0101-01-TS-000001 不属于本网点/)],
    ]);
    expect(await push(neighbour, [note(3, neighbour), note(5, neighbour)])).toEqual([
      ['STEP_OUT_OF_ORDER', expect.stringMatching(/第 3 步不接续总部所记的第 4 步/)],
      ['STEP_OUT_OF_ORDER', expect.stringMatching(/当前为 closed，不能 note/)],
    ]);
    const [c] = await rig.rows<{ step_count: number; status: string }>(
      'SELECT step_count, status FROM service_records WHERE id = $1',
      [complaintId],
    );
    expect(c).toEqual({ step_count: 4, status: 'closed' });
    expect(await rig.rows('SELECT id FROM service_records WHERE id = $1', [acceptance.id])).toEqual([]);
  });
});
