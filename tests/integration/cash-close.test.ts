/**
 * 交班 beyond the tolerance (settings: shiftTolerance, default 10 元) needs a supervisor's approval; a supervisor
 * closes a shift its cashier left open, with the count they typed, and the shift names who closed it.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../services/setup/demo';
import { testCounter } from '../support/app';
import { APPROVAL, payFees, staffIdOf, writes } from './cash-helpers';

const lastOp = (t: Awaited<ReturnType<typeof testCounter>>) =>
  t.app.gdb.sqlite
    .prepare(
      `SELECT o.type, o.operator_id AS operatorId, o.approver_id AS approverId, o.payload, a.summary, a.reason
       FROM outbox o JOIN audit a ON a.op_seq = o.seq ORDER BY o.seq DESC`,
    )
    .get() as {
    type: string;
    operatorId: string;
    approverId: string | null;
    payload: string;
    summary: string;
    reason: string | null;
  };

describe('a shift difference above the tolerance', () => {
  it('is refused without a supervisor’s approval, writing nothing, and closes with it', async () => {
    const t = await testCounter({ households: 1 });
    const cashier = await t.login('wangfang');
    await t.ok('shifts.open', { float: 10_000 }, cashier);
    const close = { counted: 8_000, note: '少了二十元' };

    const w = writes(t);
    const refused = await t.fails('shifts.close', close, cashier);
    expect(refused).toMatchObject({ code: 'SHIFT_DIFFERENCE_APPROVAL', status: 403 });
    expect(refused.issues?.[0]).toMatchObject({
      path: ['approval'],
      message: '短款 ¥20.00，超过允许范围 ¥10.00，须班长审批',
    });
    const own = { username: 'wangfang', password: DEMO_PASSWORD }; // nobody approves their own close
    expect((await t.fails('shifts.close', { ...close, approval: own }, cashier)).code).toBe('APPROVAL_SELF');
    const clerk = { username: 'zhangli', password: DEMO_PASSWORD }; // a 客服员 may not approve
    expect((await t.fails('shifts.close', { ...close, approval: clerk }, cashier)).code).toBe(
      'APPROVAL_INVALID',
    );
    expect(writes(t)).toEqual(w);
    // A wrong password is refused too; the approval primitive audits the failed attempt, nothing else is written.
    const wrong = { username: 'liuqiang', password: 'not-the-password' };
    expect((await t.fails('shifts.close', { ...close, approval: wrong }, cashier)).code).toBe(
      'APPROVAL_INVALID',
    );
    expect(t.count('outbox')).toBe(w[0]);
    expect((await t.ok('shifts.current', {}, cashier)).shift?.status).toBe('open');

    const r = await t.ok('shifts.close', { ...close, approval: APPROVAL }, cashier);
    expect(r.shift).toMatchObject({
      status: 'closed',
      difference: -2_000,
      closedBy: { id: staffIdOf(t, 'wangfang'), displayName: '王芳' },
      approvedBy: { id: staffIdOf(t, 'liuqiang'), displayName: '刘强' },
    });
    const op = lastOp(t);
    expect(op).toMatchObject({
      type: 'shift.closed',
      operatorId: staffIdOf(t, 'wangfang'),
      approverId: staffIdOf(t, 'liuqiang'),
      reason: '少了二十元',
    });
    expect(op.summary).toBe('交班：应有现金 ¥100.00，实点 ¥80.00，短款 ¥20.00，审批人 刘强');
    expect(JSON.parse(op.payload).shift.approvedBy.displayName).toBe('刘强');
  });

  it('closes up to the tolerance itself (an approval given anyway is not recorded), and follows the setting', async () => {
    const t = await testCounter({ households: 1 });
    const cashier = await t.login('wangfang');
    const admin = await t.login('admin');
    expect(await t.ok('settings.get', {}, cashier)).toMatchObject({ shiftTolerance: 1_000 });
    await t.ok('shifts.open', { float: 10_000 }, cashier);
    const exact = await t.ok(
      'shifts.close',
      { counted: 11_000, note: '多十元', approval: APPROVAL },
      cashier,
    );
    expect(exact.shift).toMatchObject({ difference: 1_000, approvedBy: null });
    expect(lastOp(t).approverId).toBeNull();

    expect((await t.fails('settings.update', { shiftTolerance: 0 }, cashier)).code).toBe('PERMISSION_DENIED');
    expect((await t.fails('settings.update', { shiftTolerance: -1 }, admin)).code).toBe('VALIDATION_FAILED');
    expect(await t.ok('settings.update', { shiftTolerance: 0 }, admin)).toEqual({
      idleLockMinutes: 10,
      shiftTolerance: 0,
    });
    const op = lastOp(t);
    expect(JSON.parse(op.payload)).toEqual({ v: 3, idleLockMinutes: 10, shiftTolerance: 0 });
    await t.ok('shifts.open', { float: 10_000 }, cashier);
    const oneFen = { counted: 9_999, note: '少一分' };
    expect((await t.fails('shifts.close', oneFen, cashier)).code).toBe('SHIFT_DIFFERENCE_APPROVAL');
    expect(
      (await t.ok('shifts.close', { ...oneFen, approval: APPROVAL }, cashier)).shift.approvedBy,
    ).not.toBeNull();
  });
});

describe('a supervisor closes a shift its cashier left open', () => {
  it('with the count the supervisor typed; the shift names its closer; a cashier may not', async () => {
    const t = await testCounter({ households: 1 });
    const cashier = await t.login('wangfang');
    const sup = await t.login('liuqiang');
    const left = await t.ok('shifts.open', { float: 10_000 }, cashier);
    await payFees(t, cashier, [{ name: '换表', qty: 1 }], (due) => [{ method: 'cash', amount: due }]);
    const supShift = await t.ok('shifts.open', { float: 0 }, sup);

    const w = writes(t);
    const byCashier = await t.fails('shifts.close', { shiftId: supShift.id, counted: 0 }, cashier);
    expect(byCashier.code).toBe('PERMISSION_DENIED');
    const unknown = '01900000-0000-7000-8000-000000000000';
    expect((await t.fails('shifts.close', { shiftId: unknown, counted: 0 }, sup)).code).toBe('NOT_FOUND');
    expect((await t.fails('shifts.close', { shiftId: left.id, counted: 22_000 }, sup)).code).toBe(
      'NOTE_REQUIRED',
    );
    expect(writes(t)).toEqual(w);

    // 30 元 short: above the tolerance, and the supervisor's own close — no second approver.
    const r = await t.ok(
      'shifts.close',
      { shiftId: left.id, counted: 22_000, note: '收费员已下班，班长清点' },
      sup,
    );
    expect(r.shift).toMatchObject({
      id: left.id,
      operator: { displayName: '王芳' },
      status: 'closed',
      expected: 25_000,
      counted: 22_000,
      difference: -3_000,
      closedBy: { id: staffIdOf(t, 'liuqiang'), displayName: '刘强' },
      approvedBy: null,
    });
    const op = lastOp(t);
    expect(op).toMatchObject({
      type: 'shift.closed',
      operatorId: staffIdOf(t, 'liuqiang'),
      approverId: null,
    });
    expect(op.summary).toBe('代为交班（王芳 的班次，班长清点）：应有现金 ¥250.00，实点 ¥220.00，短款 ¥30.00');
    // The supervisor's own shift is still open; the cashier has none and cannot close it twice.
    expect((await t.ok('shifts.current', {}, sup)).shift?.id).toBe(supShift.id);
    expect((await t.ok('shifts.current', {}, cashier)).shift).toBeNull();
    expect((await t.fails('shifts.close', { counted: 22_000 }, cashier)).code).toBe('SHIFT_ALREADY_CLOSED');
    expect((await t.fails('shifts.close', { shiftId: left.id, counted: 22_000 }, sup)).code).toBe(
      'SHIFT_ALREADY_CLOSED',
    );
    const listed = (await t.ok('shifts.list', {}, sup)).items.find((s) => s.id === left.id);
    expect(listed?.closedBy?.displayName).toBe('刘强');
    await t.ok('shifts.close', { counted: 0 }, sup);
    expect((await t.ok('days.close', { businessDate: '2026-11-26' }, sup)).closed).toBe(true);
  });
});
