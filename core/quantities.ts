/**
 * Money and gas volume, stated once for the whole system (runtime: any).
 *
 * - Money is an integer number of 分 (fen): 1 元 = 100 分.
 * - Gas volume is an integer number of VOLUME_UNITS_PER_M3 minor units: 1 m³ = 100 units (0.01 m³).
 *
 * Neither is ever a floating-point number: parsing goes through strings, arithmetic stays integral.
 */
export type Fen = number & { readonly __unit: 'fen' };
export type VolumeUnits = number & { readonly __unit: 'volume' };

export const FEN_PER_YUAN = 100;
export const VOLUME_UNITS_PER_M3 = 100;

function assertSafeInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be a safe integer, got ${n}`);
}

export function fen(n: number): Fen {
  assertSafeInteger(n, 'fen');
  return n as Fen;
}

export function volumeUnits(n: number): VolumeUnits {
  assertSafeInteger(n, 'volume');
  return n as VolumeUnits;
}

/** "12.3" → 1230 fen. Accepts at most two decimals; throws RangeError otherwise. */
export function parseYuan(text: string): Fen {
  return fen(parseDecimal(text.trim(), 2, 'yuan'));
}

/** "1.5" → 150 units. Accepts at most two decimals. */
export function parseCubicMetres(text: string): VolumeUnits {
  return volumeUnits(parseDecimal(text.trim(), 2, 'm³'));
}

/** Gas prices are in 厘 (0.001 元) per m³: "4.125" → 4125. Accepts at most three decimals. */
export function parsePriceLi(text: string): number {
  return parseDecimal(text.trim(), 3, 'price');
}

/** 4125 → "4.125", 2750 → "2.75" (元/m³, trailing zeros of the third decimal dropped). */
export function formatPriceLi(li: number): string {
  const s = formatScaled(li, 1000, 3).replace(/,/g, '');
  return s.endsWith('0') ? s.slice(0, -1) : s;
}

function parseDecimal(text: string, decimals: number, what: string): number {
  const m = /^(-)?(\d{1,13})(?:\.(\d*))?$/.exec(text);
  if (!m) throw new RangeError(`not a ${what} amount: ${text}`);
  const frac = m[3] ?? '';
  if (frac.length > decimals) throw new RangeError(`at most ${decimals} decimals: ${text}`);
  const digits = Number(m[2]) * 10 ** decimals + Number(frac.padEnd(decimals, '0') || '0');
  return m[1] ? -digits : digits;
}

function formatScaled(n: number, scale: number, decimals: number): string {
  const sign = n < 0 ? '-' : '';
  const abs = Math.abs(n);
  const whole = Math.trunc(abs / scale);
  const frac = String(abs % scale).padStart(decimals, '0');
  // Thousands grouped by hand: toLocaleString goes through ICU, several µs a call on the sale path.
  return `${sign}${String(whole).replace(/\B(?=(\d{3})+$)/g, ',')}.${frac}`;
}

/** 123456 → "1,234.56" */
export function formatYuan(amount: Fen | number): string {
  return formatScaled(amount, FEN_PER_YUAN, 2);
}

/** 12345 → "123.45" (m³) */
export function formatCubicMetres(volume: VolumeUnits | number): string {
  return formatScaled(volume, VOLUME_UNITS_PER_M3, 2).replace(/,/g, '');
}
