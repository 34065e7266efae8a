/**
 * Receipts signed with the counter's enrolled device key: a receipt from an enrolled counter verifies at head
 * office (POST /admin/receipts/verify) and with `gasdesk receipt verify` (through head office, or offline
 * against the counter's public key); a changed amount or number, or another counter's key, does not; a counter
 * not enrolled prints an unsigned QR that verification names as such.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeHousehold, mulberry32 } from '../../services/setup/fake-households';
import { buy, cashierWithShift, household, M3 } from '../fixtures/sales';
import { SimCounter } from '../sim/sim-counter';
import { tempDir, testCounter } from '../support/app';
import {
  ADMIN_TOKEN,
  publishDemoCatalogue,
  registerCounter,
  startHeadOffice,
  type TestHeadOffice,
} from '../support/head-office';

const ROOT = join(import.meta.dirname, '../..');
const now = () => Date.parse('2026-03-02T09:00:00+08:00');
let ho: TestHeadOffice;
let A: SimCounter;
let B: SimCounter;
const rand = mulberry32(5);

type Qr = { kind: string; data?: string };
const qrOf = (r: { receipt: { elements: Qr[] } }) => r.receipt.elements.find((e) => e.kind === 'qr')!.data!;

/** A gas sale at a simulated counter and the QR its receipt carries. */
async function saleQr(c: SimCounter, i: number) {
  const x = await c.ok('customers.open', fakeHousehold(rand, i), c.adminSid);
  const purchase = { customerId: x.id, by: 'volume' as const, volume: 1_500 };
  const q = await c.ok('sales.quote', purchase, c.cashierSid);
  const sale = await c.ok(
    'sales.sellGas',
    { purchase, expectedAmountDue: q.amountDue, tenders: [{ method: 'cash', amount: q.amountDue }] },
    c.cashierSid,
  );
  return { sale, qr: qrOf(await c.ok('receipts.preview', { saleId: sale.id }, c.cashierSid)) };
}

const verify = (qr: string) => ho.admin('POST', '/admin/receipts/verify', { qr });

function gasdesk(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT, 'cli/bin/gasdesk.js'), ...args],
      { env: { ...process.env, ...env }, encoding: 'utf8' },
      (e, stdout, stderr) => resolve({ code: e ? Number(e.code) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  ho = await startHeadOffice({ now });
  const root = tempDir('gasdesk-receipts-', { shared: true });
  A = await SimCounter.create(0, root, now);
  B = await SimCounter.create(1, root, now);
  for (const c of [A, B])
    await c.ok(
      'sync.enroll',
      { server: ho.url, code: await registerCounter(ho, '0101', c.code) },
      c.adminSid,
    );
  await publishDemoCatalogue(ho);
  for (const c of [A, B]) {
    await c.ok('sync.now', {}, c.adminSid);
    await c.ok('shifts.open', { float: 50_000 }, c.cashierSid);
  }
}, 60_000);

afterAll(async () => {
  A?.close();
  B?.close();
  await ho?.close();
});

describe('a receipt printed at an enrolled counter', () => {
  it('verifies at head office: the counter, the receipt number and the amount', async () => {
    const { sale, qr } = await saleQr(A, 1);
    // An https link on the company's verification host (the default: no address was configured), so a phone
    // that scans it opens the verification page.
    expect(qr).toMatch(
      /^https:\/\/verify\.example-gas\.cn\/r\/[0-9a-f-]{36}\?c=[0-9a-f-]{36}&n=010101-\d{8}&a=\d+&s=[\w-]{86}$/,
    );
    expect(new URL(qr).protocol).toBe('https:');
    // Head office takes the link as it is, and the private form printed before it for the same signed claim.
    expect(await verify(qr.replace(/^https:\/\/[^?]+\/(?=[0-9a-f-]{36}\?)/, 'gasdesk:r/'))).toMatchObject({
      valid: true,
      code: 'VALID',
    });
    expect(await verify(qr)).toEqual({
      valid: true,
      code: 'VALID',
      message: '签名有效：收据由该柜台打印，内容未被改动',
      counterId: A.app.counter()!.counterId,
      saleId: sale.id,
      receiptNo: sale.receiptNo,
      amount: sale.amountPaid,
      counter: { hallCode: '0101', code: '01', name: '01号窗口', state: 'active' },
    });
  });

  it('does not verify with its amount or number changed, or under another counter’s key', async () => {
    const { qr } = await saleQr(A, 2);
    const other = await saleQr(B, 3);
    const bad = async (q: string) =>
      expect(await verify(q)).toMatchObject({ valid: false, code: 'BAD_SIGNATURE' });
    await bad(qr.replace(/&a=(\d+)/, (_, a) => `&a=${Number(a) + 100}`));
    await bad(qr.replace(/&n=(\d+)-(\d+)/, (_, p, n) => `&n=${p}-${String(Number(n) + 1).padStart(8, '0')}`));
    // B's genuine receipt made to say it came from A: B's key did not sign it as A's.
    await bad(other.qr.replace(/c=[0-9a-f-]{36}/, `c=${A.app.counter()!.counterId}`));
    expect(await verify(other.qr)).toMatchObject({ valid: true, counter: { code: '02' } });
    expect(await verify('https://example.com/')).toMatchObject({ valid: false, code: 'MALFORMED' });
  });

  it('verifies with the CLI, through head office or offline against the counter’s public key', async () => {
    const { sale, qr } = await saleQr(A, 4);
    const viaServer = await gasdesk(['receipt', 'verify', qr, '--server', ho.url], {
      GASDESK_ADMIN_TOKEN: ADMIN_TOKEN,
    });
    expect(viaServer).toMatchObject({ code: 0, stderr: '' });
    expect(viaServer.stdout).toContain('有效 VALID');
    expect(viaServer.stdout).toContain(`收据号 receipt: ${sale.receiptNo}`);
    const { counters } = (await ho.admin('GET', '/admin/counters')) as {
      counters: { code: string; publicKey: string }[];
    };
    const keyOf = (code: string) => counters.find((c) => c.code === code)!.publicKey;
    const offline = await gasdesk(['receipt', 'verify', qr, '--public-key', keyOf('01'), '--json']);
    expect(offline.code).toBe(0);
    expect(JSON.parse(offline.stdout)).toMatchObject({
      valid: true,
      receiptNo: sale.receiptNo,
      counter: null,
    });
    const wrongKey = await gasdesk(['receipt', 'verify', qr, '--public-key', keyOf('02'), '--json']);
    expect(wrongKey.code).toBe(1);
    expect(JSON.parse(wrongKey.stdout)).toMatchObject({ valid: false, code: 'BAD_SIGNATURE' });
    const changed = qr.replace(/&a=(\d+)/, (_, a) => `&a=${Number(a) - 1}`);
    expect(
      (
        await gasdesk(['receipt', 'verify', changed, '--server', ho.url], {
          GASDESK_ADMIN_TOKEN: ADMIN_TOKEN,
        })
      ).stdout,
    ).toContain('无效 INVALID (BAD_SIGNATURE)');
    expect(
      (await gasdesk(['receipt', 'verify', qr, '--server', ho.url], { GASDESK_ADMIN_TOKEN: '' })).code,
    ).toBe(2);
  }, 120_000);
});

