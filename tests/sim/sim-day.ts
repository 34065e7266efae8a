/**
 * One working day of one simulated counter: the cashier opens a shift, serves customers with a realistic mix
 * (gas by volume and by money, fees, new households, phone changes, reversals, cash movements), makes the
 * conflicting changes the plan assigns to it, and closes the shift. Refusals the business rules make (a
 * limit, a closed account) are part of the day; anything else fails the simulation.
 */
import { dayIn, nextDate } from '../../core/business-day';
import type { OpName } from '../../core/contract';
import { fakeHousehold } from '../../services/setup/fake-households';
import { type SimCounter, SIM_APPROVAL } from './sim-counter';
import { PNG_1PX } from '../support/attachments';
import { withRequestId } from '../support/request-id';

export interface Injection {
  readonly day: number;
  readonly customerId: string;
  readonly field: 'householdSize' | 'status';
  /** The counters (indexes) that change the field, each to its own value. */
  readonly counters: readonly number[];
}

export interface DayContext {
  readonly rand: () => number;
  readonly day: number;
  readonly date: string;
  readonly shared: readonly string[];
  readonly local: string[];
  readonly opsPerDay: number;
  readonly injections: readonly Injection[];
  /** Households opened so far by this counter (their fake-household index comes from a per-counter range). */
  opened: number;
  refusals: Map<string, number>;
}

const EXPECTED_REFUSALS = new Set([
  'CUSTOMER_NOT_ACTIVE',
  'LIMIT_EXCEEDED',
  'HAZARD_APPROVAL_REQUIRED',
  'ALREADY_REVERSED',
  'BALANCE_ALREADY_USED',
  'NOT_REVERSIBLE',
  'CASH_OUT_EXCEEDS_DRAWER',
  'ILLEGAL_STATUS_TRANSITION',
  'NOTHING_CHANGED',
]);

const APPROVAL = SIM_APPROVAL;

async function attempt(
  c: SimCounter,
  ctx: DayContext,
  op: OpName,
  input: unknown,
  sid: string,
): Promise<unknown> {
  const r = await c.d.invoke(op, withRequestId(op, input), { sessionId: sid });
  if (r.ok) return r.result;
  if (!EXPECTED_REFUSALS.has(r.error.code))
    throw new Error(`counter ${c.code} ${op}: ${JSON.stringify(r.error)}`);
  ctx.refusals.set(r.error.code, (ctx.refusals.get(r.error.code) ?? 0) + 1);
  return undefined;
}

function pick<T>(rand: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)]!;
}

function tender(ctx: DayContext, amount: number) {
  return ctx.rand() < 0.7
    ? { method: 'cash' as const, amount }
    : { method: 'wechat' as const, amount, reference: `WX${Math.floor(ctx.rand() * 1e12)}` };
}

async function sell(
  c: SimCounter,
  ctx: DayContext,
  customerId: string,
  byMoney: boolean,
): Promise<string | null> {
  const purchase = byMoney
    ? { customerId, by: 'money' as const, money: (50 + Math.floor(ctx.rand() * 20) * 10) * 100 + 33 }
    : { customerId, by: 'volume' as const, volume: (5 + Math.floor(ctx.rand() * 30)) * 100 };
  const q = (await attempt(c, ctx, 'sales.quote', purchase, c.cashierSid)) as
    | { amountDue: number; approvalReasons: unknown[] }
    | undefined;
  if (!q) return null;
  const sale = (await attempt(
    c,
    ctx,
    'sales.sellGas',
    {
      purchase,
      expectedAmountDue: q.amountDue,
      tenders: q.amountDue > 0 ? [tender(ctx, q.amountDue)] : [],
      ...(q.approvalReasons.length > 0 ? { approval: APPROVAL } : {}),
    },
    c.cashierSid,
  )) as { id: string } | undefined;
  return sale?.id ?? null;
}

async function changeField(
  c: SimCounter,
  ctx: DayContext,
  id: string,
  changes: Record<string, unknown>,
): Promise<void> {
  const cur = await c.ok('customers.get', { id }, c.adminSid);
  await attempt(
    c,
    ctx,
    'customers.update',
    { id, expectedVersion: cur.version, changes, reason: '用户来电更新资料' },
    c.adminSid,
  );
}

