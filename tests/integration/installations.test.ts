/**
 * 零散报装 through the dispatcher on a real SQLite file: accepted with its readable number, then 查勘, 方案与收费
 * (the 初装费 payment linked), 施工, 置换通气 and 开户 (customers.open naming the application) — every status by
 * every action, allowed and forbidden, each step a new row with its ledger operation and audit entry; photo and
 * scan attachments written to the data folder under their SHA-256 before the record commits; a file that is
 * not an image or PDF, or too large, refused with its code and nothing written; overdue steps against the
 * working-day limits on a fake clock.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES } from '../../core/domain/attachments';
import {
  INSTALL_ACTIONS,
  INSTALL_STATUSES,
  type InstallAction,
  type InstallStatus,
  nextInstallStatus,
} from '../../core/domain/installations';
import { fullOpening } from '../fixtures/households';
import { cashierWithShift, household } from '../fixtures/sales';
import { type TestCounter, testCounter } from '../support/app';
import { JPEG_HEAD, PDF_MINI, PNG_1PX } from '../support/attachments';
import { payFees } from './cash-helpers';

const writes = (t: TestCounter) => [
  t.count('installations'),
  t.count('installation_steps'),
  t.count('outbox'),
  t.count('audit'),
];
const files = (t: TestCounter) =>
  existsSync(join(t.dir, 'attachments')) ? readdirSync(join(t.dir, 'attachments')).sort() : [];

const applicant = {
  name: '周新户',
  phone: '13900001111',
  address: '幸福路 8 号 2 单元 301',
  request: '新装燃气：双眼灶一台、热水器一台',
};

async function setUp() {
  const t = await testCounter();
  t.app.sessions.idleLockMinutes = 60 * 24 * 30;
  const clerk = await t.login('zhangli');
  const cashier = await cashierWithShift(t);
  const fee = await payFees(t, cashier, [{ name: '初装费', qty: 1 }], (due) => [
    { method: 'cash', amount: due },
  ]);
  return { t, clerk, fee };
}

const STEP_INPUT: Record<Exclude<InstallAction, 'open'>, { result: string }> = {
  survey: { result: '现场查勘：可从楼道立管接入' },
  plan: { result: '方案：立管引入，表装厨房' },
  build: { result: '施工完毕，试压合格' },
  gasOn: { result: '置换通气完毕，点火正常' },
  cancel: { result: '客户不再报装' },
};
const PATH: Record<InstallStatus, InstallAction[]> = {
  accepted: [],
  surveyed: ['survey'],
  charged: ['survey', 'plan'],
  built: ['survey', 'plan', 'build'],
  gas_on: ['survey', 'plan', 'build', 'gasOn'],
  opened: ['survey', 'plan', 'build', 'gasOn', 'open'],
  cancelled: ['cancel'],
};

describe('零散报装 (installations)', () => {
  it('goes 受理 → 查勘 → 方案与收费 → 施工 → 置换通气 → 开户, each step a new row with ledger, audit and attachments', async () => {
    const { t, clerk, fee } = await setUp();
    const before = writes(t);
    const a = await t.ok(
      'installations.apply',
      { ...applicant, attachments: [{ name: '房产证.pdf', data: PDF_MINI }] },
      clerk,
    );
    const pdfHash = createHash('sha256').update(Buffer.from(PDF_MINI, 'base64')).digest('hex');
    expect(a).toMatchObject({
      no: '0101-01-BZ-000001',
      party: { customerId: null, name: '周新户', phone: '13900001111' },
      status: 'accepted',
      next: 'survey',
      dueBy: '2026-12-01',
      overdue: false,
      allowed: ['survey', 'cancel'],
      attachments: [{ sha256: pdfHash, mime: 'application/pdf', name: '房产证.pdf', uploaded: false }],
    });
    expect(files(t)).toEqual([pdfHash]);
    expect(readFileSync(join(t.dir, 'attachments', pdfHash)).toString('base64')).toBe(PDF_MINI);
    expect(writes(t)).toEqual([before[0]! + 1, before[1], before[2]! + 1, before[3]! + 1]);

    await t.ok(
      'installations.step',
      { id: a.id, action: 'survey', result: '可接入', attachments: [{ name: '现场.png', data: PNG_1PX }] },
      clerk,
    );
    // 方案与收费 needs the 初装费 payment.
    const noFee = await t.fails('installations.step', { id: a.id, action: 'plan', result: '方案' }, clerk);
    expect(noFee.issues?.map((i) => i.code)).toEqual(['FEE_REQUIRED']);
    await t.ok('installations.step', { id: a.id, action: 'plan', result: '方案', saleId: fee.id }, clerk);
    await t.ok('installations.step', { id: a.id, action: 'build', result: '施工完毕' }, clerk);
    const g = await t.ok('installations.step', { id: a.id, action: 'gasOn', result: '通气正常' }, clerk);
    expect([g.status, g.next, g.allowed]).toEqual(['gas_on', 'open', ['open', 'cancel']]);
    expect(g.steps.map((s) => [s.stepNo, s.action, s.statusAfter])).toEqual([
      [1, 'survey', 'surveyed'],
      [2, 'plan', 'charged'],
      [3, 'build', 'built'],
      [4, 'gasOn', 'gas_on'],
    ]);
    expect(g.steps[1]!.sale).toEqual({ id: fee.id, receiptNo: fee.receiptNo, amount: fee.amount });
    expect(g.steps[0]!.attachments.map((x) => x.mime)).toEqual(['image/png']);

    // 开户 naming the application records its last step in the same transaction.
    const c = await household(t, { name: '周新户', installationId: a.id });
    const done = await t.ok('installations.get', { id: a.id }, clerk);
    expect([done.status, done.next, done.allowed, done.steps.at(-1)]).toEqual([
      'opened',
      null,
      [],
      expect.objectContaining({ action: 'open', customerId: c.id, result: `开户 ${c.accountNo}` }),
    ]);
    const ops = t.app.gdb.sqlite
      .prepare(`SELECT type, payload FROM outbox WHERE type LIKE 'installation.%' ORDER BY seq`)
      .all() as { type: string; payload: string }[];
    expect(ops.map((o) => o.type)).toEqual([
      'installation.applied',
      ...Array(5).fill('installation.stepped'),
    ]);
    expect(JSON.parse(ops[0]!.payload).attachments).toEqual([
      {
        sha256: pdfHash,
        size: Buffer.from(PDF_MINI, 'base64').length,
        mime: 'application/pdf',
        name: '房产证.pdf',
      },
    ]);
    // A second 开户 of the same application is refused, and the customer is not opened either.
    const again = await t.fails('customers.open', fullOpening({ meters: [], installationId: a.id }), clerk);
    expect(again.code).toBe('INSTALLATION_CLOSED');
  });

  it('allows each action only from its state (every status by every action)', async () => {
    const { t, clerk, fee } = await setUp();
    for (const status of INSTALL_STATUSES)
      for (const action of INSTALL_ACTIONS) {
        if (action === 'open') continue; // only through customers.open, checked above
        const a = await t.ok('installations.apply', applicant, clerk);
        for (const step of PATH[status]) {
          if (step === 'open') await household(t, { installationId: a.id });
          else
            await t.ok(
              'installations.step',
              { id: a.id, action: step, ...STEP_INPUT[step], ...(step === 'plan' ? { saleId: fee.id } : {}) },
              clerk,
            );
        }
        const input = {
          id: a.id,
          action,
          ...STEP_INPUT[action],
          ...(action === 'plan' ? { saleId: fee.id } : {}),
        };
        const before = writes(t);
        const to = nextInstallStatus(status, action);
        if (to) expect((await t.ok('installations.step', input, clerk)).status).toBe(to);
        else {
          const e = await t.fails('installations.step', input, clerk);
          expect(e.code, `${status} ${action}`).toBe(
            status === 'opened' || status === 'cancelled'
              ? 'INSTALLATION_CLOSED'
              : 'INSTALLATION_STEP_NOT_ALLOWED',
          );
          expect(writes(t)).toEqual(before);
        }
      }
  }, 120_000);

  it('refuses a file that is not an image or PDF, too large or not base64, with its code and nothing written', async () => {
    const { t, clerk } = await setUp();
    const before = writes(t);
    const refused = async (data: string, name = 'x.bin') =>
      (
        await t.fails(
          'installations.apply',
          {
            ...applicant,
            attachments: [
              { name: 'ok.png', data: PNG_1PX },
              { name, data },
            ],
          },
          clerk,
        )
      ).issues?.map((i) => [i.path.join('.'), i.code]);
    expect(await refused(Buffer.from('just text').toString('base64'), 'a.jpg')).toEqual([
      ['attachments.1', 'ATTACHMENT_TYPE'],
    ]);
    const big = Buffer.concat([Buffer.from(JPEG_HEAD, 'base64'), Buffer.alloc(ATTACHMENT_MAX_BYTES)]);
    expect(await refused(big.toString('base64'))).toEqual([['attachments.1', 'ATTACHMENT_TOO_LARGE']]);
    expect(await refused('')).toEqual([['attachments.1', 'ATTACHMENT_EMPTY']]);
    expect(await refused('QUJD=')).toEqual([['attachments.1', 'ATTACHMENT_ENCODING']]);
    expect(writes(t)).toEqual(before);
    expect(files(t)).toEqual([]);
    // A step out of order writes no file either.
    const a = await t.ok('installations.apply', applicant, clerk);
    const e = await t.fails(
      'installations.step',
      { id: a.id, action: 'build', result: '施工', attachments: [{ name: 'ok.png', data: PNG_1PX }] },
      clerk,
    );
    expect([e.code, files(t)]).toEqual(['INSTALLATION_STEP_NOT_ALLOWED', []]);
  });

  it('marks a step overdue past its working-day limit (a weekend does not count)', async () => {
    const { t, clerk } = await setUp();
    // Thursday 2026-11-26: 查勘 within 3 working days is due Tuesday 12-01.
    const a = await t.ok('installations.apply', applicant, clerk);
    expect([a.dueBy, a.overdue]).toEqual(['2026-12-01', false]);
    t.clock.advanceMinutes(5 * 24 * 60); // Tuesday
    expect((await t.ok('installations.get', { id: a.id }, clerk)).overdue).toBe(false);
    t.clock.advanceMinutes(24 * 60); // Wednesday
    const late = await t.ok('installations.list', { open: true }, clerk);
    expect(late.items.map((x) => [x.no, x.overdue])).toEqual([[a.no, true]]);
    // The step done, the next is counted from it.
    const s = await t.ok('installations.step', { id: a.id, action: 'survey', result: '可接入' }, clerk);
    expect([s.next, s.dueBy, s.overdue]).toEqual(['plan', '2026-12-09', false]);
  });

  it('takes its limits from the service time limits a 班长 sets, recorded with the old and new values', async () => {
    const { t, clerk } = await setUp();
    const boss = await t.login('liuqiang');
    const a = await t.ok('installations.apply', applicant, clerk);
    const limits = await t.ok('serviceLimits.get', {}, clerk);
    expect(limits).toEqual({
      install: { survey: 3, plan: 5, build: 15, gasOn: 3, open: 1 },
      inspectionPeriodDays: 365,
    });
    expect((await t.fails('serviceLimits.save', limits, clerk)).code).toBe('PERMISSION_DENIED');
    const bad = await t.fails('serviceLimits.save', { ...limits, inspectionPeriodDays: 0 }, boss);
    expect(bad.issues?.map((i) => i.message)).toEqual(['安检周期至少 1 天']);
    const before = t.count('outbox');
    await t.ok('serviceLimits.save', { ...limits, install: { ...limits.install, survey: 1 } }, boss);
    expect(t.count('outbox')).toBe(before + 1);
    // Thursday + 1 working day: due Friday; on Monday it is overdue and on the clerk's to-do board.
    expect((await t.ok('installations.get', { id: a.id }, clerk)).dueBy).toBe('2026-11-27');
    t.clock.advanceMinutes(4 * 24 * 60);
    const board = await t.ok('fieldWork.todo', {}, clerk);
    expect([board.installationsOverdue.map((x) => x.no), board.installationsOpen]).toEqual([[a.no], 1]);
    const audit = t.app.gdb.sqlite
      .prepare("SELECT changes FROM audit WHERE action = 'settings.serviceLimits'")
      .get() as { changes: string };
    expect(JSON.parse(audit.changes)).toEqual([{ field: 'survey', before: 3, after: 1 }]);
    // The 安检 period the overdue list uses by default.
    await t.ok('serviceLimits.save', { ...limits, inspectionPeriodDays: 30 }, boss);
    expect((await t.ok('inspections.overdue', {}, clerk)).periodDays).toBe(30);
  });
});
