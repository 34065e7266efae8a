/** Office printing through the desktop shell's second channel, with the real dispatcher and a fake Electron window. */
import { APP_INDEX } from '../../electron/app-url';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRINT_HTML_CHANNEL, registerPrintHtml } from '../../electron/print-html';
import { M3, buy, cashierWithShift, household } from '../fixtures/sales';
import { type TestCounter, testCounter } from '../support/app';

type Handler = (
  event: unknown,
  ...args: unknown[]
) => Promise<{ ok: boolean; result?: unknown; error?: { code: string; detail?: string } }>;
const frame = { senderFrame: { url: APP_INDEX, parent: null } };

function fakeShell(t: TestCounter, opts: { printOk?: [boolean, string]; savePath?: string } = {}) {
  const handlers = new Map<string, Handler>();
  const seen: { url?: string; prefs?: unknown; print?: unknown; destroyed: boolean } = { destroyed: false };
  class Win {
    webContents = {
      print: (o: unknown, cb: (ok: boolean, reason: string) => void) => {
        seen.print = o;
        cb(...(opts.printOk ?? [true, '']));
      },
      printToPDF: async () => Buffer.from('%PDF-1.4 fake'),
    };
    constructor(o: { webPreferences: unknown }) {
      seen.prefs = o.webPreferences;
    }
    async loadURL(u: string) {
      seen.url = u;
    }
    destroy() {
      seen.destroyed = true;
    }
  }
  const dialog = {
    showSaveDialog: async () => ({ canceled: !opts.savePath, filePath: opts.savePath }),
  };
  registerPrintHtml({ handle: (c: string, f: Handler) => handlers.set(c, f) } as never, t.d, {
    BrowserWindow: Win,
    dialog,
  } as never);
  const html = () => Buffer.from(seen.url!.split(',')[1]!, 'base64').toString('utf8');
  return { call: handlers.get(PRINT_HTML_CHANNEL)!, seen, html };
}

describe('office printing from the desktop shell', () => {
  it('prints the sale receipt silently to the named printer from a script-less hidden window', async () => {
    const t = await testCounter({ households: 1 });
    const sid = await cashierWithShift(t);
    const c = await household(t);
    const sale = await buy(t, sid, { customerId: c.id, by: 'volume', volume: 20 * M3 });
    const s = fakeShell(t);
    const r = await s.call(frame, { kind: 'sale', id: sale.id, deviceName: 'HP LaserJet 办公室' }, sid);
    expect(r).toEqual({ ok: true, result: { printed: true } });
    expect(s.seen.print).toMatchObject({ silent: true, deviceName: 'HP LaserJet 办公室' });
    expect(s.seen.prefs).toMatchObject({ sandbox: true, javascript: false, nodeIntegration: false });
    expect(s.seen.destroyed).toBe(true);
    for (const text of [
      c.name,
      c.accountNo,
      sale.receiptNo,
      '燃气费收据（购气）',
      '【副本 仅供存档，不作收款凭证】',
    ])
      expect(s.html()).toContain(text);
  });

  it('saves the shift report as a PDF where the clerk chooses, and reports a cancelled dialog as not printed', async () => {
    const t = await testCounter({ households: 1 });
    const sid = await cashierWithShift(t);
    const shift = (await t.ok('shifts.current', {}, sid)).shift!;
    const path = join(t.dir, '交班报表.pdf');
    const s = fakeShell(t, { savePath: path });
    const r = await s.call(frame, { kind: 'shift', id: shift.id, toPdf: true }, sid);
    expect(r).toEqual({ ok: true, result: { printed: true, pdfPath: path } });
    expect(readFileSync(path, 'utf8')).toBe('%PDF-1.4 fake');
    expect(s.html()).toContain('交班');
    const cancelled = fakeShell(t);
    expect(await cancelled.call(frame, { kind: 'shift', id: shift.id, toPdf: true }, sid)).toEqual({
      ok: true,
      result: { printed: false },
    });
  });

  it('names a printer failure, and refuses a foreign frame, a bad request or no session without rendering', async () => {
    const t = await testCounter({ households: 1 });
    const sid = await cashierWithShift(t);
    const day = await t.ok('days.report', {}, sid);
    const failing = fakeShell(t, { printOk: [false, 'Printer is offline'] });
    const r = await failing.call(frame, { kind: 'day', id: day.businessDate }, sid);
    expect(r.error).toMatchObject({ code: 'OFFICE_PRINT_FAILED', detail: 'Printer is offline' });
    const s = fakeShell(t);
    const foreign = { senderFrame: { url: 'https://evil.example/', parent: null } };
    expect((await s.call(foreign, { kind: 'day', id: day.businessDate }, sid)).error?.code).toBe(
      'FORBIDDEN_ORIGIN',
    );
    expect((await s.call(frame, { kind: 'html', id: '<b>' }, sid)).error?.code).toBe('VALIDATION_FAILED');
    expect((await s.call(frame, { kind: 'day', id: day.businessDate }, undefined)).error?.code).toBe(
      'NOT_LOGGED_IN',
    );
    expect(s.seen.url).toBeUndefined();
    expect(existsSync(join(t.dir, 'x.pdf'))).toBe(false);
  });
});
