/**
 * Prints a job on an ESC/POS printer and says why when it cannot: it reads the real-time status before the
 * job (between jobs, never inside another command) and again after it, so paper out, cover open, offline and
 * cutter errors are reported as such. Runtime: Node.
 */
import { statusRequest } from './escpos';
import type { PrinterLink } from './link';
import { LinkError } from './link';

export type PrinterProblem =
  | 'PAPER_OUT'
  | 'COVER_OPEN'
  | 'OFFLINE'
  | 'CUTTER_ERROR'
  | 'NOT_CONNECTED'
  | 'TIMEOUT'
  | 'DROPPED';
export const PRINTER_PROBLEM_ZH: Record<PrinterProblem, string> = {
  PAPER_OUT: '缺纸',
  COVER_OPEN: '盖未关',
  OFFLINE: '离线',
  CUTTER_ERROR: '切刀错误',
  NOT_CONNECTED: '打印机未连接',
  TIMEOUT: '打印机无响应',
  DROPPED: '打印中连接中断',
};

export class PrinterError extends Error {
  constructor(readonly problem: PrinterProblem) {
    super(`printer: ${problem}`);
    this.name = 'PrinterError';
  }
}

export interface PrinterStatus {
  offline: boolean;
  coverOpen: boolean;
  paperEnd: boolean;
  paperNearEnd: boolean;
  cutterError: boolean;
}

/** A status byte is shaped 0xx1xx10; anything else is garbage on the line. */
export const isStatusByte = (b: number) => (b & 0x93) === 0x12;

export class StatusReader {
  private bytes: number[] = [];
  private waiting: ((b: number) => void) | null = null;

  constructor(link: PrinterLink) {
    link.onData((chunk) => {
      for (const b of chunk) {
        if (!isStatusByte(b)) continue;
        if (this.waiting) {
          const w = this.waiting;
          this.waiting = null;
          w(b);
        } else this.bytes.push(b);
      }
    });
  }

  next(timeoutMs: number): Promise<number> {
    const b = this.bytes.shift();
    if (b !== undefined) return Promise.resolve(b);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => {
        this.waiting = null;
        reject(new PrinterError('TIMEOUT'));
      }, timeoutMs);
      this.waiting = (x) => {
        clearTimeout(t);
        resolve(x);
      };
    });
  }

  drop(): void {
    this.bytes = [];
  }
}

export async function readStatus(
  link: PrinterLink,
  reader: StatusReader,
  timeoutMs = 800,
): Promise<PrinterStatus> {
  const ask = async (n: 1 | 2 | 3 | 4) => {
    await link.write(statusRequest(n));
    return reader.next(timeoutMs);
  };
  const s1 = await ask(1);
  const s2 = await ask(2);
  const s3 = await ask(3);
  const s4 = await ask(4);
  return {
    offline: (s1 & 0x08) !== 0 && (s2 & 0x64) === 0,
    coverOpen: (s2 & 0x04) !== 0,
    paperEnd: (s2 & 0x20) !== 0 || (s4 & 0x60) === 0x60,
    paperNearEnd: (s4 & 0x0c) === 0x0c,
    cutterError: (s3 & 0x08) !== 0,
  };
}

export function problemOf(s: PrinterStatus): PrinterProblem | null {
  if (s.coverOpen) return 'COVER_OPEN';
  if (s.paperEnd) return 'PAPER_OUT';
  if (s.cutterError) return 'CUTTER_ERROR';
  if (s.offline) return 'OFFLINE';
  return null;
}

export interface PrintOutcome {
  /** Status after the job (null on a one-way link). */
  status: PrinterStatus | null;
  /** 纸将尽: printed, but the roll is nearly out. */
  paperNearEnd: boolean;
}

/** Opens the link, checks, prints, checks again, closes. Throws PrinterError with the reason. */
export async function printJob(
  open: () => Promise<PrinterLink>,
  job: Uint8Array,
  opts: { timeoutMs?: number } = {},
): Promise<PrintOutcome> {
  let link: PrinterLink;
  try {
    link = await open();
  } catch (e) {
    throw new PrinterError(e instanceof LinkError ? e.code : 'NOT_CONNECTED');
  }
  let dropped = false;
  link.onClose(() => {
    dropped = true;
  });
  try {
    if (!link.twoWay) {
      await link.write(job);
      return { status: null, paperNearEnd: false };
    }
    const reader = new StatusReader(link);
    const before = await readStatus(link, reader, opts.timeoutMs);
    const problem = problemOf(before);
    if (problem) throw new PrinterError(problem);
    try {
      await link.write(job);
    } catch {
      throw new PrinterError('DROPPED');
    }
    let after: PrinterStatus;
    try {
      after = await readStatus(link, reader, opts.timeoutMs);
    } catch (e) {
      throw dropped ? new PrinterError('DROPPED') : e;
    }
    const late = problemOf(after);
    if (late) throw new PrinterError(late);
    return { status: after, paperNearEnd: after.paperNearEnd };
  } catch (e) {
    if (e instanceof PrinterError) throw e;
    throw new PrinterError(dropped ? 'DROPPED' : 'NOT_CONNECTED');
  } finally {
    await link.close().catch(() => {});
  }
}
