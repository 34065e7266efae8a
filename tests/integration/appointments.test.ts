/**
 * 预约上门 through the dispatcher on a real SQLite file: a booking into a field team's slot with its readable
 * number, ledger operation and audit entry; 改约 and 取消 as new steps (every allowed and forbidden move); the
 * slot's capacity; a slot that has ended against a fake clock; one effect however often a request arrives;
 * bad input refused in Chinese with nothing written; the day's list per team.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SLOT_CAPACITY } from '../../core/domain/appointments';
import { cashierWithShift, household } from '../fixtures/sales';
import { type TestCounter, testCounter } from '../support/app';

// The fake clock starts at 2026-11-26 09:00 (Asia/Shanghai).
const TODAY = '2026-11-26';
const TOMORROW = '2026-11-27';

const writes = (t: TestCounter) => [
  t.count('appointments'),
  t.count('appointment_steps'),
  t.count('outbox'),
  t.count('audit'),
];

const caller = {
  name: '王建国',
  phone: '13951230002',
  address: '牛山街道翠湖观邸5栋1单元302',
};
const visit = {
  ...caller,
  kind: 'gas_on' as const,
  team: 'repair' as const,
  date: TOMORROW,
  slot: 'am' as const,
  notes: '新装灶具，需通气点火',
};

describe('appointments (预约上门)', () => {
  it('books a customer of the file and a prospective one, numbered per counter, with ledger and audit', async () => {
    const t = await testCounter();
    const clerk = await t.login('zhangli');
    const c = await household(t);
    const before = writes(t);
    const a = await t.ok(
      'appointments.book',
      { customerId: c.id, kind: 'inspect', team: 'patrol', date: TODAY, slot: 'pm' },
      clerk,
    );
    expect(a).toMatchObject({
      no: '0101-01-YY-000001',
      kind: 'inspect',
      party: {
        customerId: c.id,
        accountNo: c.accountNo,
        name: c.name,
        phone: c.phone,
        address: c.fullAddress,
      },
      date: TODAY,
      slot: 'pm',
      team: 'patrol',
      status: 'booked',
      allowed: ['reschedule', 'cancel'],
      booked: { date: TODAY, slot: 'pm', team: 'patrol' },
      steps: [],
      notes: '',
      operator: { displayName: '张丽' },
    });
    const b = await t.ok('appointments.book', visit, clerk);
    expect(b).toMatchObject({
      no: '0101-01-YY-000002',
      party: { customerId: null, accountNo: null, ...caller },
      notes: visit.notes,
    });
    expect(writes(t)).toEqual([before[0]! + 2, before[1], before[2]! + 2, before[3]! + 2]);
    const ops = t.app.gdb.sqlite
      .prepare(
        "SELECT entity_type AS e, entity_id AS id, payload FROM outbox WHERE type = 'appointment.booked' ORDER BY seq",
      )
      .all() as { e: string; id: string; payload: string }[];
    expect(ops.map((o) => [o.e, o.id])).toEqual([
      ['appointment', a.id],
      ['appointment', b.id],
    ]);
    expect(JSON.parse(ops[1]!.payload)).toMatchObject({ v: 1, no: b.no, kind: 'gas_on', team: 'repair' });
    const audit = t.app.gdb.sqlite
      .prepare("SELECT summary FROM audit WHERE action = 'appointment.booked' ORDER BY rowid")
      .all() as { summary: string }[];
    expect(audit[1]!.summary).toBe(
      `预约上门 ${b.no}：通气，通气维修班 ${TOMORROW} 上午，王建国（13951230002）`,
    );
    // The day's list (per team), the household's, after a restart.
    t.restart();
    const sid = await t.login('zhangli');
    expect((await t.ok('appointments.list', { date: TODAY }, sid)).items.map((x) => x.no)).toEqual([a.no]);
    expect((await t.ok('appointments.list', { date: TOMORROW, team: 'patrol' }, sid)).items).toEqual([]);
    expect(
      (await t.ok('appointments.list', { date: TOMORROW, team: 'repair' }, sid)).items.map((x) => x.id),
    ).toEqual([b.id]);
    expect((await t.ok('appointments.list', {}, sid)).items.map((x) => x.id)).toEqual([a.id]); // today by default
    expect((await t.ok('appointments.list', { customerId: c.id }, sid)).items.map((x) => x.id)).toEqual([
      a.id,
    ]);
    expect(await t.ok('appointments.get', { id: b.id }, sid)).toEqual(b);
  });

  it('reschedules and cancels as new steps; a cancelled appointment is final', async () => {
    const t = await testCounter();
    const clerk = await t.login('zhangli');
    const a = await t.ok('appointments.book', visit, clerk);
    // booked → rescheduled (another day and team) → rescheduled (same team, other slot) → cancelled.
    const r1 = await t.ok(
      'appointments.reschedule',
      { id: a.id, date: '2026-11-28', slot: 'pm', team: 'install', reason: '客户周五不在家' },
      clerk,
    );
    expect(r1).toMatchObject({
      status: 'rescheduled',
      date: '2026-11-28',
      slot: 'pm',
      team: 'install',
      booked: { date: TOMORROW, slot: 'am', team: 'repair' },
      allowed: ['reschedule', 'cancel'],
      steps: [{ action: 'reschedule', statusAfter: 'rescheduled', reason: '客户周五不在家' }],
    });
    const r2 = await t.ok(
      'appointments.reschedule',
      { id: a.id, date: '2026-11-28', slot: 'am', reason: '改上午' },
      clerk,
    );
    expect(r2).toMatchObject({ status: 'rescheduled', slot: 'am', team: 'install' });
    expect((await t.ok('appointments.list', { date: TOMORROW }, clerk)).items).toEqual([]);
    expect((await t.ok('appointments.list', { date: '2026-11-28' }, clerk)).items.map((x) => x.id)).toEqual([
      a.id,
    ]);
    const gone = await t.ok('appointments.cancel', { id: a.id, reason: '客户已自行找人安装' }, clerk);
    expect(gone).toMatchObject({
      status: 'cancelled',
      allowed: [],
      date: '2026-11-28',
      slot: 'am',
      team: 'install',
    });
    expect(gone.steps.map((s) => [s.action, s.statusAfter, s.reason])).toEqual([
      ['reschedule', 'rescheduled', '客户周五不在家'],
      ['reschedule', 'rescheduled', '改上午'],
      ['cancel', 'cancelled', '客户已自行找人安装'],
    ]);
    expect((await t.ok('appointments.list', { date: '2026-11-28' }, clerk)).items).toEqual([]);
    expect(
      (await t.ok('appointments.list', { date: '2026-11-28', withCancelled: true }, clerk)).items.map(
        (x) => x.status,
      ),
    ).toEqual(['cancelled']);
    // Cancelled: neither moved nor cancelled again, nothing written.
    const before = writes(t);
    for (const [op, input] of [
      ['appointments.reschedule', { id: a.id, date: '2026-11-29', slot: 'am', reason: '又要了' }],
      ['appointments.cancel', { id: a.id, reason: '再取消' }],
    ] as const) {
      expect(await t.fails(op, input, clerk)).toMatchObject({
        code: 'APPOINTMENT_CANCELLED',
        message: '该预约已取消，不能再改约或取消；如客户仍需上门，请重新预约。',
      });
    }
    expect(writes(t)).toEqual(before);
    // The booking row itself is never edited: both tables refuse an update.
    expect(() => t.app.gdb.sqlite.prepare("UPDATE appointments SET notes = 'x'").run()).toThrow(
      /append-only/,
    );
    expect(() => t.app.gdb.sqlite.prepare('DELETE FROM appointment_steps').run()).toThrow(/append-only/);
    const types = t.app.gdb.sqlite
      .prepare('SELECT type FROM outbox WHERE entity_id = ? ORDER BY seq')
      .all(a.id) as { type: string }[];
    expect(types.map((x) => x.type)).toEqual([
      'appointment.booked',
      'appointment.rescheduled',
      'appointment.rescheduled',
      'appointment.cancelled',
    ]);
  });

  it('fills a team’s slot to its capacity and refuses one more; a cancellation frees a place', async () => {
    const t = await testCounter();
    const clerk = await t.login('zhangli');
    const cap = DEFAULT_SLOT_CAPACITY.install;
    const booked = [];
    for (let i = 0; i < cap; i++)
      booked.push(
        await t.ok('appointments.book', { ...visit, team: 'install', phone: `1395123010${i}` }, clerk),
      );
    const slots = await t.ok('appointments.slots', { date: TOMORROW }, clerk);
    expect(slots.slots.find((s) => s.team === 'install' && s.slot === 'am')).toEqual({
      team: 'install',
      slot: 'am',
      capacity: cap,
      taken: cap,
      past: false,
    });
    const before = writes(t);
    const full = await t.fails('appointments.book', { ...visit, team: 'install' }, clerk);
    expect(full.issues).toEqual([
      {
        path: ['slot'],
        code: 'SLOT_FULL',
        message: `安装队 ${TOMORROW} 上午已约满（${cap} 户），请换一个时段或班组`,
      },
    ]);
    // Another team's slot, or the afternoon, still has room.
    const other = await t.ok('appointments.book', { ...visit, team: 'repair' }, clerk);
    // Moving into the full slot is refused too; moving within it (same appointment) is not counted twice.
    expect(
      (
        await t.fails(
          'appointments.reschedule',
          { id: other.id, date: TOMORROW, slot: 'am', team: 'install', reason: '换队' },
          clerk,
        )
      ).issues?.[0]?.code,
    ).toBe('SLOT_FULL');
    await t.ok(
      'appointments.reschedule',
      { id: booked[0]!.id, date: TOMORROW, slot: 'am', reason: '确认时间' },
      clerk,
    );
    expect(writes(t)).toEqual([before[0]! + 1, before[1]! + 1, before[2]! + 2, before[3]! + 2]);
    await t.ok('appointments.cancel', { id: booked[1]!.id, reason: '客户取消' }, clerk);
    await t.ok('appointments.book', { ...visit, team: 'install' }, clerk);
  });

  it('refuses a slot that has ended (a fake clock), in Chinese, writing nothing', async () => {
    const t = await testCounter();
    let clerk = await t.login('zhangli');
    // 09:00: this morning is still open.
    const a = await t.ok('appointments.book', { ...visit, date: TODAY }, clerk);
    t.clock.advanceMinutes(3 * 60); // 12:00: the morning has ended
    clerk = await t.login('zhangli'); // the idle session has expired by then
    const before = writes(t);
    expect((await t.fails('appointments.book', { ...visit, date: TODAY }, clerk)).issues).toEqual([
      { path: ['slot'], code: 'SLOT_PAST', message: `${TODAY} 上午已经过去，不能预约；请选择之后的时段` },
    ]);
    expect(
      (await t.fails('appointments.book', { ...visit, date: '2026-11-25', slot: 'pm' }, clerk)).issues,
    ).toEqual([
      { path: ['date'], code: 'SLOT_PAST', message: '2026-11-25 下午已经过去，不能预约；请选择之后的时段' },
    ]);
    expect(
      (await t.fails('appointments.reschedule', { id: a.id, date: TODAY, slot: 'am', reason: '改' }, clerk))
        .issues?.[0]?.code,
    ).toBe('SLOT_PAST');
    expect(writes(t)).toEqual(before);
    const slots = await t.ok('appointments.slots', { date: TODAY }, clerk);
    expect(slots.today).toBe(TODAY);
    expect(slots.slots.filter((s) => s.team === 'repair').map((s) => [s.slot, s.past, s.taken])).toEqual([
      ['am', true, 1],
      ['pm', false, 0],
    ]);
    // An appointment whose slot has passed can still be cancelled (the visit did not happen).
    await t.ok('appointments.cancel', { id: a.id, reason: '客户未在家，未能上门' }, clerk);
    await t.ok('appointments.book', { ...visit, date: TODAY, slot: 'pm' }, clerk);
  });

  it('has one effect however often a request arrives', async () => {
    const t = await testCounter();
    const clerk = await t.login('zhangli');
    const requestId = randomUUID();
    const first = await t.d.invoke('appointments.book', { ...visit, requestId }, { sessionId: clerk });
    const again = await t.d.invoke('appointments.book', { ...visit, requestId }, { sessionId: clerk });
    expect(first.ok && again.ok).toBe(true);
    expect(again).toMatchObject({ replayed: true, result: first.ok ? first.result : null });
    const id = first.ok ? (first.result as { id: string }).id : '';
    const cancelId = randomUUID();
    for (let i = 0; i < 2; i++)
      await t.d.invoke(
        'appointments.cancel',
        { id, reason: '取消', requestId: cancelId },
        { sessionId: clerk },
      );
    expect(t.count('appointments')).toBe(1);
    expect(t.count('appointment_steps')).toBe(1);
    expect(t.count("outbox WHERE type LIKE 'appointment.%'")).toBe(2);
  });

  it('refuses bad input in Chinese, naming the field, and writes nothing', async () => {
    const t = await testCounter();
    const clerk = await t.login('zhangli');
    const cashier = await cashierWithShift(t);
    const before = writes(t);
    const issues = async (input: unknown) => {
      const e = await t.fails('appointments.book', input, clerk);
      return e.issues?.map((i) => [i.path.join('.'), i.message]);
    };
    const { name: _n, phone: _p, ...nobody } = visit;
    expect(await issues(nobody)).toEqual([
      ['name', '请选择用户，或填写客户姓名'],
      ['phone', '请选择用户，或填写联系电话'],
    ]);
    expect(await issues({ ...visit, team: 'billing' })).toEqual([
      ['team', '没有这个上门班组（巡线班、通气维修班、安装队）'],
    ]);
    expect(await issues({ ...visit, kind: 'paint' })).toEqual([
      ['kind', '请选择上门事项（安装、通气、维修、安检、换表）'],
    ]);
    expect(await issues({ ...visit, slot: 'night' })).toEqual([['slot', '请选择预约时段（上午或下午）']]);
    expect(await issues({ ...visit, date: '2026-02-30' })).toEqual([['date', '预约日期不是有效日期']]);
    const a = await t.ok('appointments.book', visit, clerk);
    const after = writes(t);
    expect(
      (await t.fails('appointments.cancel', { id: a.id, reason: ' ' }, clerk)).issues?.[0]?.path,
    ).toEqual(['reason']);
    expect(
      (await t.fails('appointments.reschedule', { id: a.id, date: TOMORROW, slot: 'pm' }, clerk)).issues?.[0]
        ?.path,
    ).toEqual(['reason']);
    expect((await t.fails('appointments.cancel', { id: randomUUID(), reason: '取消' }, clerk)).code).toBe(
      'NOT_FOUND',
    );
    expect((await t.fails('appointments.book', { ...visit, customerId: randomUUID() }, clerk)).code).toBe(
      'CUSTOMER_NOT_FOUND',
    );
    expect((await t.fails('appointments.book', visit, cashier)).code).toBe('PERMISSION_DENIED');
    expect(writes(t)).toEqual(after);
    expect(after).toEqual([before[0]! + 1, before[1], before[2]! + 1, before[3]! + 1]);
  });
});
