/**
 * 预约上门 at head office (PGlite): a counter's booking, its 改约 and its 取消 are applied to the hall's service
 * records as the counter pushes them; a counter of another hall may not name the hall's customer or move its
 * appointment (FOREIGN_HALL), and a step that does not follow the last, or that moves a cancelled
 * appointment, is quarantined — nothing applied.
 */
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../core/ids';
import type { AppointmentStepType } from '../../core/sync/ops/appointment-ops';
import { fakeHousehold, mulberry32 } from '../../services/setup/fake-households';
import { enrollDevice } from '../sim/bench-push';
import { chainOps } from '../sim/synthetic-ops';
import { forgedOp, serviceSyncRig } from '../support/service-sync';
import { signed } from '../support/signed';

const rig = serviceSyncRig('gasdesk-appt-sync-');

describe('appointments at head office', () => {
  let appointmentId = '';
  let appointmentNo = '';
  let customerId = '';

  it('applies a booking, its 改约 and its 取消 to the hall’s service records', async () => {
    const admin = rig.A.adminSid;
    const x = await rig.A.ok('customers.open', fakeHousehold(mulberry32(12), 1), admin);
    customerId = x.id;
    const a = await rig.A.ok(
      'appointments.book',
      { customerId: x.id, kind: 'meter_change', team: 'repair', date: '2026-03-03', slot: 'am' },
      admin,
    );
    appointmentId = a.id;
    appointmentNo = a.no;
    await rig.A.ok(
      'appointments.reschedule',
      { id: a.id, date: '2026-03-04', slot: 'pm', team: 'install', reason: '客户周二不在家' },
      admin,
    );
    await rig.A.ok('appointments.cancel', { id: a.id, reason: '表已自行更换' }, admin);
    await rig.sync();
    const [held] = await rig.rows<{
      kind: string;
      no: string;
      status: string;
      step_count: number;
      data: { date: string; slot: string; team: string; steps: { action: string; reason: string }[] };
    }>('SELECT kind, no, status, step_count, data FROM service_records WHERE id = $1', [a.id]);
    expect(held).toMatchObject({ kind: 'appointment', no: a.no, status: 'cancelled', step_count: 2 });
    expect(held!.data).toMatchObject({ date: '2026-03-04', slot: 'pm', team: 'install', customerId: x.id });
    expect(held!.data.steps.map((s) => [s.action, s.reason])).toEqual([
      ['reschedule', '客户周二不在家'],
      ['cancel', '表已自行更换'],
    ]);
    const states = await rig.rows<{ state: string }>("SELECT state FROM ops WHERE type LIKE 'appointment.%'");
    expect(states.map((s) => s.state)).toEqual(['applied', 'applied', 'applied']);
  });

  it('refuses another hall’s counter, a step out of order, and a cancelled appointment moved', async () => {
    rig.realTime = true;
    const stranger = await enrollDevice(rig.ho, '0102', '01');
    const neighbour = await enrollDevice(rig.ho, '0101', '09');
    const op = uuidv7(Date.now());
    const booking = {
      id: uuidv7(Date.now()),
      no: '0102-01-YY-000001',
      kind: 'repair' as const,
      customerId,
      accountNo: null,
      name: '某人',
      phone: '13951230000',
      address: '',
      notes: '',
      date: '2026-03-05',
      slot: 'am' as const,
      team: 'repair' as const,
    };
    const move = (stepNo: number, dev: { counterId: string }) =>
      forgedOp<AppointmentStepType>(
        'appointment.rescheduled',
        {
          appointmentId,
          stepNo,
          action: 'reschedule',
          statusAfter: 'rescheduled',
          date: '2026-03-06',
          slot: 'pm',
          team: 'repair',
          reason: '再约',
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
        forgedOp('appointment.booked', booking, op, stranger.counterId),
        move(3, stranger),
      ]),
    ).toEqual([
      ['FOREIGN_HALL', expect.stringMatching(/不属于本网点/)],
      ['FOREIGN_HALL', expect.stringMatching(new RegExp(`^预约 ${appointmentNo} 不属于本网点`))],
    ]);
    expect(await push(neighbour, [move(2, neighbour), move(3, neighbour)])).toEqual([
      ['STEP_OUT_OF_ORDER', expect.stringMatching(/第 2 步不接续总部所记的第 2 步/)],
      ['STEP_OUT_OF_ORDER', expect.stringMatching(/当前为 cancelled，不能 reschedule/)],
    ]);
    const [a] = await rig.rows<{ step_count: number; status: string }>(
      'SELECT step_count, status FROM service_records WHERE id = $1',
      [appointmentId],
    );
    expect(a).toEqual({ step_count: 2, status: 'cancelled' });
    expect(await rig.rows('SELECT id FROM service_records WHERE id = $1', [booking.id])).toEqual([]);
  });
});
