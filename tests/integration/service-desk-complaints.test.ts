/**
 * Complaints through the dispatcher on a real SQLite file: every move from every state, allowed ones taken and
 * forbidden ones refused in Chinese with nothing written (a closed complaint changed above all); the time
 * limit per category against a fake clock; the 回访 queue from closed complaints, its outcome and
 * satisfaction; the clerk's to-do.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintAction, ComplaintStatus } from '../../core/domain/service-desk';
import { household } from '../fixtures/sales';
import { type TestCounter, testCounter } from '../support/app';

const caller = { name: '王建华', phone: '13951239876', channel: 'phone' as const };

/** Each action as the clerk's screen calls it. */
const CALLS: Record<ComplaintAction, (id: string) => [string, Record<string, unknown>]> = {
  judge_justified: (id) => ['complaints.judge', { id, justified: true, reason: '经核实属实' }],
  judge_unjustified: (id) => ['complaints.judge', { id, justified: false, reason: '按规定收费，已解释' }],
  hand_over: (id) => ['complaints.handOver', { id, team: 'repair', note: '请尽快上门' }],
  note: (id) => ['complaints.note', { id, note: '已电话催办' }],
  resolve: (id) => ['complaints.resolve', { id, result: '已更换表前阀' }],
  close: (id) => ['complaints.close', { id, told: '电话告知客户处理结果，客户认可' }],
};

/** How to bring a new complaint to each state. */
const PATHS: Record<string, ComplaintAction[]> = {
  recorded: [],
  justified: ['judge_justified'],
  unjustified: ['judge_unjustified'],
  handed_over: ['judge_justified', 'hand_over'],
  resolved: ['judge_justified', 'hand_over', 'resolve'],
  closed: ['judge_justified', 'hand_over', 'resolve', 'close'],
  'closed (不成立)': ['judge_unjustified', 'close'],
};

/** What may be done in each state (the handbook's order; written out here, not read from the code). */
const ALLOWED: Record<string, ComplaintAction[]> = {
  recorded: ['judge_justified', 'judge_unjustified', 'note'],
  justified: ['hand_over', 'note'],
  unjustified: ['note', 'close'],
  handed_over: ['hand_over', 'note', 'resolve'],
  resolved: ['note', 'close'],
  closed: [],
  'closed (不成立)': [],
};
const AFTER: Record<ComplaintAction, ComplaintStatus | 'same'> = {
  judge_justified: 'justified',
  judge_unjustified: 'unjustified',
  hand_over: 'handed_over',
  note: 'same',
  resolve: 'resolved',
  close: 'closed',
};

let t: TestCounter;
let clerk: string;

async function complaintAt(state: string, category = 'repair') {
  const c = await t.ok(
    'complaints.record',
    { ...caller, category: category as 'repair', details: '维修后仍有异味' },
    clerk,
  );
  for (const a of PATHS[state]!) {
    const [op, input] = CALLS[a](c.id);
    await t.ok(op as 'complaints.note', input as never, clerk);
  }
  return c.id;
}

const writes = () => [t.count('complaint_steps'), t.count('followups'), t.count('outbox'), t.count('audit')];

beforeAll(async () => {
  t = await testCounter({ shared: true });
  t.app.sessions.idleLockMinutes = 60 * 24 * 365;
  clerk = await t.login('zhangli');
});

