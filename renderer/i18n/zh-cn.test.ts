import { describe, expect, it } from 'vitest';
import { ERRORS } from '../../core/errors';
import { zhCN } from './zh-cn';

/**
 * Latin a Chinese screen may show: the product's name, key names, units, and what a clerk types or reads off a
 * device or a file as it is (a serial port, a reader's USB id or PC/SC name, a maker's library, an IANA time zone, a
 * payment app's name, a file's type or encoding).
 */
const ALLOWED =
  /\{\w+\}|GasDesk|Enter|Esc|Ctrl|Shift|Tab|Alt|F\d{1,2}|m³|English|serial|tcp|file|hid|idcard|VID|PID|USB|usb|IC|PSC|QR|IANA|Asia\/Shanghai|https?|COM\d*|tty\w*|dev|lp\d|WeChat|Alipay|PDF|ATR|CRC|A4|SLE4442|UTF-8|ESC\/POS|ID|MB|prints|training|XXXX|PC\/SC|pcscd?|lib|mwic|dcrf|maker|xlsx?|csv|CSV|Excel|GBK|GB18030/g;

function strings(o: unknown, at: string, out: [string, string][]): [string, string][] {
  if (typeof o === 'string') out.push([at, o]);
  else if (o && typeof o === 'object')
    for (const [k, v] of Object.entries(o)) strings(v, at ? `${at}.${k}` : k, out);
  return out;
}

describe('the zh-CN screens', () => {
  it('have no Latin words in their strings or error messages but names, keys, units and device addresses', () => {
    const all = [
      ...strings(zhCN, '', []),
      ...Object.entries(ERRORS).map(([code, e]) => [`errors.${code}`, e.zh] as [string, string]),
    ];
    const latin = all.filter(([, s]) => /[A-Za-z]{2,}/.test(s.replace(ALLOWED, '')));
    expect(Object.fromEntries(latin)).toEqual({});
  });
});
