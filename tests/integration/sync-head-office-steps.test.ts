/**
 * Head office steering a hall's service desk (POST /admin/service-records/:id/steps), on PGlite and on
 * PostgreSQL: a complaint or a work order reassigned to another team, or closed with a reason, is a new
 * head-office step — numbered apart from the counter's steps (the record's step_count does not move) — that the
 * owning counter receives on its pull and shows (state, team, the step); a counter step made offline after
 * head office closed the record is quarantined there (CLOSED_AT_HEAD_OFFICE) and shown superseded at the
 * counter, which stays closed; a record of an unknown id, a second close, a reassignment of a closed record, an
 * acceptance, a team the record's kind has not, are each refused with their code, nothing written.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from '../support/head-office';
import { serviceSyncRig } from '../support/service-sync';

type Json = Record<string, unknown>;

function suite(name: string, pglite: boolean) {
  describe(`head office reassigns and closes service-desk records (${name})`, () => {
    const rig = serviceSyncRig('gasdesk-ho-steps-', { pglite });
    const steer = async (id: string, body: Json) => {
      const r = await fetch(`${rig.ho.url}/admin/service-records/${id}/steps`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ requestId: randomUUID(), by: '总部客服科', ...body }),
      });
      return { status: r.status, json: (await r.json()) as Json };
    };
    const record = async (id: string) =>
      (
        await rig.rows<{ status: string; step_count: number; data: { hoSteps?: Json[] } }>(
          'SELECT status, step_count, data FROM service_records WHERE id = $1',
          [id],
        )
      )[0]!;
    let complaintId = '';
    let workOrderId = '';
    let acceptanceId = '';

    it('reassigns a complaint and a work order: a head-office step the counter pulls and shows', async () => {
      const admin = rig.A.adminSid;
      const c = await rig.A.ok(
        'complaints.record',
        {
          channel: 'phone',
          category: 'supply',
          details: '小区气压低',
          name: '王女士',
          phone: '13800001111',
          address: '东风路 3 号',
        },
        admin,
      );
      complaintId = c.id;
      await rig.A.ok('complaints.judge', { id: c.id, justified: true, reason: '属实' }, admin);
      await rig.A.ok('complaints.handOver', { id: c.id, team: 'patrol', note: '查管网' }, admin);
      const w = await rig.A.ok(
        'workOrders.open',
        { sourceType: 'complaint', sourceId: c.id, kind: 'patrol', description: '查调压箱' },
        admin,
      );
      workOrderId = w.id;
      await rig.A.ok('workOrders.assign', { id: w.id, team: 'patrol', assignee: '张师傅' }, admin);
      const a = await rig.A.ok(
        'acceptances.create',
        {
          typeCode: 'ZX',
          channel: 'phone',
          asked: '问气价',
          name: '李先生',
          phone: '13800002222',
          address: '西街 1 号',
        },
        admin,
      );
      acceptanceId = a.id;
      await rig.sync();

      const r1 = await steer(complaintId, {
        action: 'reassign',
        team: 'repair',
        reason: '实为立管漏点，转维修班',
      });
      expect(r1.status, JSON.stringify(r1.json)).toBe(200);
      expect(r1.json).toMatchObject({
        recordKind: 'complaint',
        recordNo: c.no,
        hoNo: 1,
        afterStepNo: 2,
        action: 'reassign',
        team: 'repair',
        statusAfter: 'handed_over',
      });
      const r2 = await steer(workOrderId, {
        action: 'reassign',
        team: 'repair',
        assignee: '刘师傅',
        reason: '巡线班人手不足',
      });
      expect(r2.status).toBe(200);
      expect(r2.json).toMatchObject({ hoNo: 1, afterStepNo: 1, team: 'repair', assignee: '刘师傅' });
      // Head office's numbering is its own: the counter's step count stays, the step is kept beside it.
      const held = await record(complaintId);
      expect(held).toMatchObject({ status: 'handed_over', step_count: 2 });
      expect(held.data.hoSteps).toHaveLength(1);

      await rig.sync();
      const seen = await rig.A.ok('complaints.get', { id: complaintId }, admin);
      expect(seen).toMatchObject({ status: 'handed_over', team: 'repair' });
      expect(seen.headOffice).toEqual([
        expect.objectContaining({
          hoNo: 1,
          afterStepNo: 2,
          action: 'reassign',
          team: 'repair',
          by: '总部客服科',
        }),
      ]);
      const order = await rig.A.ok('workOrders.get', { id: workOrderId }, admin);
      expect(order).toMatchObject({ status: 'assigned', team: 'repair', assignee: '刘师傅' });
      const open = await rig.A.ok('workOrders.list', { open: true }, admin);
      expect(open.items.find((x) => x.id === workOrderId)).toMatchObject({ team: 'repair' });

      // A counter step after it numbers on from the counter's own (3), is applied, and its team is the latest.
      await rig.A.ok('complaints.handOver', { id: complaintId, team: 'billing', note: '涉及收费' }, admin);
      await rig.sync();
      expect(await record(complaintId)).toMatchObject({ status: 'handed_over', step_count: 3 });
      expect(await rig.A.ok('complaints.get', { id: complaintId }, admin)).toMatchObject({ team: 'billing' });
    });

    it('closes a complaint: the counter pulls it closed, off its open list and onto the 回访 queue', async () => {
      const admin = rig.A.adminSid;
      const r = await steer(complaintId, { action: 'close', reason: '已由总部电话答复客户' });
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({
        hoNo: 2,
        afterStepNo: 3,
        action: 'close',
        statusAfter: 'closed',
        team: null,
      });
      expect(await record(complaintId)).toMatchObject({ status: 'closed', step_count: 3 });

      await rig.sync();
      const seen = await rig.A.ok('complaints.get', { id: complaintId }, admin);
      expect(seen).toMatchObject({
        status: 'closed',
        allowed: [],
        toldCustomer: '总部结案：已由总部电话答复客户',
      });
      const open = await rig.A.ok('complaints.list', { open: true }, admin);
      expect(open.items.map((x) => x.id)).not.toContain(complaintId);
      const queue = await rig.A.ok('followups.queue', {}, admin);
      expect(queue.items.map((x) => x.id)).toContain(complaintId);
      const refused = await rig.A.call('complaints.note', { id: complaintId, note: '再跟踪' }, admin);
      expect(refused).toMatchObject({ ok: false, error: { code: 'COMPLAINT_CLOSED' } });
      // Its 回访 goes through at head office too.
      await rig.A.ok(
        'followups.record',
        { complaintId, outcome: 'reached', satisfaction: 'satisfied' },
        admin,
      );
      await rig.sync();
      expect((await record(complaintId)).data).toMatchObject({ followups: [expect.anything()] });
    });

    it('takes head office’s close over a counter step made offline after it (quarantined, shown superseded)', async () => {
      const admin = rig.A.adminSid;
      const r = await steer(workOrderId, { action: 'close', reason: '客户来电取消' });
      expect(r.json).toMatchObject({ action: 'close', afterStepNo: 1, statusAfter: 'cancelled' });
      // The counter has not pulled yet: it still sees the order assigned, and reassigns it (its step 2).
      await rig.A.ok('workOrders.assign', { id: workOrderId, team: 'patrol', assignee: '赵师傅' }, admin);
      const run = await rig.A.ok('sync.now', {}, admin);
      expect(run).toMatchObject({ ok: true, quarantined: 1 });
      const [op] = await rig.rows<{ state: string; code: string }>(
        `SELECT o.state, q.code FROM ops o JOIN quarantine q ON q.op_id = o.id
          WHERE o.type = 'workOrder.assigned' ORDER BY o.seq DESC LIMIT 1`,
      );
      expect(op).toEqual({ state: 'quarantined', code: 'CLOSED_AT_HEAD_OFFICE' });
      expect(await record(workOrderId)).toMatchObject({ status: 'cancelled', step_count: 1 });

      const seen = await rig.A.ok('workOrders.get', { id: workOrderId }, admin);
      expect(seen).toMatchObject({ status: 'cancelled', allowed: [], team: 'repair', assignee: '刘师傅' });
      expect(seen.steps.map((s) => [s.stepNo, s.superseded])).toEqual([
        [1, false],
        [2, true],
      ]);
      const refused = await rig.A.call('workOrders.cancel', { id: workOrderId, reason: '重复' }, admin);
      expect(refused).toMatchObject({ ok: false, error: { code: 'WORK_ORDER_CLOSED' } });
      const open = await rig.A.ok('workOrders.list', { open: true }, admin);
      expect(open.items.map((x) => x.id)).not.toContain(workOrderId);
    });

    it('refuses an unknown id, a second close, a closed record reassigned, an acceptance and a wrong team', async () => {
      const before = await record(complaintId);
      expect(
        await steer('0190aaaa-0000-7000-8000-000000000000', { action: 'close', reason: '无' }),
      ).toMatchObject({
        status: 404,
        json: { code: 'SERVICE_RECORD_NOT_FOUND' },
      });
      expect(await steer(complaintId, { action: 'close', reason: '再结一次' })).toMatchObject({
        status: 409,
        json: { code: 'SERVICE_RECORD_CLOSED' },
      });
      expect(await steer(workOrderId, { action: 'reassign', team: 'patrol', reason: '改派' })).toMatchObject({
        status: 409,
        json: { code: 'SERVICE_RECORD_CLOSED' },
      });
      expect(await steer(acceptanceId, { action: 'close', reason: '无' })).toMatchObject({
        status: 422,
        json: { code: 'SERVICE_RECORD_NOT_STEERABLE' },
      });
      expect(await steer(complaintId, { action: 'reassign', reason: '没写班组' })).toMatchObject({
        status: 400,
        json: { code: 'VALIDATION_FAILED' },
      });
      const admin = rig.A.adminSid;
      const c = await rig.A.ok(
        'complaints.record',
        {
          channel: 'window',
          category: 'billing',
          details: '多扣费',
          name: '陈先生',
          phone: '13800003333',
          address: '南路 9 号',
        },
        admin,
      );
      await rig.A.ok('complaints.judge', { id: c.id, justified: true, reason: '待查' }, admin);
      await rig.sync();
      expect(await steer(c.id, { action: 'reassign', team: 'install', reason: '安装队' })).toMatchObject({
        status: 422,
        json: { code: 'SERVICE_TEAM_INVALID' },
      });
      expect(await record(complaintId)).toEqual(before);
      expect((await record(c.id)).data.hoSteps).toBeUndefined();
      // One effect per requestId: a repeat answers the first step and adds none.
      const body = { requestId: randomUUID(), action: 'reassign', team: 'repair', reason: '转维修班' };
      const first = await steer(c.id, body);
      expect(await steer(c.id, body)).toEqual(first);
      expect((await record(c.id)).data.hoSteps).toHaveLength(1);
      const [audit] = await rig.rows<{ n: number }>(
        `SELECT count(*)::int AS n FROM console_audit WHERE action = 'POST /admin/service-records/:id/steps'
           AND detail->'params'->>'id' = $1`,
        [c.id],
      );
      expect(audit!.n).toBe(1);
    });
  });
}

suite('PGlite', true);
if (process.env.DATABASE_URL) suite('PostgreSQL', false);