describe('the complaint state machine, through the dispatcher', () => {
  for (const [state, allowed] of Object.entries(ALLOWED))
    for (const action of Object.keys(CALLS) as ComplaintAction[]) {
      const ok = allowed.includes(action);
      it(`${state}: ${action} is ${ok ? 'taken' : 'refused, nothing written'}`, async () => {
        const id = await complaintAt(state);
        const before = await t.ok('complaints.get', { id }, clerk);
        expect([...before.allowed].sort()).toEqual([...allowed].sort());
        const counts = writes();
        const [op, input] = CALLS[action](id);
        if (ok) {
          const after = await t.ok(op as 'complaints.note', input as never, clerk);
          const to = AFTER[action] === 'same' ? before.status : AFTER[action];
          expect(after.status).toBe(to);
          expect(after.steps).toHaveLength(before.steps.length + 1);
          expect(writes()).toEqual([counts[0]! + 1, counts[1], counts[2]! + 1, counts[3]! + 1]);
        } else {
          const e = await t.fails(op, input, clerk);
          expect(e.status).toBe(409);
          expect(e.code).toBe(state.startsWith('closed') ? 'COMPLAINT_CLOSED' : 'COMPLAINT_STEP_NOT_ALLOWED');
          expect(e.message).toMatch(
            state.startsWith('closed') ? /^该投诉已结案，不能再修改/ : /^投诉当前的状态不能办理这一步/,
          );
          expect(writes()).toEqual(counts);
          expect(await t.ok('complaints.get', { id }, clerk)).toEqual(before);
        }
      });
    }

  it('records what each step said: judgement, team, result and what the customer was told', async () => {
    const id = await complaintAt('closed');
    const c = await t.ok('complaints.get', { id }, clerk);
    expect(c).toMatchObject({
      status: 'closed',
      justified: true,
      judgement: '经核实属实',
      team: 'repair',
      result: '已更换表前阀',
      toldCustomer: '电话告知客户处理结果，客户认可',
      party: { customerId: null, name: '王建华', phone: '13951239876' },
    });
    expect(c.no).toMatch(/^0101-01-TS-\d{6}$/);
    expect(c.steps.map((s) => [s.action, s.statusAfter, s.operator.displayName])).toEqual([
      ['judge_justified', 'justified', '张丽'],
      ['hand_over', 'handed_over', '张丽'],
      ['resolve', 'resolved', '张丽'],
      ['close', 'closed', '张丽'],
    ]);
    const unj = await t.ok('complaints.get', { id: await complaintAt('closed (不成立)') }, clerk);
    expect(unj).toMatchObject({
      justified: false,
      judgement: '按规定收费，已解释',
      team: null,
      result: null,
    });
    expect(() => t.app.gdb.sqlite.prepare('DELETE FROM complaint_steps').run()).toThrow(/append-only/);
  });

  it('hands over again to another team while it is with one', async () => {
    const id = await complaintAt('handed_over');
    const c = await t.ok('complaints.handOver', { id, team: 'patrol', note: '系庭院管网问题' }, clerk);
    expect(c).toMatchObject({ status: 'handed_over', team: 'patrol' });
  });

  it('refuses bad input in Chinese, naming the field', async () => {
    const id = await complaintAt('recorded');
    const msgs = async (op: string, input: object) =>
      (await t.fails(op, input, clerk)).issues?.map((i) => [i.path.join('.'), i.message]);
    expect(await msgs('complaints.judge', { id, justified: true, reason: '' })).toEqual([
      ['reason', '请填写判定理由'],
    ]);
    expect(await msgs('complaints.handOver', { id, team: '维修' })).toEqual([['team', '请选择转交的班组']]);
    expect(await msgs('complaints.record', { ...caller, category: 'x', details: '有' })).toEqual([
      ['category', '请选择投诉类别'],
    ]);
    expect(await msgs('complaints.close', { id, told: ' ' })).toEqual([['told', '请填写告知客户的内容']]);
    expect(
      (await t.fails('complaints.note', { id: '0190a000-0000-7000-8000-000000000000', note: '1' }, clerk))
        .code,
    ).toBe('NOT_FOUND');
  });
});

