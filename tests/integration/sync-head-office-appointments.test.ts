/**
 * Head office steering a hall's appointments (预约上门) through POST /admin/service-records/:id/steps, on
 * PGlite and on PostgreSQL: a 改派 to another field team or a 取消 with a reason is a head-office step numbered
 * apart from the counter's (the record's step_count does not move), which the owning counter pulls and takes
 * into the appointment's team and state, its day list and its slots; a counter step made offline after head
 * office's cancel is quarantined there (CLOSED_AT_HEAD_OFFICE) and shown superseded at the counter, which keeps
 * the appointment cancelled where it stood; a second cancel, a cancelled appointment reassigned and a team that
 * does not go out to households are each refused with their code, nothing written.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fakeHousehold, mulberry32 } from '../../services/setup/fake-households';
import { ADMIN_TOKEN } from '../support/head-office';
import { serviceSyncRig } from '../support/service-sync';

type Json = Record<string, unknown>;

function suite(name: string, pglite: boolean) {
  describe(`head office reassigns and cancels appointments (${name})`, () => {
    const rig = serviceSyncRig('gasdesk-ho-appt-', { pglite });
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
        await rig.rows<{ status: string; step_count: number; data: { hoSteps?: Json[]; team: string } }>(
          'SELECT status, step_count, data FROM service_records WHERE id = $1',
          [id],
        )
      )[0]!;
    const listed = async (q: Json) =>
      (await rig.A.ok('appointments.list', q as never, rig.A.adminSid)).items.map((x) => x.id);
    let movedId = '';
    let cancelledId = '';

    it('reassigns an appointment to another field team: the counter pulls it into its team, day list and slots', async () => {
      const admin = rig.A.adminSid;
      const x = await rig.A.ok('customers.open', fakeHousehold(mulberry32(20), 1), admin);
      const a = await rig.A.ok(
        'appointments.book',
        {
          customerId: x.id,
          kind: 'repair',
          team: 'repair',
          date: '2026-03-03',
          slot: 'am',
          notes: '灶具打不着',
        },
        admin,
      );
      movedId = a.id;
      const b = await rig.A.ok(
        'appointments.book',
        { customerId: x.id, kind: 'inspect', team: 'patrol', date: '2026-03-03', slot: 'pm' },
        admin,
      );
      cancelledId = b.id;
      await rig.sync();

      const r = await steer(movedId, { action: 'reassign', team: 'install', reason: '需改管，转安装队' });
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      expect(r.json).toMatchObject({
        recordKind: 'appointment',
        recordNo: a.no,
        hoNo: 1,
        afterStepNo: 0,
        action: 'reassign',
        team: 'install',
        assignee: null,
        statusAfter: 'booked',
      });
      expect(await record(movedId)).toMatchObject({ status: 'booked', step_count: 0 });

      await rig.sync();
      const seen = await rig.A.ok('appointments.get', { id: movedId }, admin);
      expect(seen).toMatchObject({ status: 'booked', team: 'install', date: '2026-03-03', slot: 'am' });
      expect(seen.booked.team).toBe('repair');
      expect(seen.headOffice).toEqual([
        expect.objectContaining({ hoNo: 1, afterStepNo: 0, action: 'reassign', team: 'install' }),
      ]);
      expect(await listed({ date: '2026-03-03', team: 'install' })).toEqual([movedId]);
      expect(await listed({ date: '2026-03-03', team: 'repair' })).toEqual([]);
      const slots = await rig.A.ok('appointments.slots', { date: '2026-03-03' }, admin);
      const taken = (team: string) => slots.slots.find((s) => s.team === team && s.slot === 'am')!.taken;
      expect([taken('install'), taken('repair')]).toEqual([1, 0]);

      // A 改约 after it keeps head office's team and numbers on from the counter's own steps (1).
      const moved = await rig.A.ok(
        'appointments.reschedule',
        { id: movedId, date: '2026-03-04', slot: 'pm', reason: '安装队周三有空' },
        admin,
      );
      expect(moved).toMatchObject({ status: 'rescheduled', team: 'install', date: '2026-03-04' });
      await rig.sync();
      expect(await record(movedId)).toMatchObject({
        status: 'rescheduled',
        step_count: 1,
        data: { team: 'install' },
      });
    });

    it('cancels an appointment: the counter pulls it 已取消, off its day list, and takes no 改约 of it', async () => {
      const admin = rig.A.adminSid;
      const r = await steer(cancelledId, { action: 'close', reason: '客户来电，已自行安检' });
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({
        hoNo: 1,
        afterStepNo: 0,
        action: 'close',
        team: null,
        statusAfter: 'cancelled',
      });
      expect(await record(cancelledId)).toMatchObject({ status: 'cancelled', step_count: 0 });

      expect(await listed({ date: '2026-03-03' })).toContain(cancelledId);
      await rig.sync();
      const seen = await rig.A.ok('appointments.get', { id: cancelledId }, admin);
      expect(seen).toMatchObject({ status: 'cancelled', allowed: [], team: 'patrol', date: '2026-03-03' });
      expect(seen.headOffice).toEqual([
        expect.objectContaining({ action: 'close', reason: '客户来电，已自行安检', by: '总部客服科' }),
      ]);
      expect(await listed({ date: '2026-03-03' })).not.toContain(cancelledId);
      expect(await listed({ date: '2026-03-03', withCancelled: true })).toContain(cancelledId);
      const refused = await rig.A.call(
        'appointments.reschedule',
        { id: cancelledId, date: '2026-03-05', slot: 'am', reason: '再约' },
        admin,
      );
      expect(refused).toMatchObject({ ok: false, error: { code: 'APPOINTMENT_CANCELLED' } });
    });

    it('takes head office’s cancel over a 改约 made offline after it (quarantined, shown superseded)', async () => {
      const admin = rig.A.adminSid;
      const r = await steer(movedId, { action: 'close', reason: '客户已搬走' });
      expect(r.json).toMatchObject({ hoNo: 2, afterStepNo: 1, action: 'close', statusAfter: 'cancelled' });
      // The counter has not pulled yet: it still sees the appointment standing, and moves it (its step 2).
      await rig.A.ok(
        'appointments.reschedule',
        { id: movedId, date: '2026-03-05', slot: 'am', team: 'repair', reason: '改回维修班' },
        admin,
      );
      const run = await rig.A.ok('sync.now', {}, admin);
      expect(run).toMatchObject({ ok: true, quarantined: 1 });
      const [op] = await rig.rows<{ state: string; code: string }>(
        `SELECT o.state, q.code FROM ops o JOIN quarantine q ON q.op_id = o.id
          WHERE o.type = 'appointment.rescheduled' ORDER BY o.seq DESC LIMIT 1`,
      );
      expect(op).toEqual({ state: 'quarantined', code: 'CLOSED_AT_HEAD_OFFICE' });
      expect(await record(movedId)).toMatchObject({ status: 'cancelled', step_count: 1 });

      // Cancelled where it stood before the superseded 改约: head office's team, the day of step 1.
      const seen = await rig.A.ok('appointments.get', { id: movedId }, admin);
      expect(seen).toMatchObject({
        status: 'cancelled',
        allowed: [],
        team: 'install',
        date: '2026-03-04',
        slot: 'pm',
      });
      expect(seen.steps.map((s) => [s.stepNo, s.superseded])).toEqual([
        [1, false],
        [2, true],
      ]);
      expect(await listed({ date: '2026-03-05', withCancelled: true })).not.toContain(movedId);
      expect(await listed({ date: '2026-03-04', withCancelled: true })).toEqual([movedId]);
      expect(await listed({ date: '2026-03-04' })).toEqual([]);
      const slots = await rig.A.ok('appointments.slots', { date: '2026-03-05' }, admin);
      expect(slots.slots.find((s) => s.team === 'repair' && s.slot === 'am')!.taken).toBe(0);
      const refused = await rig.A.call('appointments.cancel', { id: movedId, reason: '重复' }, admin);
      expect(refused).toMatchObject({ ok: false, error: { code: 'APPOINTMENT_CANCELLED' } });
    });

    it('refuses a second cancel, a cancelled appointment reassigned and a team that does not go out', async () => {
      const admin = rig.A.adminSid;
      const before = await record(movedId);
      expect(await steer(movedId, { action: 'close', reason: '再取消一次' })).toMatchObject({
        status: 409,
        json: { code: 'SERVICE_RECORD_CLOSED' },
      });
      expect(await steer(cancelledId, { action: 'reassign', team: 'repair', reason: '改派' })).toMatchObject({
        status: 409,
        json: { code: 'SERVICE_RECORD_CLOSED' },
      });
      const c = await rig.A.ok(
        'appointments.book',
        {
          name: '赵先生',
          phone: '13800004444',
          address: '北街 2 号',
          kind: 'gas_on',
          team: 'repair',
          date: '2026-03-06',
          slot: 'am',
        },
        admin,
      );
      await rig.sync();
      expect(await steer(c.id, { action: 'reassign', team: 'billing', reason: '收费班' })).toMatchObject({
        status: 422,
        json: { code: 'SERVICE_TEAM_INVALID' },
      });
      expect(await record(movedId)).toEqual(before);
      expect((await record(c.id)).data.hoSteps).toBeUndefined();
      await rig.sync();
      expect(await rig.A.ok('appointments.get', { id: c.id }, admin)).toMatchObject({
        team: 'repair',
        status: 'booked',
        headOffice: [],
      });
    });
  });
}

suite('PGlite', true);
if (process.env.DATABASE_URL) suite('PostgreSQL', false);
