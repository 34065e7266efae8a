/**
 * Printing receipts and reports, after the business is committed: a print problem is said by name and never
 * touches the sale, which stays reprintable from its stored record. Every attempt is recorded in
 * receipt_prints; a reprint is marked 重打 N on paper, counted in the day report and audited. Runtime: Node.
 */
import { type PrinterSettings, printerSettingsSchema } from '../../core/contract';
import { dayReportDoc, shiftReportDoc } from '../../core/receipts/cash-reports';
import type { ReceiptDoc } from '../../core/receipts/document';
import type { Receipt } from '../../core/receipts/printed';
import { receiptHtml } from '../../core/receipts/html';
import { DEFAULT_VERIFY_URL } from '../../core/receipts/receipt-qr';
import { testPage } from '../../core/receipts/test-page';
import { AppError } from '../../core/errors';
import { prepared, putSetting } from '../../db';
import { checkPrinterSpec, openPrinter, printerSettings, sendJob } from './printer-station';
import { readStatus, StatusReader, problemOf, PRINTER_PROBLEM_ZH } from '../../drivers/printer/printer';
import { PrinterEmulator } from '../../drivers/printer/printer-emulator';
import { renderEscPos } from '../../drivers/printer/render';
import type { App } from '../app';
import { type Handlers, operatorOf } from '../call';
import { currentBusinessDate } from '../cash/business-date';
import { loadDayReport } from '../cash/day-report';
import { loadShiftReport } from '../cash/shift-report';
import { loadSale } from '../sales/sale-view';
import { acceptanceHtml } from '../service-desk/notice';
import { hazardHtml } from '../service-desk/hazard-notice';
import { teamDayHtml } from '../service-desk/slip';
import { header, isCardWriteSlip, localTime, saleDoc } from './receipt-docs';

export function settings(app: App): PrinterSettings {
  const s = printerSettings(app);
  if (!s) throw new AppError('PRINTER_NOT_CONFIGURED');
  return s;
}

/** What the printer makes of the bytes: the preview shows exactly this. */
export function printed(bytes: Uint8Array): Receipt {
  const emu = new PrinterEmulator();
  emu.handle(bytes);
  return emu.receipts[0] ?? emu.pending;
}

/**
 * Every earlier attempt counts, printed or not: a job that failed midway (paper out) may have left half a
 * receipt, so anything printed after a first attempt is marked 重打.
 */
function attemptsSoFar(app: App, kind: string, docId: string): number {
  return (
    prepared(
      app.gdb.sqlite,
      'SELECT count(*) AS n FROM receipt_prints WHERE doc_kind = ? AND doc_id = ?',
    ).get(kind, docId) as { n: number }
  ).n;
}

