/**
 * Bringing a company in at head office (server/import): real files built here (.xlsx with exceljs, CSV in
 * UTF-8 and GBK); a dry run that reports bad rows and writes nothing; bad files each with their code; the same
 * file again is a no-op, a later file changes what changed; a revert by correcting entries; and a counter that
 * bootstraps the hall gets the imported customers, meters, cards, counts and balances.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors';
import { getBatch, listBatches, revertBatch } from '../../server/import/batches';
import { writeErrorReport } from '../../server/import/report';
import { dryRun, type ImportOptions, runImport } from '../../server/import/run';
import { tempDir } from '../support/app';
import { ADMIN_TOKEN, registerCounter, startHeadOffice, type TestHeadOffice } from '../support/head-office';
import { CUSTOMER_HEADER, customerRow, residentId, writeCsv, writeXlsx } from '../support/import-files';

let ho: TestHeadOffice;
let dir: string;
beforeAll(async () => {
  ho = await startHeadOffice();
  await registerCounter(ho, '0101', '01');
  dir = tempDir('gasdesk-import-', { shared: true });
});
afterAll(async () => ho?.close());

const opts = (
  kind: ImportOptions['kind'],
  path: string,
  more: Partial<ImportOptions> = {},
): ImportOptions => ({
  kind,
  path,
  hallCode: '0101',
  now: Date.now,
  chunkRows: 7,
  ...more,
});

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('import at head office', () => {
  it('refuses bad files with a stable code, writing nothing', async () => {
    const csvNamedXlsx = join(dir, 'fake.xlsx');
    writeFileSync(csvNamedXlsx, `${CUSTOMER_HEADER.join(',')}\n`);
    expect(await refusal(dryRun(ho.store, opts('customers', csvNamedXlsx)))).toBe('IMPORT_NOT_XLSX');
    const good = join(dir, 'good.xlsx');
    await writeXlsx(good, [CUSTOMER_HEADER, customerRow(1)]);
    const truncated = join(dir, 'truncated.xlsx');
    const bytes = readFileSync(good);
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    expect(await refusal(dryRun(ho.store, opts('customers', truncated)))).toBe('IMPORT_FILE_DAMAGED');
    // Encrypted OOXML is an OLE compound file holding an EncryptionInfo stream.
    const locked = join(dir, 'locked.xlsx');
    const cfb = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    Buffer.from('EncryptionInfo', 'utf16le').copy(cfb, 1024);
    writeFileSync(locked, cfb);
    expect(await refusal(dryRun(ho.store, opts('customers', locked)))).toBe('IMPORT_FILE_ENCRYPTED');
    const missing = join(dir, 'missing.csv');
    writeCsv(missing, [
      CUSTOMER_HEADER.filter((h) => h !== '电话'),
      customerRow(1).filter((_, i) => i !== 3),
    ]);
    const e = await dryRun(ho.store, opts('customers', missing)).catch((x: AppError) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('IMPORT_COLUMNS');
    expect((e as AppError).detail).toContain('电话');
    const mixed = join(dir, 'mixed.csv');
    // Rows saved from two systems: some lines in UTF-8, others in GBK.
    const header = `${CUSTOMER_HEADER.join(',')}\n`;
    writeFileSync(
      mixed,
      Buffer.concat([
        Buffer.from(`${header}王伟伟,阳光花园\n`),
        iconv.encode('李芳芳,幸福家园\n'.repeat(5), 'gbk'),
      ]),
    );
    expect(await refusal(dryRun(ho.store, opts('customers', mixed)))).toBe('IMPORT_ENCODING');
    expect(await ho.store.query('SELECT 1 FROM import_batches')).toEqual([]);
  });

  it('a dry run lists every bad row; the run writes nothing until they are fixed or skipped', async () => {
    const rows = [CUSTOMER_HEADER, customerRow(1), customerRow(2), customerRow(3)];
    rows[2] = [...customerRow(2)];
    rows[2][2] = '320722198001010021'; // wrong check digit
    rows[3] = [...customerRow(3)];
    rows[3][10] = 40; // household size
    rows.push(customerRow(1)); // a duplicate within the file
    const path = join(dir, 'bad.xlsx');
    await writeXlsx(path, rows);
    const d = await dryRun(ho.store, opts('customers', path));
    expect(d).toMatchObject({ rows: 4, valid: 1, badRows: 3, wouldCreate: 1 });
    expect(d.issues.map((i) => [i.rowNo, i.column, i.code])).toEqual([
      [3, '身份证号', 'RESIDENT_ID_INVALID'],
      [4, '人口数', 'NUMBER_INVALID'],
      [5, '户号', 'DUPLICATE_IN_FILE'],
    ]);
    const report = join(dir, 'bad.report.xlsx');
    await writeErrorReport(report, d.issues, d.issueCount);
    const wb = await new ExcelJS.Workbook().xlsx.readFile(report);
    expect(wb.worksheets[0]!.getRow(2).values).toEqual([
      undefined,
      3,
      '身份证号',
      'RESIDENT_ID_INVALID',
      d.issues[0]!.message,
    ]);
    const refused = await runImport(ho.store, 'bad-1', opts('customers', path));
    expect(refused.batch).toBeNull();
    expect(await ho.store.query('SELECT 1 FROM import_batches')).toEqual([]);
    const skipped = await runImport(ho.store, 'bad-2', opts('customers', path, { skipBadRows: true }));
    expect(skipped.batch).toMatchObject({ status: 'done', summary: { created: 1, skipped: 3 } });
    expect(skipped.batch!.skipped.map((s) => s.rowNo)).toEqual([3, 4, 5]);
  });

  it('imports customers (xlsx, GBK CSV), meters, cards and balances; again is a no-op; a later file updates', async () => {
    // Excel's quirks: full-width digits, trailing spaces, a date as a serial number, a formula with its value.
    const x = [CUSTOMER_HEADER, ...Array.from({ length: 20 }, (_, i) => customerRow(10 + i))];
    x[1]![3] = '１３８１０００００１０ ';
    x[1]![11] = 43_952; // 2020-05-01
    x[2]![10] = { formula: '1+2', result: 3 };
    const xlsx = join(dir, 'customers.xlsx');
    await writeXlsx(xlsx, x);
    const a = await runImport(ho.store, 'cust-1', opts('customers', xlsx));
    expect(a.dry?.issues).toEqual([]);
    expect(a.batch).toMatchObject({ status: 'done', summary: { created: 20, updated: 0, unchanged: 0 } });
    const [c10] = await ho.store.query<{ data: { phone: string; openedAt: string; householdSize: number } }>(
      "SELECT data FROM customers WHERE account_no = '010100000010'",
    );
    expect(c10!.data.phone).toBe('13810000010');
    expect(c10!.data.openedAt).toBe('2020-05-01T00:00:00.000Z');
    const gbk = join(dir, 'customers-gbk.csv');
    writeCsv(gbk, [CUSTOMER_HEADER, customerRow(40), customerRow(41)], 'gbk');
    const g = await runImport(ho.store, 'cust-gbk', opts('customers', gbk));
    expect(g.batch?.summary.created).toBe(2);
    const [c40] = await ho.store.query<{ data: { name: string } }>(
      "SELECT data FROM customers WHERE account_no = '010100000040'",
    );
    expect(c40!.data.name).toBe(customerRow(40)[1]);
    // The same file again: the same request answers its batch; a new request changes nothing.
    expect((await runImport(ho.store, 'cust-1', opts('customers', xlsx))).batch!.id).toBe(a.batch!.id);
    const again = await runImport(ho.store, 'cust-1b', opts('customers', xlsx));
    expect(again.batch!.summary).toMatchObject({ created: 0, updated: 0, unchanged: 20 });
    // Columns in another order, and one household's phone changed: that one is updated.
    const later = x.map((r) => [...r].reverse());
    later[5]![later[5]!.length - 4] = '13900000000';
    const laterPath = join(dir, 'customers-later.xlsx');
    await writeXlsx(laterPath, later);
    const u = await runImport(ho.store, 'cust-2', opts('customers', laterPath));
    expect(u.batch!.summary).toMatchObject({ created: 0, updated: 1, unchanged: 19 });

    const meters = join(dir, 'meters.csv');
    writeCsv(meters, [
      ['户号', '表号', '表厂', '表型号', '卡类型'],
      ...[10, 11, 12].map((i) => [
        `0101${String(i).padStart(8, '0')}`,
        `M${100_000 + i}`,
        '金卡智能',
        'JK-IC-G2.5',
        'SLE4442',
      ]),
    ]);
    expect((await runImport(ho.store, 'met-1', opts('meters', meters))).batch!.summary.created).toBe(3);
    const cards = join(dir, 'cards.xlsx');
    await writeXlsx(cards, [
      ['卡号', '户号', '购气次数', '累计购气量', '区域码'],
      ['8800000010', '010100000010', 7, '123.45', 1],
    ]);
    expect((await runImport(ho.store, 'card-1', opts('cards', cards))).batch!.summary.created).toBe(1);
    const balances = join(dir, 'balances.csv');
    writeCsv(balances, [
      ['户号', '结余(元)', '欠费(元)'],
      ['010100000010', '12.34', ''],
      ['010100000011', '', '5.00'],
    ]);
    expect((await runImport(ho.store, 'bal-1', opts('balances', balances))).batch!.summary.created).toBe(2);
    const [held] = await ho.store.query<{ balance: number; purchase_count: number }>(
      "SELECT balance, purchase_count FROM customers WHERE account_no = '010100000010'",
    );
    expect(held).toEqual({ balance: 1234, purchase_count: 7 });
    // Inspection status goes into the file; the hazard text, tier use and arrears are kept in the import record.
    const inspections = join(dir, 'inspections.csv');
    writeCsv(inspections, [
      ['户号', '安检状态', '安检日期', '隐患说明'],
      ['010100000012', '有隐患', '2026/11/3', '胶管老化'],
    ]);
    expect(
      (await runImport(ho.store, 'insp-1', opts('inspections', inspections))).batch!.summary.created,
    ).toBe(1);
    const tier = join(dir, 'tier.csv');
    writeCsv(tier, [
      ['户号', '计价年度起始', '年度已购气量'],
      ['010100000012', '2026-01-01', '123.4'],
    ]);
    expect((await runImport(ho.store, 'tier-1', opts('tier_use', tier))).batch!.summary.created).toBe(1);
    const [c12] = await ho.store.query<{ inspection: unknown }>(
      "SELECT data->'inspection' AS inspection FROM customers WHERE account_no = '010100000012'",
    );
    expect(c12!.inspection).toEqual({ status: 'hazard', date: '2026-11-03' });
    const kept = await ho.store.query<{ kind: string; data: Record<string, unknown> }>(
      "SELECT kind, data FROM import_records WHERE kind IN ('inspections', 'tier_use', 'balances') ORDER BY kind, legacy_id",
    );
    expect(kept.map((k) => [k.kind, k.data.hazards ?? k.data.volume ?? k.data.arrears])).toEqual([
      ['balances', 0],
      ['balances', 500],
      ['inspections', '胶管老化'],
      ['tier_use', 12_340],
    ]);
    expect((await listBatches(ho.store)).length).toBeGreaterThan(5);
  });

  it('puts meters into the file set-based: a changed one keeps its id and place, a new one is appended, each customer published once', async () => {
    const custPath = join(dir, 'meter-customers.csv');
    writeCsv(custPath, [CUSTOMER_HEADER, customerRow(70), customerRow(71)]);
    await runImport(ho.store, 'mcust-1', opts('customers', custPath));
    const meterRow = (i: number, no: string, maker: string) => [
      `0101${String(i).padStart(8, '0')}`,
      no,
      maker,
      'JK-IC-G2.5',
      'SLE4442',
    ];
    const head = ['户号', '表号', '表厂', '表型号', '卡类型'];
    const first = join(dir, 'meters-a.csv');
    writeCsv(first, [head, meterRow(70, 'M700001', '金卡智能'), meterRow(70, 'M700002', '金卡智能')]);
    await runImport(ho.store, 'mmet-1', opts('meters', first));
    const file = async () =>
      (
        await ho.store.query<{ meters: { id: string; meterNo: string; maker: string }[] }>(
          "SELECT data->'meters' AS meters FROM customers WHERE account_no = '010100000070'",
        )
      )[0]!.meters;
    const before = await file();
    expect(before.map((m) => [m.meterNo, m.maker])).toEqual([
      ['M700001', '金卡智能'],
      ['M700002', '金卡智能'],
    ]);
    const cursorOf = async () =>
      (
        await ho.store.query<{ cursor: number; data: string }>(
          "SELECT cursor, data FROM feed WHERE kind = 'customer' AND data::jsonb->>'accountNo' = '010100000070'",
        )
      )[0]!;
    const published = await cursorOf();
    const later = join(dir, 'meters-b.csv');
    writeCsv(later, [
      head,
      meterRow(70, 'M700001', '金卡智能'),
      meterRow(70, 'M700002', '先锋'),
      meterRow(70, 'M700003', '金卡智能'),
    ]);
    const u = await runImport(ho.store, 'mmet-2', opts('meters', later, { chunkRows: 500 }));
    expect(u.batch!.summary).toMatchObject({ created: 1, updated: 1, unchanged: 1 });
    const after = await file();
    expect(after.map((m) => [m.meterNo, m.maker])).toEqual([
      ['M700001', '金卡智能'],
      ['M700002', '先锋'],
      ['M700003', '金卡智能'],
    ]);
    expect(after[0]!.id).toBe(before[0]!.id);
    expect(after[1]!.id).toBe(before[1]!.id);
    expect(new Set(after.map((m) => m.id)).size).toBe(3);
    const republished = await cursorOf();
    expect(republished.cursor).toBeGreaterThan(published.cursor);
    const fed = JSON.parse(republished.data) as {
      meters: { meterNo: string; maker: string }[];
      version: number;
    };
    expect(fed.meters.map((m) => m.maker)).toEqual(['金卡智能', '先锋', '金卡智能']);
    expect(fed.version).toBe(0);
    const other = await ho.store.query<{ n: number }>(
      "SELECT jsonb_array_length(COALESCE(data->'meters', '[]'))::int AS n FROM customers WHERE account_no = '010100000071'",
    );
    expect(other[0]!.n).toBe(0);
    await revertBatch(ho.store, u.batch!.id, 'mmet-2-undo', Date.now());
    expect((await file()).map((m) => [m.meterNo, m.maker])).toEqual([
      ['M700001', '金卡智能'],
      ['M700002', '金卡智能'],
      ['M700003', '金卡智能'],
    ]);
    expect(((await file())[2] as unknown as { status: string }).status).toBe('removed');
  });

  it('reverts a batch by correcting entries, and only once', async () => {
    const path = join(dir, 'to-revert.csv');
    writeCsv(path, [CUSTOMER_HEADER, customerRow(60), customerRow(61)]);
    const b = (await runImport(ho.store, 'rev-1', opts('customers', path))).batch!;
    const r = await revertBatch(ho.store, b.id, 'rev-1-undo', Date.now());
    expect(r).toMatchObject({ kind: 'revert', revertOf: b.id, summary: { reverted: 2 } });
    expect((await getBatch(ho.store, b.id)).status).toBe('reverted');
    const rows = await ho.store.query<{ status: string }>(
      "SELECT data->>'status' AS status FROM customers WHERE account_no IN ('010100000060', '010100000061')",
    );
    expect(rows.map((x) => x.status)).toEqual(['closed', 'closed']);
    const feed = await ho.store.query<{ data: string }>(
      "SELECT data FROM feed WHERE kind = 'customer' AND data::jsonb->>'accountNo' = '010100000060'",
    );
    expect(JSON.parse(feed[0]!.data).status).toBe('closed');
    expect(await refusal(revertBatch(ho.store, b.id, 'rev-1-undo-again', Date.now()))).toBe(
      'IMPORT_ALREADY_REVERTED',
    );
    // Imported again: the file is opened again.
    const again = await runImport(ho.store, 'rev-1-again', opts('customers', path));
    expect(again.batch!.summary).toMatchObject({ updated: 2 });
    expect(residentId(60)).toHaveLength(18);
  });

  it('serves the same through the admin API: dry run, a refused run, a run, the list, a revert', async () => {
    const csv = join(dir, 'api.csv');
    const bad = [...customerRow(91)];
    bad[3] = '12345';
    writeCsv(csv, [CUSTOMER_HEADER, customerRow(90), bad]);
    const file = {
      kind: 'customers',
      fileName: '用户.csv',
      hallCode: '0101',
      contentBase64: readFileSync(csv).toString('base64'),
    };
    const d = await ho.admin('POST', '/admin/imports/dry-run', file);
    expect(d).toMatchObject({
      rows: 2,
      badRows: 1,
      issues: [{ rowNo: 3, column: '电话', code: 'PHONE_INVALID' }],
    });
    const refused = await fetch(`${ho.url}/admin/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ requestId: 'api-run-0', ...file }),
    });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: 'IMPORT_HAS_ERRORS', dryRun: { badRows: 1 } });
    const b = await ho.admin('POST', '/admin/imports', {
      requestId: 'api-run-1',
      ...file,
      skipBadRows: true,
    });
    expect(b).toMatchObject({ status: 'done', summary: { created: 1, skipped: 1 } });
    expect(
      await ho.admin('POST', '/admin/imports', { requestId: 'api-run-1', ...file, skipBadRows: true }),
    ).toEqual(b);
    const list = await ho.admin('GET', '/admin/imports');
    expect(list.batches.map((x: { id: string }) => x.id)).toContain(b.id);
    expect(await ho.admin('GET', `/admin/imports/${b.id}`)).toEqual(b);
    const r = await ho.admin('POST', `/admin/imports/${b.id}/revert`, { requestId: 'api-revert-1' });
    expect(r).toMatchObject({ kind: 'revert', revertOf: b.id });
    const m = await ho.admin('POST', '/admin/import-mappings/customers', { mapping: { phone: '联系电话' } });
    expect(m).toEqual({ kind: 'customers', mapping: { phone: '联系电话' } });
    const renamed = join(dir, 'renamed.csv');
    writeCsv(renamed, [CUSTOMER_HEADER.map((h) => (h === '电话' ? '联系电话' : h)), customerRow(92)]);
    expect((await dryRun(ho.store, opts('customers', renamed))).valid).toBe(1);
  });
});