describe('time limits and 回访', () => {
  it('is overdue past its category’s limit (a fake clock), shown on the clerk’s to-do until closed', async () => {
    const c = await testCounter();
    c.app.sessions.idleLockMinutes = 60 * 24;
    const sid = await c.login('zhangli');
    const x = await household(c);
    const safety = await c.ok(
      'complaints.record',
      { customerId: x.id, channel: 'window', category: 'safety', details: '楼道有燃气味' },
      sid,
    );
    const service = await c.ok(
      'complaints.record',
      { customerId: x.id, channel: 'window', category: 'service', details: '排队太久' },
      sid,
    );
    expect(Date.parse(safety.dueAt) - Date.parse(safety.createdAt)).toBe(4 * 3_600_000);
    expect(Date.parse(service.dueAt) - Date.parse(service.createdAt)).toBe(120 * 3_600_000);
    c.clock.advanceMinutes(4 * 60);
    expect((await c.ok('serviceDesk.todo', {}, sid)).overdueComplaints).toEqual([]);
    c.clock.advanceMinutes(1);
    const todo = await c.ok('serviceDesk.todo', {}, sid);
    expect(todo.overdueComplaints.map((k) => k.id)).toEqual([safety.id]);
    expect(todo.openComplaints).toBe(2);
    expect((await c.ok('complaints.list', { overdueOnly: true }, sid)).items.map((k) => k.id)).toEqual([
      safety.id,
    ]);
    const other = await c.ok('complaints.record', { ...caller, category: 'other', details: '咨询' }, sid);
    expect(
      (await c.ok('complaints.list', { customerId: x.id, open: false }, sid)).items.map((k) => k.id).sort(),
    ).toEqual([safety.id, service.id].sort());
    expect((await c.ok('complaints.list', {}, sid)).items.map((k) => k.id)).toContain(other.id);
    // Overdue first in the open list (of this household: the caller's is not its).
    expect((await c.ok('complaints.list', { customerId: x.id }, sid)).items.map((k) => k.id)).toEqual([
      safety.id,
      service.id,
    ]);
    await c.ok('complaints.judge', { id: safety.id, justified: true, reason: '属实' }, sid);
    await c.ok('complaints.handOver', { id: safety.id, team: 'repair' }, sid);
    await c.ok('complaints.resolve', { id: safety.id, result: '已处理' }, sid);
    await c.ok('complaints.close', { id: safety.id, told: '已告知' }, sid);
    const after = await c.ok('serviceDesk.todo', {}, sid);
    expect(after.overdueComplaints).toEqual([]);
    expect(after.followupsDue.map((k) => k.id)).toEqual([safety.id]);
  });

  it('queues closed complaints for 回访: not reached stays, reached with satisfaction ends it, once', async () => {
    const c = await testCounter();
    const sid = await c.login('zhangli');
    const open = await c.ok('complaints.record', { ...caller, category: 'billing', details: '多收费' }, sid);
    expect(
      (
        await c.fails(
          'followups.record',
          { complaintId: open.id, outcome: 'reached', satisfaction: 'satisfied' },
          sid,
        )
      ).message,
    ).toBe('投诉还没有结案，结案（把结果告知客户）之后才能回访。');
    await c.ok('complaints.judge', { id: open.id, justified: false, reason: '按价目表收费' }, sid);
    const closed = await c.ok('complaints.close', { id: open.id, told: '解释了收费依据' }, sid);
    expect(Date.parse(closed.followupDueAt!) - Date.parse(closed.closedAt!)).toBe(72 * 3_600_000);
    expect((await c.ok('followups.queue', {}, sid)).items.map((k) => k.id)).toEqual([open.id]);
    const noSat = await c.fails('followups.record', { complaintId: open.id, outcome: 'reached' }, sid);
    expect(noSat.issues).toEqual([
      { path: ['satisfaction'], code: 'REQUIRED', message: '联系上客户的回访请选择满意度' },
    ]);
    const missed = await c.ok(
      'followups.record',
      { complaintId: open.id, outcome: 'unreachable', text: '无人接听' },
      sid,
    );
    expect(missed).toMatchObject({
      followupDone: false,
      followups: [{ outcome: 'unreachable', satisfaction: null }],
    });
    expect((await c.ok('followups.queue', {}, sid)).items).toHaveLength(1);
    const done = await c.ok(
      'followups.record',
      { complaintId: open.id, outcome: 'reached', satisfaction: 'basically_satisfied', text: '客户表示理解' },
      sid,
    );
    expect(done).toMatchObject({ status: 'closed', followupDone: true });
    expect((await c.ok('followups.queue', {}, sid)).items).toEqual([]);
    const again = await c.fails(
      'followups.record',
      { complaintId: open.id, outcome: 'reached', satisfaction: 'satisfied' },
      sid,
    );
    expect(again).toMatchObject({ code: 'FOLLOWUP_ALREADY_DONE' });
    expect(c.count('followups')).toBe(2);
    expect(c.count("outbox WHERE type = 'followup.recorded'")).toBe(2);
  });
});
