/**
 * 零散报装 at head office (PGlite, or PostgreSQL when DATABASE_URL is set): a counter's application and its steps
 * through to 开户 are applied to the hall's service records as the counter pushes them, and its attachment files
 * follow on the same sync (POST /v1/attachments), checked there against their hash; a file that is not what
 * its hash says, too large or not an image or PDF, or one no record of the uploading counter's hall names
 * (ATTACHMENT_NOT_NAMED), is refused with its code and nothing kept; a step that does
 * not follow, or one of another hall's counter, is quarantined.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES } from '../../core/domain/attachments';
import { uuidv7 } from '../../core/ids';
import { fakeHousehold, mulberry32 } from '../../services/setup/fake-households';
import { enrollDevice } from '../sim/bench-push';
import { chainOps } from '../sim/synthetic-ops';
import { JPEG_HEAD, PDF_MINI, PNG_1PX } from '../support/attachments';
import { forgedOp, serviceSyncRig } from '../support/service-sync';
import { signed } from '../support/signed';

const rig = serviceSyncRig('gasdesk-bz-sync-');
const sha = (b64: string) => createHash('sha256').update(Buffer.from(b64, 'base64')).digest('hex');

describe('零散报装 at head office', () => {
  let installationId = '';
  let installationNo = '';

  it('applies an application through to 开户 and receives its attachments, each checked against its hash', async () => {
    const admin = rig.A.adminSid;
    await rig.A.ok('shifts.open', { float: 50_000 }, rig.A.cashierSid);
    const item = await rig.A.ok('fees.save', { code: 'CZ1', name: '初装费', amountFen: 280_000 }, admin);
    const fee = await rig.A.ok(
      'sales.payFees',
      {
        lines: [{ feeItemId: item.id, qty: 1 }],
        expectedAmountDue: 280_000,
        tenders: [{ method: 'cash', amount: 280_000 }],
      },
      rig.A.cashierSid,
    );
    const a = await rig.A.ok(
      'installations.apply',
      {
        name: '周新户',
        phone: '13900001111',
        address: '幸福路 8 号',
        request: '新装灶具',
        attachments: [{ name: '房产证.pdf', data: PDF_MINI }],
      },
      admin,
    );
    installationId = a.id;
    installationNo = a.no;
    await rig.A.ok(
      'installations.step',
      { id: a.id, action: 'survey', result: '可接入', attachments: [{ name: '现场.png', data: PNG_1PX }] },
      admin,
    );
    await rig.A.ok('installations.step', { id: a.id, action: 'plan', result: '方案', saleId: fee.id }, admin);
    await rig.A.ok('installations.step', { id: a.id, action: 'build', result: '完工' }, admin);
    await rig.A.ok('installations.step', { id: a.id, action: 'gasOn', result: '通气' }, admin);
    const c = await rig.A.ok(
      'customers.open',
      { ...fakeHousehold(mulberry32(21), 1), installationId: a.id },
      admin,
    );
    await rig.sync();
    const [held] = await rig.rows<{
      kind: string;
      status: string;
      step_count: number;
      data: { attachments: { sha256: string }[]; steps: { action: string; customerId: string | null }[] };
    }>('SELECT kind, status, step_count, data FROM service_records WHERE id = $1', [a.id]);
    expect(held).toMatchObject({ kind: 'installation', status: 'opened', step_count: 5 });
    expect(held!.data.steps.map((s) => s.action)).toEqual(['survey', 'plan', 'build', 'gasOn', 'open']);
    expect(held!.data.steps.at(-1)!.customerId).toBe(c.id);
    expect(held!.data.attachments.map((x) => x.sha256)).toEqual([sha(PDF_MINI)]);
    const files = await rig.rows<{ sha256: string; size: number; mime: string; data: Uint8Array }>(
      'SELECT sha256, size, mime, data FROM attachments ORDER BY mime',
    );
    expect(files.map((f) => [f.sha256, f.size, f.mime, Buffer.from(f.data).toString('base64')])).toEqual([
      [sha(PDF_MINI), Buffer.from(PDF_MINI, 'base64').length, 'application/pdf', PDF_MINI],
      [sha(PNG_1PX), Buffer.from(PNG_1PX, 'base64').length, 'image/png', PNG_1PX],
    ]);
    // The counter knows head office has them; the next sync sends nothing again.
    const seen = await rig.A.ok('installations.get', { id: a.id }, admin);
    expect([...seen.attachments, ...seen.steps[0]!.attachments].map((x) => x.uploaded)).toEqual([true, true]);
    await rig.sync();
    const states = await rig.rows<{ state: string }>(
      "SELECT state FROM ops WHERE type LIKE 'installation.%'",
    );
    expect(states.map((s) => s.state)).toEqual(Array(6).fill('applied'));
  });

  it('refuses a file not matching its hash, too large or of another type, and steps out of order or of another hall', async () => {
    rig.realTime = true;
    const neighbour = await enrollDevice(rig.ho, '0101', '09');
    const stranger = await enrollDevice(rig.ho, '0102', '01');
    const upload = async (sha256: string, data: string) => {
      const r = await signed(rig.ho.url, neighbour, 'POST', '/v1/attachments', { sha256, data });
      return [r.status, (r.body as { code?: string }).code ?? null];
    };
    expect(await upload(sha(PDF_MINI).replace(/^./, '0'), PDF_MINI)).toEqual([
      422,
      'ATTACHMENT_HASH_MISMATCH',
    ]);
    const text = Buffer.from('not a picture').toString('base64');
    expect(await upload(sha(text), text)).toEqual([422, 'ATTACHMENT_TYPE']);
    const big = Buffer.concat([Buffer.from(JPEG_HEAD, 'base64'), Buffer.alloc(ATTACHMENT_MAX_BYTES)]);
    expect(await upload(sha(big.toString('base64')), big.toString('base64'))).toEqual([
      422,
      'ATTACHMENT_TOO_LARGE',
    ]);
    // A file no record of the uploader's hall names: another hall's counter sending 0101's file, or a valid
    // file nobody's record names. Refused, nothing kept; a counter of the hall sending it again is answered.
    expect(await upload(sha(PNG_1PX), PNG_1PX)).toEqual([200, null]);
    const uploadAs = async (dev: { counterId: string }, data: string) => {
      const r = await signed(rig.ho.url, dev as never, 'POST', '/v1/attachments', {
        sha256: sha(data),
        data,
      });
      return [r.status, (r.body as { code?: string }).code ?? null];
    };
    expect(await uploadAs(stranger, PNG_1PX)).toEqual([422, 'ATTACHMENT_NOT_NAMED']);
    const unnamed = Buffer.concat([Buffer.from(PNG_1PX, 'base64'), Buffer.from([0])]).toString('base64');
    expect(await upload(sha(unnamed), unnamed)).toEqual([422, 'ATTACHMENT_NOT_NAMED']);
    expect(await rig.rows('SELECT sha256 FROM attachments')).toHaveLength(2);

    const op = uuidv7(Date.now());
    const step = (stepNo: number, action: 'cancel' | 'survey', dev: { counterId: string }) =>
      forgedOp(
        'installation.stepped',
        {
          installationId,
          stepNo,
          action,
          statusAfter: action === 'cancel' ? 'cancelled' : 'surveyed',
          result: '撤销',
          saleId: null,
          customerId: null,
          attachments: [],
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
    expect(await push(stranger, [step(6, 'cancel', stranger)])).toEqual([
      ['FOREIGN_HALL', expect.stringMatching(new RegExp(`^零散报装 ${installationNo} 不属于本网点`))],
    ]);
    expect(await push(neighbour, [step(5, 'cancel', neighbour), step(6, 'cancel', neighbour)])).toEqual([
      ['STEP_OUT_OF_ORDER', expect.stringMatching(/第 5 步不接续总部所记的第 5 步/)],
      ['STEP_OUT_OF_ORDER', expect.stringMatching(/当前为 opened，不能 cancel/)],
    ]);
    const [r] = await rig.rows<{ step_count: number; status: string }>(
      'SELECT step_count, status FROM service_records WHERE id = $1',
      [installationId],
    );
    expect(r).toEqual({ step_count: 5, status: 'opened' });
  });
});