async function inject(c: SimCounter, _ctx: DayContext, inj: Injection): Promise<void> {
  const cur = await c.ok('customers.get', { id: inj.customerId }, c.adminSid);
  if (inj.field === 'householdSize') {
    await c.ok(
      'customers.update',
      {
        id: inj.customerId,
        expectedVersion: cur.version,
        changes: { householdSize: 10 + c.index },
        reason: '户籍人口变更',
      },
      c.adminSid,
    );
    return;
  }
  const first = inj.counters[0] === c.index;
  await c.ok(
    'customers.changeStatus',
    {
      id: inj.customerId,
      expectedVersion: cur.version,
      action: first ? 'suspend' : 'close',
      reason: first ? '用户申请暂停用气' : '用户申请销户',
      ...(first ? {} : { approval: APPROVAL }),
    },
    c.adminSid,
  );
}

/**
 * The service desk's day at this counter, after its sales: an acceptance for a household of the hall, and a
 * complaint of the same household taken from recording through 判定, 转办 (with a work order opened, assigned
 * and completed), 处理结果 and 结案 to its 回访, an appointment booked and moved (every other one cancelled),
 * an inspection finding a hazard that is rectified the same day, and a 零散报装 (below) — with no
 * draw from the seed's generator, so the rest of the day is the seed's as before.
 */
async function serviceDesk(c: SimCounter, ctx: DayContext): Promise<void> {
  const customerId = ctx.shared[(c.index + ctx.day) % ctx.shared.length]!;
  const sid = c.adminSid;
  await c.ok('acceptances.create', { customerId, typeCode: 'BX', channel: 'phone', asked: '模拟报修' }, sid);
  const k = await c.ok(
    'complaints.record',
    { customerId, channel: 'phone', category: 'repair', details: '模拟投诉：维修后仍有异味' },
    sid,
  );
  await c.ok('complaints.judge', { id: k.id, justified: true, reason: '属实' }, sid);
  await c.ok('complaints.handOver', { id: k.id, team: 'repair', note: '请上门' }, sid);
  // The team goes out on a work order opened from the complaint, and reports back.
  const w = await c.ok(
    'workOrders.open',
    { sourceType: 'complaint', sourceId: k.id, kind: 'repair', description: '模拟工单：上门查异味' },
    sid,
  );
  await c.ok('workOrders.assign', { id: w.id, team: 'repair', assignee: '模拟师傅' }, sid);
  await c.ok(
    'workOrders.complete',
    { id: w.id, result: '已修复', materials: [{ name: '胶管', qty: 1 }] },
    sid,
  );
  await c.ok('complaints.resolve', { id: k.id, result: '已处理' }, sid);
  await c.ok('complaints.close', { id: k.id, told: '电话告知' }, sid);
  await c.ok('followups.record', { complaintId: k.id, outcome: 'reached', satisfaction: 'satisfied' }, sid);
  // A visit booked for tomorrow afternoon, moved to the morning after; every other one then cancelled.
  const tomorrow = nextDate(ctx.date);
  const a = await c.ok(
    'appointments.book',
    { customerId, kind: 'repair', team: 'repair', date: tomorrow, slot: 'pm', notes: '模拟预约' },
    sid,
  );
  await c.ok(
    'appointments.reschedule',
    { id: a.id, date: nextDate(tomorrow), slot: 'am', reason: '模拟改约' },
    sid,
  );
  if ((c.index + ctx.day) % 2 === 0) await c.ok('appointments.cancel', { id: a.id, reason: '模拟取消' }, sid);
  // An inspection that finds a hazard, rectified the same day (so no purchase of a later day waits on it), on
  // the counter's calendar day (the business day may be ahead of it once a day is closed).
  const today = dayIn(c.app.timeZone(), c.app.clock.nowMs());
  const i = await c.ok(
    'inspections.record',
    {
      customerId,
      date: today,
      inspector: '模拟安检员',
      result: 'hazard',
      items: ['hose', 'cooker'],
      hazards: [{ item: 'hose', note: '模拟隐患：胶管老化' }],
      deadline: nextDate(today),
    },
    sid,
  );
  await c.ok('inspections.rectify', { id: i.id, rectifiedOn: today, checker: '模拟安检员' }, sid);
  await installation(c, ctx);
}

/**
 * A 零散报装 of a prospective household, with a photo of its own (the counter and day in its bytes): 受理 with the
 * photo, 查勘, then every other one 撤销; the others 方案与收费 (its 初装费 paid at this counter) and 施工.
 */
