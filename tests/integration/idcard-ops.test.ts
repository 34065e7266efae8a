/**
 * 读身份证 at the counter, through the dispatcher as the screen calls it: the reader set up by an administrator
 * (idcard.configure, 测试), a clerk's read checked (GB 11643, dates) with an expired card flagged and a misread
 * refused, and a counter without a usable reader still doing its work.
 */
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { idPhotoOf } from '../../db';
import { checkIdReaderAtStart, releaseIdReader } from '../../services/idcard/id-reader-station';
import { fullOpening } from '../fixtures/households';
import { tempDir, type TestCounter, testCounter } from '../support/app';
import { buildTermbTestDouble, type TermbTestDouble } from '../support/termb-test-double';

let stub: TermbTestDouble;
const counters: TestCounter[] = [];

beforeAll(() => {
  stub = buildTermbTestDouble(tempDir('gasdesk-termb-', { shared: true }));
});
afterEach(async () => {
  stub.set('card');
  await Promise.all(counters.splice(0).map((t) => releaseIdReader(t.app)));
});

async function counterWithReader(spec = `idcard:${stub.library}`, storePhoto = false) {
  const t = await testCounter();
  counters.push(t);
  const admin = await t.login('admin');
  await t.ok('idcard.configure', { spec, storePhoto }, admin);
  return { t, admin, clerk: await t.login('zhangli') };
}

describe('an administrator sets the reader up', () => {
  it('stores it (audited), and 测试 opens it without a card', async () => {
    const { t, admin } = await counterWithReader(`idcard:${stub.library}:1001`);
    stub.set('none');
    expect(await t.ok('idcard.test', {}, admin)).toEqual({
      description: `${stub.library}（端口 1001）`,
      photoSupported: true,
    });
    expect(await t.ok('idcard.status', {}, admin)).toMatchObject({ state: 'open', storePhoto: false });
    const audit = t.app.gdb.sqlite
      .prepare("SELECT summary FROM audit WHERE action = 'settings.idcardReader'")
      .all() as { summary: string }[];
    expect(audit.map((a) => a.summary)).toEqual([
      `设置身份证阅读器：idcard:${stub.library}:1001；证件照片不保存`,
    ]);
  });

  it('refuses a malformed address or port, and a clerk may not set it', async () => {
    const { t, admin, clerk } = await counterWithReader();
    for (const spec of ['termb.so', 'idcard:', `idcard:${stub.library}:2000`]) {
      const e = await t.fails('idcard.configure', { spec, storePhoto: false }, admin);
      expect(e.code).toBe('VALIDATION_FAILED');
    }
    expect((await t.fails('idcard.configure', { spec: null, storePhoto: false }, clerk)).code).toBe(
      'PERMISSION_DENIED',
    );
  });
});

describe('a clerk reads a card', () => {
  it('gets the checked fields and the photo to show', async () => {
    const { t, clerk } = await counterWithReader();
    const card = await t.ok('idcard.read', {}, clerk);
    expect(card).toMatchObject({
      name: '王小明',
      sex: '男',
      ethnicity: '汉',
      birthDate: '1985-03-12',
      idNumber: '110101198503120033',
      issuer: '北京市公安局东城分局',
      validFrom: '2015-06-01',
      validUntil: '2035-06-01',
      expired: false,
    });
    expect(card.photo).toMatch(/^data:image\/bmp;base64,Qk/);
  });

  it('flags an expired card without refusing it, and reads 长期 as no end date', async () => {
    const { t, clerk } = await counterWithReader();
    stub.set('expired');
    expect(await t.ok('idcard.read', {}, clerk)).toMatchObject({ validUntil: '2025-06-01', expired: true });
    stub.set('woman');
    expect(await t.ok('idcard.read', {}, clerk)).toMatchObject({
      sex: '女',
      validUntil: null,
      expired: false,
    });
  });

  it('refuses a number that fails GB 11643, saying which check', async () => {
    const { t, clerk } = await counterWithReader();
    stub.set('bad-id');
    const e = await t.fails('idcard.read', {}, clerk);
    expect(e.code).toBe('IDCARD_DATA_INVALID');
    expect(e.detail).toBe('公民身份号码校验位不正确');
  });

  it('is told when no card is on the reader', async () => {
    const { t, clerk } = await counterWithReader();
    stub.set('none');
    const e = await t.fails('idcard.read', {}, clerk);
    expect([e.code, e.message]).toEqual(['IDCARD_NO_CARD', expect.stringContaining('没有身份证')]);
  });
});

describe('the card photo at 开户', () => {
  it('is kept with the file where the company enabled it, and the audit says so', async () => {
    const { t, clerk } = await counterWithReader(`idcard:${stub.library}`, true);
    const card = await t.ok('idcard.read', {}, clerk);
    expect(card.storePhoto).toBe(true);
    const opened = await t.ok(
      'customers.open',
      fullOpening({ name: card.name, idNumber: card.idNumber, idPhoto: card.photo! }),
      clerk,
    );
    const kept = idPhotoOf(t.app.db, opened.id);
    expect([kept?.mime, kept?.photo.length, kept?.photo.subarray(0, 2).toString('latin1')]).toEqual([
      'image/bmp',
      38_862,
      'BM',
    ]);
    const audit = t.app.gdb.sqlite
      .prepare("SELECT summary FROM audit WHERE action = 'customer.opened' ORDER BY rowid DESC LIMIT 1")
      .get() as { summary: string };
    expect(audit.summary).toContain('已保存证件照片');
  });

  it('is refused, and nothing written, where the company keeps no photos (the default)', async () => {
    const { t, clerk } = await counterWithReader();
    const card = await t.ok('idcard.read', {}, clerk);
    expect(card.storePhoto).toBe(false);
    const before = t.count('customers');
    const e = await t.fails('customers.open', fullOpening({ idPhoto: card.photo! }), clerk);
    expect(e.code).toBe('IDCARD_PHOTO_NOT_ENABLED');
    expect([t.count('customers'), t.count('customer_id_photos')]).toEqual([before, 0]);
  });
});

describe('without a usable reader the counter works on', () => {
  it('says none is set up', async () => {
    const t = await testCounter();
    const clerk = await t.login('zhangli');
    expect((await t.fails('idcard.read', {}, clerk)).code).toBe('IDCARD_NOT_CONFIGURED');
    expect((await t.ok('settings.get', {}, clerk)).idleLockMinutes).toBeGreaterThan(0);
  });

  it('names a missing library in 测试 and at a read, and other work goes on', async () => {
    const missing = join(tempDir(), 'libtermb.so');
    const { t, admin, clerk } = await counterWithReader(`idcard:${missing}`);
    const e = await t.fails('idcard.test', {}, admin);
    expect([e.code, e.detail]).toEqual(['IDCARD_LIBRARY_MISSING', missing]);
    expect((await t.fails('idcard.read', {}, clerk)).code).toBe('IDCARD_LIBRARY_MISSING');
    // What `gasdesk serve` says at start.
    expect(await checkIdReaderAtStart(t.app)).toEqual({
      ok: false,
      problem: `身份证阅读器不可用：找不到身份证阅读器的动态库：请按安装说明把阅读器厂家的库文件放到设置的位置；可先手工录入证件信息。（${missing}） [IDCARD_LIBRARY_MISSING]`,
    });
    expect((await t.ok('settings.get', {}, clerk)).idleLockMinutes).toBeGreaterThan(0);
  });
});
