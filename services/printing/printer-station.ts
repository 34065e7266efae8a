/**
 * The counter's receipt printer: its settings, and a link to it — a network, serial or USB device printer, or,
 * in training, a printer emulator inside this process whose receipts the training panel can show.
 * Runtime: Node.
 */
import { type PrinterSettings, printerSettingsSchema } from '../../core/contract';
import { AppError } from '../../core/errors';
import type { Receipt } from '../../core/receipts/printed';
import { LinkError, openPrinterSpec, type PrinterLink } from '../../drivers/printer/link';
import {
  PRINTER_PROBLEM_ZH,
  PrinterError,
  type PrinterProblem,
  printJob,
} from '../../drivers/printer/printer';
import { PrinterEmulator } from '../../drivers/printer/printer-emulator';
import { getSetting } from '../../db';
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

export function openPrinter(app: App, s: PrinterSettings): () => Promise<PrinterLink> {
  return s.spec === 'training' ? async () => memoryLink(trainingPrinter(app)) : () => openPrinterSpec(s.spec);
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