async function installation(c: SimCounter, ctx: DayContext): Promise<void> {
  const sid = c.adminSid;
  const photo = Buffer.concat([
    Buffer.from(PNG_1PX, 'base64'),
    Buffer.from(`sim ${c.code} day ${ctx.day}`),
  ]).toString('base64');
  const z = await c.ok(
    'installations.apply',
    {
      name: `模拟报装户${c.index}`,
      phone: `1390000${String(c.index * 100 + ctx.day).padStart(4, '0')}`,
      address: `模拟路 ${c.index} 弄 ${ctx.day} 号`,
      request: '模拟报装：新装灶具',
      attachments: [{ name: '现场.png', data: photo }],
    },
    sid,
  );
  await c.ok('installations.step', { id: z.id, action: 'survey', result: '可接入' }, sid);
  if ((c.index + ctx.day) % 2 === 0) {
    await c.ok('installations.step', { id: z.id, action: 'cancel', result: '模拟：用户撤回申请' }, sid);
    return;
  }
  const fee = (await c.ok('fees.list', {}, c.cashierSid)).items.find((f) => f.name === '初装费')!;
  const paid = await c.ok(
    'sales.payFees',
    {
      lines: [{ feeItemId: fee.id, qty: 1 }],
      expectedAmountDue: fee.amountFen,
      tenders: [{ method: 'cash', amount: fee.amountFen }],
    },
    c.cashierSid,
  );
  await c.ok('installations.step', { id: z.id, action: 'plan', result: '模拟方案', saleId: paid.id }, sid);
  await c.ok('installations.step', { id: z.id, action: 'build', result: '模拟完工' }, sid);
}

export async function runDay(c: SimCounter, ctx: DayContext): Promise<void> {
  const { rand } = ctx;
  await c.ok('shifts.open', { float: 50_000 }, c.cashierSid);
  const fees = (await c.ok('fees.list', {}, c.cashierSid)).items;
  const mine = ctx.injections.filter((i) => i.day === ctx.day && i.counters.includes(c.index));
  const at = new Set(mine.map(() => Math.floor(rand() * ctx.opsPerDay)));
  const sales: string[] = [];
  for (let i = 0; i < ctx.opsPerDay; i++) {
    if (at.has(i)) for (const inj of mine.splice(0)) await inject(c, ctx, inj);
    const r = rand();
    const anyone = () =>
      rand() < 0.7 || ctx.local.length === 0 ? pick(rand, ctx.shared) : pick(rand, ctx.local);
    if (r < 0.45 || r >= 0.97) {
      const id = await sell(c, ctx, anyone(), false);
      if (id) sales.push(id);
    } else if (r < 0.55) {
      const id = await sell(c, ctx, anyone(), true);
      if (id) sales.push(id);
    } else if (r < 0.65) {
      const f = pick(rand, fees);
      await attempt(
        c,
        ctx,
        'sales.payFees',
        {
          customerId: anyone(),
          lines: [{ feeItemId: f.id, qty: 1 }],
          expectedAmountDue: f.amountFen,
          tenders: [{ method: 'cash', amount: f.amountFen }],
        },
        c.cashierSid,
      );
    } else if (r < 0.72) {
      const h = fakeHousehold(rand, c.index * 100_000 + ctx.opened++);
      const opened = (await attempt(
        c,
        ctx,
        'customers.open',
        { ...h, contract: { ...h.contract, no: `HT-${c.code}-${ctx.opened}` } },
        c.adminSid,
      )) as { id: string } | undefined;
      if (opened) ctx.local.push(opened.id);
    } else if (r < 0.85) {
      await changeField(c, ctx, pick(rand, ctx.shared), {
        phone: `139${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`,
      });
    } else if (r < 0.9 && sales.length > 0) {
      await attempt(
        c,
        ctx,
        'sales.reverse',
        { saleId: sales.pop()!, reason: '用户当场退气', approval: APPROVAL },
        c.cashierSid,
      );
    } else if (r < 0.94) {
      await attempt(
        c,
        ctx,
        'shifts.cashMovement',
        { kind: rand() < 0.5 ? 'in' : 'out', amount: 10_000, reason: '找零备用金调整' },
        c.cashierSid,
      );
    } else if (ctx.local.length > 0) {
      await changeField(c, ctx, pick(rand, ctx.local), { householdSize: 1 + Math.floor(rand() * 6) });
    }
  }
  for (const inj of mine) await inject(c, ctx, inj);
  await serviceDesk(c, ctx);
  // The count is the float whatever was taken: the difference, above the tolerance, is approved.
  await c.ok('shifts.close', { counted: 50_000, note: '模拟交班', approval: APPROVAL }, c.cashierSid);
}
