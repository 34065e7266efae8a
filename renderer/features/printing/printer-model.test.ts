import { describe, expect, it } from 'vitest';
import { isPrinterCode, type PrinterInfo, printerStateKey, printerTone } from './printer-model';

const settings = { spec: 'tcp:10.0.0.5:9100', width: 80 as const, company: '燃气公司' };
const info = (
  status: Partial<PrinterInfo['status']>,
  s: PrinterInfo['settings'] = settings,
): PrinterInfo => ({
  settings: s,
  status: { ok: true, problem: null, message: '正常', paperNearEnd: false, ...status },
});

describe('printer status words', () => {
  it('names each state the status bar shows', () => {
    expect(printerStateKey(info({}))).toBe('ok');
    expect(printerStateKey(info({ paperNearEnd: true, message: '纸将尽' }))).toBe('nearEnd');
    expect(printerStateKey(info({ ok: false, problem: 'PAPER_OUT' }))).toBe('paperOut');
    expect(printerStateKey(info({ ok: false, problem: 'COVER_OPEN' }))).toBe('coverOpen');
    expect(printerStateKey(info({ ok: false, problem: 'OFFLINE' }))).toBe('offline');
    expect(printerStateKey(info({ ok: false, problem: 'CUTTER_ERROR' }))).toBe('cutter');
    expect(printerStateKey(info({ ok: false, problem: 'NOT_CONNECTED' }))).toBe('notConnected');
    expect(printerStateKey(info({ ok: false, problem: 'TIMEOUT' }))).toBe('notConnected');
    expect(printerStateKey(info({ ok: false, problem: 'PRINTER_NOT_CONFIGURED' }, null))).toBe(
      'notConfigured',
    );
  });

  it('is loud only when printing cannot work', () => {
    expect(printerTone('ok')).toBe('good');
    expect(printerTone('nearEnd')).toBe('warn');
    expect(printerTone('paperOut')).toBe('bad');
    expect(printerTone('notConfigured')).toBe('muted');
  });

  it('recognises the printer error codes', () => {
    expect(isPrinterCode('PRINTER_PAPER_OUT')).toBe(true);
    expect(isPrinterCode('CARD_LOCKED')).toBe(false);
    expect(isPrinterCode(undefined)).toBe(false);
  });
});

describe('test page failures', () => {
  it('names the printer state of each printer error', async () => {
    const { printerKeyOfError } = await import('./printer-model');
    expect(printerKeyOfError('PRINTER_PAPER_OUT')).toBe('paperOut');
    expect(printerKeyOfError('PRINTER_UNREACHABLE')).toBe('notConnected');
    expect(printerKeyOfError('CARD_LOCKED')).toBeUndefined();
  });
});
