/**
 * Office printing from the desktop shell: the renderer names a document (a sale's receipt, a shift or day
 * report) and a destination; the main process fetches the HTML through the contract under the caller's own
 * session (so the same permissions apply), loads it in a hidden, sandboxed window with scripts off, and
 * prints it silently to the named printer, through the system dialog, or to a PDF the clerk chooses.
 * The renderer never hands HTML to the main process. Runtime: Electron main.
 */
import { writeFileSync } from 'node:fs';
import type * as Electron from 'electron';
import { z } from 'zod';
import { AppError } from '../core/errors';
import type { Dispatcher } from '../services/api';
import { isTrustedSender } from './ipc';

export const PRINT_HTML_CHANNEL = 'gasdesk:print-html';

export const printRequestSchema = z.object({
  kind: z.enum(['sale', 'shift', 'day', 'acceptance', 'teamDay', 'hazard']),
  id: z.string().min(1).max(40),
  /** A printer name from the system; absent = the system print dialog. */
  deviceName: z.string().min(1).max(200).optional(),
  toPdf: z.boolean().optional(),
});
export type PrintRequest = z.infer<typeof printRequestSchema>;

type Api = Pick<typeof Electron, 'BrowserWindow' | 'dialog'>;
type Result =
  | { ok: true; result: { printed: boolean; pdfPath?: string } }
  | { ok: false; status: number; error: unknown };

const fail = (err: AppError): Result => ({ ok: false, status: err.status, error: err.toBody() });

async function render(e: Api, html: string, req: PrintRequest, title: string): Promise<Result> {
  const win = new e.BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  });
  try {
    await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    if (req.toPdf) {
      const pdf = await win.webContents.printToPDF({ printBackground: false, preferCSSPageSize: true });
      const pick = await e.dialog.showSaveDialog({
        title: '存为 PDF',
        defaultPath: `${title.replace(/[\\/:*?"<>|\s]+/g, '_')}.pdf`,
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      if (pick.canceled || !pick.filePath) return { ok: true, result: { printed: false } };
      writeFileSync(pick.filePath, pdf);
      return { ok: true, result: { printed: true, pdfPath: pick.filePath } };
    }
    const outcome = await new Promise<{ ok: boolean; reason: string }>((resolve) =>
      win.webContents.print(
        { silent: Boolean(req.deviceName), deviceName: req.deviceName, printBackground: false },
        (ok, reason) => resolve({ ok, reason }),
      ),
    );
    if (outcome.ok) return { ok: true, result: { printed: true } };
    if (outcome.reason === 'cancelled') return { ok: true, result: { printed: false } };
    return fail(new AppError('OFFICE_PRINT_FAILED', { detail: outcome.reason }));
  } finally {
    win.destroy();
  }
}

export function registerPrintHtml(ipcMain: Electron.IpcMain, dispatcher: Dispatcher, e: Api): void {
  ipcMain.handle(PRINT_HTML_CHANNEL, async (event, request: unknown, sessionId: unknown): Promise<Result> => {
    if (!isTrustedSender(event)) return fail(new AppError('FORBIDDEN_ORIGIN'));
    const parsed = printRequestSchema.safeParse(request);
    if (!parsed.success)
      return fail(new AppError('VALIDATION_FAILED', { detail: parsed.error.issues[0]?.message }));
    const req = parsed.data;
    const doc = (await dispatcher.invoke(
      'receipts.html',
      { kind: req.kind, id: req.id },
      { sessionId: typeof sessionId === 'string' ? sessionId : undefined },
    )) as { ok: true; result: { html: string; title: string } } | Result;
    if (!doc.ok) return doc as Result;
    const { html, title } = (doc as { result: { html: string; title: string } }).result;
    try {
      return await render(e, html, req, title);
    } catch (err) {
      return fail(
        new AppError('OFFICE_PRINT_FAILED', { detail: err instanceof Error ? err.message : String(err) }),
      );
    }
  });
}
