/**
 * The service desk at head office (PGlite): a counter's acceptances, a complaint's every step and its 回访 are
 * applied to the hall's service records as the counter pushes them; a counter of another hall may not name the
 * hall's customer or move its complaint on (FOREIGN_HALL), and a step that does not follow the complaint's
 * last, or that its state does not allow (a closed complaint changed), is quarantined — nothing applied.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../core/ids';
import { encodeOp, type OpPayload, type OpType } from '../../core/sync/ops';
import type { ComplaintStepType } from '../../core/sync/ops/service-ops';
import { fakeHousehold, mulberry32 } from '../../services/setup/fake-households';
import { enrollDevice } from '../sim/bench-push';
import { SimCounter } from '../sim/sim-counter';
import { chainOps } from '../sim/synthetic-ops';
import { tempDir } from '../support/app';
import { registerCounter, startHeadOffice, type TestHeadOffice } from '../support/head-office';
import { signed } from '../support/signed';

const now = Date.parse('2026-03-02T09:00:00+08:00');
let realTime = false;
let ho: TestHeadOffice;
let A: SimCounter;

async function sync() {
  const r = await A.ok('sync.now', {}, A.adminSid);
  expect(r).toMatchObject({ ok: true, error: null, quarantined: 0, mismatches: 0 });
}
const rows = <T>(sql: string, params: unknown[] = []) => ho.store.query<T>(sql, params);

beforeAll(async () => {
  ho = await startHeadOffice({ now: () => (realTime ? Date.now() : now) });
  A = await SimCounter.create(0, tempDir('gasdesk-desk-sync-', { shared: true }), () => now);
  await A.ok('sync.enroll', { server: ho.url, code: await registerCounter(ho, '0101', A.code) }, A.adminSid);
  await sync();
}, 60_000);

afterAll(async () => {
  A?.close();
  await ho?.close();
});

/** One forged operation of `type` (its payload encoded by the contract), at the given time. */
function forged<T extends OpType>(type: T, payload: OpPayload<T>, operatorId: string, counterId: string) {
  const e = encodeOp(type, payload);
  const at = Date.now() - 60_000;
  return {
    id: uuidv7(at),
    type,
    entityType: e.entityType,
    entityId: e.entityId,
    payload: e.json,
    operatorId,
    approverId: null,
    hlc: `${String(at).padStart(15, '0')}-00000-${counterId.slice(-12)}`,
    createdAt: new Date(at).toISOString(),
  };
}

describe('the service desk at head office', () => {
  let complaintId = '';
  let customerId = '';

  it('applies an acceptance, a complaint through every step to closed, and its 回访', async () => {
    const admin = A.adminSid;
    const x = await A.ok('customers.open', fakeHousehold(mulberry32(11), 1), admin);
    customerId = x.id;
    const a = await A.ok(
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
    const c = await A.ok(
      'complaints.record',
      { customerId: x.id, channel: 'phone', category: 'safety', details: '楼道有燃气味' },
      admin,
    );
    complaintId = c.id;
    await A.ok('complaints.judge', { id: c.id, justified: true, reason: '属实，安全隐患' }, admin);
    await A.ok('complaints.handOver', { id: c.id, team: 'repair', note: '立即上门' }, admin);
    await A.ok('complaints.resolve', { id: c.id, result: '更换立管接头，检漏合格' }, admin);
    await A.ok('complaints.close', { id: c.id, told: '电话告知客户处理结果' }, admin);
    await A.ok(
      'followups.record',
      { complaintId: c.id, outcome: 'reached', satisfaction: 'satisfied' },
      admin,
    );
    await sync();
    const held = await rows<{
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
    const states = await rows<{ type: string; state: string }>(
      "SELECT type, state FROM ops WHERE type LIKE 'complaint.%' OR type IN ('acceptance.recorded', 'followup.recorded') ORDER BY seq",
    );
    expect(states.every((s) => s.state === 'applied')).toBe(true);
    expect(states).toHaveLength(7);
  });

  it('refuses another hall’s counter, a step out of order, and a closed complaint changed', async () => {
    realTime = true;
    const stranger = await enrollDevice(ho, '0102', '01');
    const neighbour = await enrollDevice(ho, '0101', '09');
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
      forged<ComplaintStepType>(
        'complaint.noted',
        { complaintId, stepNo, action: 'note', statusAfter: 'closed', team: null, text: '再次跟进' },
        op,
        dev.counterId,
      );
    const push = async (dev: Awaited<ReturnType<typeof enrollDevice>>, ops: ReturnType<typeof forged>[]) => {
      const r = await signed(ho.url, dev, 'POST', '/v1/push', { ops: chainOps(ops, dev.counterId) });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return (r.body.quarantined as { code: string; reason: string }[]).map((q) => [q.code, q.reason]);
    };
    expect(
      await push(stranger, [
        forged('acceptance.recorded', acceptance, op, stranger.counterId),
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
    const [c] = await rows<{ step_count: number; status: string }>(
      'SELECT step_count, status FROM service_records WHERE id = $1',
      [complaintId],
    );
    expect(c).toEqual({ step_count: 4, status: 'closed' });
    expect(await rows('SELECT id FROM service_records WHERE id = $1', [acceptance.id])).toEqual([]);
  });
});
