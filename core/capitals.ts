/**
 * Amounts in Chinese capitals (大写金额) for receipts and reports, per the usual financial rules:
 * ¥1,234.50 → 壹仟贰佰叁拾肆元伍角整; ¥100.07 → 壹佰元零柒分; ¥0.00 → 零元整. Runtime: any.
 */
import type { Fen } from './quantities';

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

/** 0..9999 → capitals without leading 零, e.g. 1005 → 壹仟零伍. */
function section(n: number): string {
  let out = '';
  let zero = false;
  for (let i = 3; i >= 0; i--) {
    const d = Math.floor(n / 10 ** i) % 10;
    if (d === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d]! + SMALL_UNITS[i]!;
  }
  return out;
}

function integerPart(n: number): string {
  if (n === 0) return '零';
  const sections: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 10_000)) sections.push(v % 10_000);
  let out = '';
  let needZero = false;
  for (let i = sections.length - 1; i >= 0; i--) {
    const s = sections[i]!;
    if (s === 0) {
      needZero = out.length > 0;
      continue;
    }
    if (out && (needZero || s < 1000)) out += '零';
    out += section(s) + BIG_UNITS[i]!;
    needZero = false;
  }
  return out;
}

export function toChineseCapitals(amount: Fen | number): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError('amount must be an integer number of fen');
  const negative = amount < 0;
  const abs = Math.abs(amount);
  const yuan = Math.floor(abs / 100);
  const jiao = Math.floor(abs / 10) % 10;
  const fen = abs % 10;
  let out = `${integerPart(yuan)}元`;
  if (jiao === 0 && fen === 0) out += '整';
  else {
    if (jiao > 0) out += `${DIGITS[jiao]}角`;
    else if (yuan > 0) out += '零';
    if (fen > 0) out += `${DIGITS[fen]}分`;
    else out += '整';
  }
  if (yuan === 0 && (jiao > 0 || fen > 0)) out = out.replace(/^零元零?/, '');
  return negative ? `负${out}` : out;
}
