/** What the printer's status (printers.get) means at the counter: one word and how loud. Runtime: any. */
import type { OpOutput } from '../../../core/contract';

export type PrinterInfo = OpOutput<'printers.get'>;

export type PrinterStateKey =
  | 'ok'
  | 'nearEnd'
  | 'paperOut'
  | 'coverOpen'
  | 'offline'
  | 'cutter'
  | 'notConnected'
  | 'notConfigured';

const BY_PROBLEM: Record<string, PrinterStateKey> = {
  PRINTER_NOT_CONFIGURED: 'notConfigured',
  PAPER_OUT: 'paperOut',
  COVER_OPEN: 'coverOpen',
  OFFLINE: 'offline',
  CUTTER_ERROR: 'cutter',
  NOT_CONNECTED: 'notConnected',
  TIMEOUT: 'notConnected',
  DROPPED: 'notConnected',
};

export function printerStateKey(info: PrinterInfo): PrinterStateKey {
  if (!info.settings) return 'notConfigured';
  const s = info.status;
  if (s.problem) return BY_PROBLEM[s.problem] ?? 'notConnected';
  if (!s.ok) return 'notConnected';
  return s.paperNearEnd ? 'nearEnd' : 'ok';
}

export type Tone = 'good' | 'warn' | 'bad' | 'muted';

export function printerTone(key: PrinterStateKey): Tone {
  switch (key) {
    case 'ok':
      return 'good';
    case 'nearEnd':
      return 'warn';
    case 'notConfigured':
      return 'muted';
    default:
      return 'bad';
  }
}

/** A print error whose message already tells the cashier what happened and that the business is done. */
export function isPrinterCode(code: string | undefined): boolean {
  return !!code && code.startsWith('PRINTER_');
}

const BY_ERROR: Record<string, PrinterStateKey> = {
  PRINTER_NOT_CONFIGURED: 'notConfigured',
  PRINTER_PAPER_OUT: 'paperOut',
  PRINTER_COVER_OPEN: 'coverOpen',
  PRINTER_OFFLINE: 'offline',
  PRINTER_CUTTER_ERROR: 'cutter',
  PRINTER_UNREACHABLE: 'notConnected',
};

/** The status word for a print error (for a test page, where "the business is done" does not apply). */
export function printerKeyOfError(code: string | undefined): PrinterStateKey | undefined {
  return code ? BY_ERROR[code] : undefined;
}
