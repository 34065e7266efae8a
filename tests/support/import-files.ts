/** Test support: import files built in the test run — .xlsx with exceljs, CSV in UTF-8 or GBK. */
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export const CUSTOMER_HEADER = [
  '户号',
  '姓名',
  '身份证号',
  '电话',
  '区县',
  '小区',
  '楼栋',
  '单元',
  '房号',
  '用户类别',
  '人口数',
  '开户日期',
];

/** A valid 18-digit resident ID (GB 11643 check digit) born 1980-01-01 with sequence `seq`. */
export function residentId(seq: number): string {
  const body = `32072219800101${String(seq % 1000).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * w[i]!, 0);
  return body + '10X98765432'[sum % 11];
}

export function customerRow(i: number): unknown[] {
  return [
    `0101${String(i).padStart(8, '0')}`,
    `王${'伟芳娜敏静'[i % 5]}${i}`,
    residentId(i),
    `138${String(10_000_000 + i).slice(-8)}`,
    '虞山街道',
    '阳光花园',
    `${1 + (i % 9)}栋`,
    '1单元',
    `${100 + i}`,
    '居民',
    1 + (i % 5),
    '2020-05-01',
  ];
}

export async function writeXlsx(path: string, rows: unknown[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(path);
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function writeCsv(path: string, rows: unknown[][], encoding: 'utf8' | 'gbk' = 'utf8'): void {
  const text = `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
  writeFileSync(path, encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8'));
}
