/** Receipt printing: the printer, previews, prints and reprints (重打). Runtime: any. */
import { z } from 'zod';
import { DEFAULT_VERIFY_URL, VERIFY_URL_PATTERN } from '../receipts/receipt-qr';
import { idSchema, op, trimmed } from './common';

const STAFF = ['clerk', 'cashier', 'supervisor', 'admin'] as const;

const segment = z.object({
  text: z.string(),
  bold: z.boolean(),
  underline: z.boolean(),
  width: z.number().int(),
  height: z.number().int(),
});
const align = z.enum(['left', 'center', 'right']);

/** What the printer prints (the emulator's reading of the very bytes sent): the print preview renders it. */
export const printedReceiptSchema = z.object({
  elements: z.array(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('line'), align, segments: z.array(segment) }),
      z.object({
        kind: z.literal('qr'),
        align,
        data: z.string(),
        size: z.number().int(),
        ec: z.enum(['L', 'M', 'Q', 'H']),
      }),
      z.object({ kind: z.literal('barcode'), align, data: z.string() }),
    ]),
  ),
  cut: z.boolean(),
  drawerPulses: z.number().int(),
});

const BAUDS = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200];

/** What is wrong with a printer address the pattern lets through (an IP part over 255, a port over 65535 …). */
export function printerSpecProblem(spec: string): string | undefined {
  const tcp = /^tcp:(.+):(\d+)$/.exec(spec);
  if (tcp) {
    const [, host, port] = tcp as unknown as [string, string, string];
    if (/^[\d.]+$/.test(host)) {
      const parts = host.split('.');
      if (
        parts.length !== 4 ||
        parts.some((p) => p === '' || Number(p) > 255 || (p.length > 1 && p.startsWith('0')))
      )
        return `打印机的 IP 地址 ${host} 无效：应为四段 0–255 的数字，如 192.168.1.50`;
    } else if (host.split('.').some((l) => l === '' || l.length > 63 || l.startsWith('-') || l.endsWith('-')))
      return `打印机的主机名 ${host} 无效`;
    if (Number(port) < 1 || Number(port) > 65535)
      return `打印机端口 ${port} 无效：应为 1–65535（通常为 9100）`;
  }
  const serial = /^serial:[^@]+@(\d+)$/.exec(spec);
  if (serial && !BAUDS.includes(Number(serial[1])))
    return `串口波特率 ${serial[1]} 无效：可选 ${BAUDS.join('、')}`;
  return undefined;
}

export const printerSettingsSchema = z.object({
  /** tcp:HOST:PORT, serial:PATH[@BAUD], file:PATH (e.g. /dev/usb/lp0), or training (the demo's emulator). */
  spec: z
    .string()
    .trim()
    .regex(/^(tcp:[A-Za-z0-9.-]+:\d{1,5}|serial:[^@\s]+(@\d+)?|file:\S+|training)$/, {
      error: '打印机地址格式：tcp:主机:端口、serial:串口、file:设备文件',
    })
    .superRefine((spec, ctx) => {
      const problem = printerSpecProblem(spec);
      if (problem)
        ctx.addIssue({ code: 'custom', message: problem, params: { code: 'PRINTER_ADDRESS_INVALID' } });
    }),
  width: z.union([z.literal(58), z.literal(80)]),
  company: trimmed(40, '收据抬头'),
  /**
   * The company's receipt verification address: the receipt QR is this link with the receipt's signed claim
   * appended, so a phone that scans it opens the verification page.
   */
  verifyUrl: z
    .string()
    .trim()
    .max(100, { error: '收据验真网址至多 100 个字符' })
    .regex(VERIFY_URL_PATTERN, { error: '收据验真网址应为 https:// 开头的网址，不含 ? 和 #' })
    .default(DEFAULT_VERIFY_URL),
});
export type PrinterSettings = z.infer<typeof printerSettingsSchema>;

const printResult = z.object({
  copyNo: z.number().int(),
  reprint: z.boolean(),
  paperNearEnd: z.boolean(),
  receipt: printedReceiptSchema,
});

export const printingOps = {
  'printers.get': op({
    summary: '小票打印机设置与状态',
    access: 'session',
    writes: false,
    input: z.object({}),
    output: z.object({
      settings: printerSettingsSchema.nullable(),
      status: z.object({
        ok: z.boolean(),
        problem: z.string().nullable(),
        message: z.string(),
        paperNearEnd: z.boolean(),
      }),
    }),
  }),
  'printers.configure': op({
    summary: '设置小票打印机（连接方式、纸宽、收据抬头、收据验真网址）',
    access: ['admin'],
    writes: true,
    input: printerSettingsSchema,
    output: printerSettingsSchema,
  }),
  'printers.testPage': op({
    summary: '打印测试页',
    access: STAFF,
    writes: false,
    input: z.object({}),
    output: z.object({ paperNearEnd: z.boolean() }),
  }),
  'receipts.preview': op({
    summary: '收据预览：与打印机打出的一致',
    access: STAFF,
    writes: false,
    input: z.object({ saleId: idSchema }),
    output: z.object({ receipt: printedReceiptSchema, columns: z.number().int() }),
  }),
  'receipts.print': op({
    summary: '打印收据；已打印过的再次打印为“重打”并计数',
    access: STAFF,
    writes: true,
    input: z.object({ saleId: idSchema }),
    output: printResult,
  }),
  'receipts.html': op({
    summary:
      '收据、报表、业务受理通知单、班组预约日程或隐患整改通知书（A4）的 HTML 版本：用办公打印机打印或存为 PDF（日程的编号为 日期:班组）',
    access: STAFF,
    writes: false,
    input: z
      .object({
        kind: z.enum(['sale', 'shift', 'day', 'acceptance', 'teamDay', 'hazard']),
        id: z.string().min(1).max(40),
      })
      .refine((v) => v.kind !== 'day' || /^\d{4}-\d{2}-\d{2}$/.test(v.id), {
        message: '日结报表的编号是营业日（YYYY-MM-DD）',
        path: ['id'],
      })
      .refine((v) => v.kind !== 'teamDay' || /^\d{4}-\d{2}-\d{2}:(patrol|repair|install)$/.test(v.id), {
        message: '班组预约日程的编号是 日期:班组（如 2026-11-27:repair）',
        path: ['id'],
      }),
    output: z.object({ html: z.string(), title: z.string() }),
  }),
  'receipts.printShift': op({
    summary: '打印交班报表',
    access: ['cashier', 'supervisor', 'admin'],
    writes: true,
    input: z.object({ shiftId: idSchema }),
    output: printResult,
  }),
  'receipts.printDay': op({
    summary: '打印日结报表',
    access: ['cashier', 'supervisor', 'admin'],
    writes: true,
    input: z.object({ businessDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
    output: printResult,
  }),
} as const;
