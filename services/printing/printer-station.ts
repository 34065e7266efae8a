/**
 * The counter's receipt printer: its settings, and a link to it — a network, serial or USB device printer, or,
 * in training, a printer emulator inside this process whose receipts the training panel can show. A `file:`
 * printer writes only inside the counter's print folder.
 * Runtime: Node.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { type PrinterSettings, printerSettingsSchema } from '../../core/contract';
import { AppError } from '../../core/errors';
import type { Receipt } from '../../core/receipts/printed';
import { LinkError, openDeviceFile, openPrinterSpec, type PrinterLink } from '../../drivers/printer/link';
import {
  PRINTER_PROBLEM_ZH,
  PrinterError,
  type PrinterProblem,
  printJob,
} from '../../drivers/printer/printer';
import { PrinterEmulator } from '../../drivers/printer/printer-emulator';
import { getSetting } from '../../db';
import { isInside, realPathOf } from '../system/inside';
import type { App } from '../app';

const trainingPrinters = new WeakMap<App, PrinterEmulator>();

/** The training printer of this counter (created on first use). */
export function trainingPrinter(app: App): PrinterEmulator {
  let p = trainingPrinters.get(app);
  if (!p) {
    p = new PrinterEmulator();
    trainingPrinters.set(app, p);
  }
  return p;
}

export function printerSettings(app: App): PrinterSettings | null {
  const raw = getSetting(app.db, 'printer');
  if (!raw) return null;
  const parsed = printerSettingsSchema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : null;
}

function memoryLink(emu: PrinterEmulator): PrinterLink {
  let receive: (c: Uint8Array) => void = () => {};
  return {
    description: 'training',
    twoWay: true,
    write: async (bytes) => {
      const replies = emu.handle(bytes);
      setImmediate(() => {
        for (const r of replies) receive(r);
      });
    },
    onData: (cb) => {
      receive = cb;
    },
    onClose: () => {},
    close: async () => {},
  };
}

/**
 * The file a `file:` printer writes: inside the counter's print folder (App.printDir), a relative name taken
 * from there; `..` and symbolic links are resolved first, so nothing leads out of the folder.
 */
export function printFilePath(app: App, path: string): string {
  if (!existsSync(app.printDir)) mkdirSync(app.printDir, { recursive: true, mode: 0o700 });
  const folder = realPathOf(app.printDir);
  const real = realPathOf(resolve(folder, path));
  if (real === folder || !isInside(folder, real))
    throw new AppError('PRINT_FILE_OUTSIDE_FOLDER', { detail: `print folder: ${folder}` });
  return real;
}

/** Throws PRINT_FILE_OUTSIDE_FOLDER when the settings name a file printer outside the print folder. */
export function checkPrinterSpec(app: App, s: PrinterSettings): void {
  const file = /^file:(.+)$/.exec(s.spec);
  if (file) printFilePath(app, file[1]!);
}

export function openPrinter(app: App, s: PrinterSettings): () => Promise<PrinterLink> {
  if (s.spec === 'training') return async () => memoryLink(trainingPrinter(app));
  const file = /^file:(.+)$/.exec(s.spec);
  if (file) {
    const path = printFilePath(app, file[1]!);
    return () => openDeviceFile(path, { noFollow: true });
  }
  return () => openPrinterSpec(s.spec);
}

const ERROR_OF: Record<PrinterProblem, ConstructorParameters<typeof AppError>[0]> = {
  PAPER_OUT: 'PRINTER_PAPER_OUT',
  COVER_OPEN: 'PRINTER_COVER_OPEN',
  OFFLINE: 'PRINTER_OFFLINE',
  CUTTER_ERROR: 'PRINTER_CUTTER_ERROR',
  NOT_CONNECTED: 'PRINTER_UNREACHABLE',
  TIMEOUT: 'PRINTER_UNREACHABLE',
  DROPPED: 'PRINTER_UNREACHABLE',
};

/** Sends a job; a printer problem becomes the counter's error naming it (缺纸, 盖未关, 离线, 切刀错误 …). */
export async function sendJob(app: App, job: Uint8Array): Promise<{ paperNearEnd: boolean }> {
  const s = printerSettings(app);
  if (!s) throw new AppError('PRINTER_NOT_CONFIGURED');
  try {
    return await printJob(openPrinter(app, s), job);
  } catch (e) {
    if (e instanceof PrinterError)
      throw new AppError(ERROR_OF[e.problem], { detail: PRINTER_PROBLEM_ZH[e.problem] });
    if (e instanceof LinkError) throw new AppError('PRINTER_UNREACHABLE');
    throw e;
  }
}

/** The last receipts the training printer printed (newest first). */
export function trainingReceipts(app: App, n = 5): Receipt[] {
  return trainingPrinter(app).receipts.slice(-n).reverse();
}