describe('the page a phone opens from the receipt QR', () => {
  it('is head office’s answer for the link, as a page: genuine, the receipt number, the amount, the counter', async () => {
    const { sale, qr } = await saleQr(A, 6);
    const at = new URL(qr);
    const open = async (path: string) => {
      const r = await fetch(`${ho.url}${path}`);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toMatch(/^text\/html/);
      expect(r.headers.get('content-security-policy')).toContain("default-src 'none'");
      return r.text();
    };
    const page = await open(at.pathname + at.search);
    expect(page).toContain('data-code="VALID"');
    expect(page).toContain('收据有效');
    expect(page).toContain(sale.receiptNo);
    expect(page).toContain(`￥${(sale.amountPaid / 100).toFixed(2)}`);
    expect(page).toContain('01号窗口');
    expect(page).not.toContain('<script');
    const changed = at.search.replace(/&a=(\d+)/, (_, a) => `&a=${Number(a) + 100}`);
    expect(await open(at.pathname + changed)).toContain('data-code="BAD_SIGNATURE"');
    expect(await open('/r/%3Cscript%3E?c=1')).toContain('data-code="MALFORMED"');
  });
});

describe('the verification address the receipt QR links to', () => {
  it('is the company’s, as configured; head office verifies the link whatever its host', async () => {
    const verifyUrl = 'https://yanzhen.donghai-gas.com/shouju';
    await B.ok(
      'printers.configure',
      { spec: 'training', width: 58, company: '东海燃气', verifyUrl },
      B.adminSid,
    );
    const { sale, qr } = await saleQr(B, 5);
    expect(qr.startsWith(`${verifyUrl}/${sale.id}?c=`)).toBe(true);
    expect(await verify(qr)).toMatchObject({
      valid: true,
      receiptNo: sale.receiptNo,
      counter: { code: '02' },
    });
    // Anything but an https address is refused at its field.
    for (const bad of ['http://yanzhen.donghai-gas.com/r', 'https://a.cn/r?x=1', 'javascript:alert(1)', '']) {
      const input = { spec: 'training', width: 58 as const, company: '东海燃气', verifyUrl: bad };
      const r = await B.call('printers.configure', input, B.adminSid);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.issues?.[0]).toMatchObject({
        path: ['verifyUrl'],
        message: expect.stringContaining('收据验真网址'),
      });
    }
  });
});

describe('a receipt printed at a counter not enrolled', () => {
  it('carries an unsigned QR that verification names: 未登记柜台，无法验证', async () => {
    const t = await testCounter({ households: 1 });
    const sid = await cashierWithShift(t);
    const c = await household(t);
    const sale = await buy(t, sid, { customerId: c.id, by: 'volume', volume: 20 * M3 });
    const qr = qrOf(await t.ok('receipts.preview', { saleId: sale.id }, sid));
    expect(qr).not.toContain('&s=');
    expect(await verify(qr)).toMatchObject({
      valid: false,
      code: 'UNSIGNED',
      message: '未登记柜台，无法验证',
      receiptNo: sale.receiptNo,
      amount: sale.amountPaid,
    });
    // Nor is one made to look signed believed: this counter holds no key head office knows.
    const forged = `${qr}&s=${'A'.repeat(86)}`;
    expect(await verify(forged)).toMatchObject({ valid: false, code: 'UNKNOWN_COUNTER' });
    // A receipt printed before device-key signing (HMAC under a key only the counter held).
    const legacy = `gasdesk:r/${sale.id}?n=${sale.receiptNo}&a=${sale.amountPaid}&s=0123456789abcdef`;
    expect(await verify(legacy)).toMatchObject({ valid: false, code: 'LEGACY', receiptNo: sale.receiptNo });
  });
});
