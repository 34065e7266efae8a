/**
 * Mainland China phone numbers: mobile (11 digits) or landline with area code (0 + 2–3 digit area code +
 * 7–8 digit number). Stored as digits only, so that any way of typing one finds it. Runtime: any.
 */
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}\d{7,8}$/;

export function normalisePhone(raw: string): string {
  return raw.replace(/[\s()（）-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
}

export function isValidPhone(raw: string): boolean {
  const p = normalisePhone(raw);
  return MOBILE.test(p) || LANDLINE.test(p);
}