/** Prints a document, records the attempt, and audits reprints. */
export async function printDoc(
  app: App,
  operatorId: string,
  kind: 'sale' | 'slip' | 'shift' | 'day' | 'acceptance' | 'appointment' | 'teamDay' | 'hazard' | 'alarm',
  docId: string,
  make: (reprint?: { number: number; at: string }) => ReceiptDoc,
  label: string,
) {
  const copyNo = attemptsSoFar(app, kind, docId) + 1;
  const reprint = copyNo > 1 ? { number: copyNo - 1, at: localTime(app, app.clock.nowMs()) } : undefined;
  const bytes = renderEscPos(make(reprint));
  const record = (outcome: 'printed' | 'failed', problem: string | null) =>
    app.transaction(() => {
      app.gdb.sqlite
        .prepare(`INSERT INTO receipt_prints (id, doc_kind, doc_id, business_date, reprint, copy_no, operator_id, outcome, problem, printed_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(
          app.newId(),
          kind,
          docId,
          currentBusinessDate(app),
          reprint ? 1 : 0,
          copyNo,
          operatorId,
          outcome,
          problem,
          app.nowIso(),
        );
      if (reprint && outcome === 'printed')
        app.ledger().append({
          type: 'receipt.reprinted',
          payload: { kind, docId, copyNo },
          operatorId,
          audit: { action: 'receipt.reprinted', summary: `重打${label}（第 ${reprint.number} 次）` },
        });
    });
  try {
    const out = await sendJob(app, bytes);
    record('printed', null);
    return { copyNo, reprint: !!reprint, paperNearEnd: out.paperNearEnd, receipt: printed(bytes) };
  } catch (e) {
    record('failed', e instanceof AppError ? e.code : 'UNKNOWN');
    throw e;
  }
}

export const printersGet: Handlers['printers.get'] = async (_input, { app }) => {
  const s = printerSettings(app);
  if (!s)
    return {
      settings: null,
      status: { ok: false, problem: 'PRINTER_NOT_CONFIGURED', message: '未设置打印机', paperNearEnd: false },
    };
  try {
    const link = await openPrinter(app, s)();
    try {
      if (!link.twoWay)
        return {
          settings: s,
          status: { ok: true, problem: null, message: '单向连接，无法读取状态', paperNearEnd: false },
        };
      const st = await readStatus(link, new StatusReader(link), 800);
      const p = problemOf(st);
      return {
        settings: s,
        status: {
          ok: !p,
          problem: p,
          message: p ? PRINTER_PROBLEM_ZH[p] : st.paperNearEnd ? '纸将尽' : '正常',
          paperNearEnd: st.paperNearEnd,
        },
      };
    } finally {
      await link.close();
    }
  } catch {
    return {
      settings: s,
      status: {
        ok: false,
        problem: 'NOT_CONNECTED',
        message: PRINTER_PROBLEM_ZH.NOT_CONNECTED,
        paperNearEnd: false,
      },
    };
  }
};

export const printersConfigure: Handlers['printers.configure'] = (input, call) => {
  const { app } = call;
  const s = printerSettingsSchema.parse(input);
  checkPrinterSpec(app, s);
  app.transaction(() => {
    putSetting(app.db, 'printer', JSON.stringify(s));
    app.ledger().append({
      type: 'settings.printer',
      payload: s,
      operatorId: operatorOf(call).staffId,
      audit: { action: 'settings.printer', summary: `设置打印机：${s.spec}，${s.width} 毫米` },
    });
  });
  return s;
};

export const printersTestPage: Handlers['printers.testPage'] = async (_input, { app }) => {
  const s = settings(app);
  const c = app.counter()!;
  return sendJob(
    app,
    renderEscPos(
      testPage(s.width === 58 ? 32 : 48, {
        hall: c.hallName,
        counter: c.counterName,
        at: localTime(app, app.clock.nowMs()),
      }),
    ),
  );
};

/** The printer's settings, or with no printer set up (training, a preview) an 80 mm paper of the hall's name. */
export function settingsOrTraining(app: App): PrinterSettings {
  return (
    printerSettings(app) ?? {
      spec: 'training',
      width: 80,
      company: app.counter()!.hallName,
      verifyUrl: DEFAULT_VERIFY_URL,
    }
  );
}

export const receiptsPreview: Handlers['receipts.preview'] = (input, { app }) => {
  const s = settingsOrTraining(app);
  // The paper the next print gives: marked 重打 once printed before, the drawer only with the first paper.
  const slip = isCardWriteSlip(app, loadSale(app, input.saleId));
  const copyNo = attemptsSoFar(app, slip ? 'slip' : 'sale', input.saleId) + 1;
  const first = attemptsSoFar(app, 'sale', input.saleId) + attemptsSoFar(app, 'slip', input.saleId) === 0;
  const reprint = copyNo > 1 ? { number: copyNo - 1, at: localTime(app, app.clock.nowMs()) } : undefined;
  return {
    receipt: printed(renderEscPos(saleDoc(app, input.saleId, s, reprint, first).doc)),
    columns: s.width === 58 ? 32 : 48,
  };
};

/**
 * A sale's paper: the receipt, or — a gas sale whose gas is not on the card yet — the 待写卡 slip, counted
 * apart, so that the receipt printed once the write is confirmed is its first print (not 重打). The cash
 * drawer opens with the sale's first paper only.
 */
export const receiptsPrint: Handlers['receipts.print'] = (input, call) => {
  const { app } = call;
  const s = settings(app);
  const slip = isCardWriteSlip(app, loadSale(app, input.saleId));
  const first = attemptsSoFar(app, 'sale', input.saleId) + attemptsSoFar(app, 'slip', input.saleId) === 0;
  return printDoc(
    app,
    operatorOf(call).staffId,
    slip ? 'slip' : 'sale',
    input.saleId,
    (r) => saleDoc(app, input.saleId, s, r, first).doc,
    slip ? '待写卡凭条' : '收据',
  );
};

/** What a cash report is printed with: the header, the time now, the paper's columns and the hall's zone. */
const reportFrame = (app: App, s: PrinterSettings) =>
  [header(app, s), localTime(app, app.clock.nowMs()), s.width === 58 ? 32 : 48, app.timeZone()] as const;

export const receiptsPrintShift: Handlers['receipts.printShift'] = (input, call) => {
  const { app } = call;
  const s = settings(app);
  const report = loadShiftReport(app, input.shiftId);
  return printDoc(
    app,
    operatorOf(call).staffId,
    'shift',
    input.shiftId,
    () => shiftReportDoc(report, ...reportFrame(app, s)),
    '交班报表',
  );
};

export const receiptsPrintDay: Handlers['receipts.printDay'] = (input, call) => {
  const { app } = call;
  const s = settings(app);
  const report = loadDayReport(app, input.businessDate);
  return printDoc(
    app,
    operatorOf(call).staffId,
    'day',
    input.businessDate,
    () => dayReportDoc(report, ...reportFrame(app, s)),
    '日结报表',
  );
};

export const OFFICE_COPY = '【副本 仅供存档，不作收款凭证】';

/** The same document as HTML, for office printers and PDF (the desktop shell prints it; a browser, its dialog). */
export const receiptsHtml: Handlers['receipts.html'] = (input, { app }) => {
  const s = settingsOrTraining(app);
  if (input.kind === 'sale') {
    // An office copy is not a second receipt: it says so on top, so it cannot stand in for the counter's one.
    const { doc, sale } = saleDoc(app, input.id, s);
    const marked = {
      ...doc,
      blocks: [
        { t: 'text' as const, text: OFFICE_COPY, align: 'center' as const, bold: true },
        ...doc.blocks,
      ],
    };
    return { html: receiptHtml(marked, `收据副本 ${sale.receiptNo}`), title: `收据副本 ${sale.receiptNo}` };
  }
  if (input.kind === 'acceptance') return acceptanceHtml(app, input.id, s);
  if (input.kind === 'teamDay') return teamDayHtml(app, input.id, s);
  if (input.kind === 'hazard') return hazardHtml(app, input.id, s);
  if (input.kind === 'shift')
    return {
      html: receiptHtml(shiftReportDoc(loadShiftReport(app, input.id), ...reportFrame(app, s)), '交班报表'),
      title: '交班报表',
    };
  return {
    html: receiptHtml(
      dayReportDoc(loadDayReport(app, input.id), ...reportFrame(app, s)),
      `日结报表 ${input.id}`,
    ),
    title: `日结报表 ${input.id}`,
  };
};

export const printingHandlers: Pick<
  Handlers,
  | 'printers.get'
  | 'printers.configure'
  | 'printers.testPage'
  | 'receipts.preview'
  | 'receipts.print'
  | 'receipts.printShift'
  | 'receipts.printDay'
  | 'receipts.html'
> = {
  'printers.get': printersGet,
  'printers.configure': printersConfigure,
  'printers.testPage': printersTestPage,
  'receipts.preview': receiptsPreview,
  'receipts.print': receiptsPrint,
  'receipts.printShift': receiptsPrintShift,
  'receipts.printDay': receiptsPrintDay,
  'receipts.html': receiptsHtml,
};
