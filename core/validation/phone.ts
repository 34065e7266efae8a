/**
 * Mainland China phone numbers: mobile (11 digits) or landline with area code (0 + 2–3 digit area code +
 * 7–8 digit number). Kept as the customer gave it (0571-87654321 stays so, for the clerk who calls back);
 * compared and searched by its digits only, so that any way of typing one finds it. Runtime: any.
 */
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}\d{7,8}$/;
/** What a written phone number may hold: digits, spaces, hyphens, brackets and a leading +86. */
const WRITTEN = /^(\+86\s?)?[0-9 ()-]+$/;
/** The longest written form kept (digits with their separators). */
export const PHONE_MAX_LENGTH = 20;

/** The digits only: '0571-87654321' → '057187654321', '+86 138 1234 5678' → '13812345678'. */
export function normalisePhone(raw: string): string {
  return raw.replace(/[\s()（）-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
}

/** The form kept: as typed, trimmed, with full-width brackets and runs of spaces made plain. */
export function writtenPhone(raw: string): string {
  return raw.trim().replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, ' ');
}

export function isValidPhone(raw: string): boolean {
  const p = normalisePhone(raw);
  return MOBILE.test(p) || LANDLINE.test(p);
}

/**
 * What is wrong with the way a number is written (null when nothing): only digits and the usual separators,
 * at most PHONE_MAX_LENGTH characters, ending in four digits (the search by the last digits reads them).
 */
export function writtenPhoneProblem(raw: string): 'characters' | 'length' | 'ending' | null {
  const w = writtenPhone(raw);
  if (!WRITTEN.test(w)) return 'characters';
  if (w.length > PHONE_MAX_LENGTH) return 'length';
  if (!/\d{4}$/.test(w)) return 'ending';
  return null;
}
