/**
 * What a resident-ID card (第二代居民身份证) says, checked: the text fields an ID reader's SDK hands over (already
 * decoded from GBK) become a card the counter can trust — the number passes GB 11643 and agrees with the birth
 * date and sex printed beside it, the dates are real dates, and a card past its 有效期 is flagged (never
 * refused: a clerk may still serve the customer, and the screen says so). Runtime: any.
 */
import { checkResidentId, isRealDate, type ResidentIdProblem } from '../validation/resident-id';

/** The fields as the SDK gives them (GetPeopleName … GetEndDate), text already decoded. */
export interface IdCardText {
  readonly name: string;
  readonly sex: string;
  readonly ethnicity: string;
  readonly birthDate: string;
  readonly address: string;
  readonly idNumber: string;
  readonly issuer: string;
  readonly validFrom: string;
  readonly validUntil: string;
}

export interface ResidentCard {
  readonly name: string;
  readonly sex: '男' | '女';
  /** 民族, e.g. 汉 (the SDK gives the name; some give 汉族). */
  readonly ethnicity: string;
  /** YYYY-MM-DD */
  readonly birthDate: string;
  readonly address: string;
  readonly idNumber: string;
  /** 签发机关 */
  readonly issuer: string;
  /** YYYY-MM-DD */
  readonly validFrom: string;
  /** YYYY-MM-DD, or null for a card valid 长期 (long-term). */
  readonly validUntil: string | null;
  /** The 有效期 ended before today (the hall's business day). */
  readonly expired: boolean;
}

/** Why a card's data was not accepted: each is a misread or a damaged card, never the customer's doing. */
export type CardDataProblem =
  | {
      readonly field: 'idNumber';
      readonly problem: ResidentIdProblem | 'birth-date-mismatch' | 'sex-mismatch';
    }
  | { readonly field: 'name' | 'address' | 'issuer' | 'sex'; readonly problem: 'missing' | 'unreadable' }
  | { readonly field: 'birthDate' | 'validFrom' | 'validUntil'; readonly problem: 'date' };

export type CardReading =
  | { readonly ok: true; readonly card: ResidentCard }
  | { readonly ok: false; readonly problems: CardDataProblem[] };

/** 19900101, 1990-01-01, 1990.01.01 → 19900101; anything else → null. */
export function compactDate(raw: string): string | null {
  const d = raw.trim().replace(/[-./年月日]/g, '');
  return /^\d{8}$/.test(d) && isRealDate(d) ? d : null;
}

const dashed = (d: string) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;

/** A decoded field still holding U+FFFD or control characters was not read cleanly. */
function unreadable(s: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused.
  return /[\uFFFD\u0000-\u001F\u007F]/.test(s);
}

/**
 * Checks the text a reader gave. `today` is the hall's business day as YYYYMMDD (core/business-day.ts): the
 * birth-date bound of the number and the expiry both use it.
 */
export function checkCard(text: IdCardText, today: string): CardReading {
  const problems: CardDataProblem[] = [];
  const t = (s: string) => s.replace(/\s+$/u, '').replace(/^\s+/u, '');
  const name = t(text.name);
  const address = t(text.address);
  const issuer = t(text.issuer);
  const idNumber = t(text.idNumber).toUpperCase();
  for (const [field, value] of [
    ['name', name],
    ['address', address],
    ['issuer', issuer],
  ] as const) {
    if (value === '') problems.push({ field, problem: 'missing' });
    else if (unreadable(value)) problems.push({ field, problem: 'unreadable' });
  }
  const sexText = t(text.sex);
  const sex = sexText === '男' || sexText === '女' ? sexText : null;
  if (!sex) problems.push({ field: 'sex', problem: sexText === '' ? 'missing' : 'unreadable' });
  const birth = compactDate(text.birthDate);
  if (!birth) problems.push({ field: 'birthDate', problem: 'date' });
  const from = compactDate(text.validFrom);
  if (!from) problems.push({ field: 'validFrom', problem: 'date' });
  const longTerm = t(text.validUntil) === '长期';
  const until = longTerm ? null : compactDate(text.validUntil);
  if (!longTerm && (!until || (from && until <= from)))
    problems.push({ field: 'validUntil', problem: 'date' });
  const idProblem = checkResidentId(idNumber, today);
  if (idProblem) problems.push({ field: 'idNumber', problem: idProblem });
  else {
    if (birth && idNumber.slice(6, 14) !== birth)
      problems.push({ field: 'idNumber', problem: 'birth-date-mismatch' });
    // The 17th digit is odd for a man, even for a woman (GB 11643 顺序码).
    if (sex && (Number(idNumber[16]) % 2 === 1 ? '男' : '女') !== sex)
      problems.push({ field: 'idNumber', problem: 'sex-mismatch' });
  }
  if (problems.length > 0 || !sex || !birth || !from) return { ok: false, problems };
  return {
    ok: true,
    card: {
      name,
      sex,
      ethnicity: t(text.ethnicity),
      birthDate: dashed(birth),
      address,
      idNumber,
      issuer,
      validFrom: dashed(from),
      validUntil: until ? dashed(until) : null,
      expired: until !== null && until < today,
    },
  };
}

/** One line for people: which fields of the card did not pass (e.g. 公民身份号码校验位不正确). */
export function cardProblemText(problems: readonly CardDataProblem[]): string {
  const label: Record<CardDataProblem['field'], string> = {
    name: '姓名',
    sex: '性别',
    address: '住址',
    issuer: '签发机关',
    idNumber: '公民身份号码',
    birthDate: '出生日期',
    validFrom: '有效期起始日期',
    validUntil: '有效期截止日期',
  };
  const what: Record<CardDataProblem['problem'], string> = {
    missing: '为空',
    unreadable: '含无法识别的字符',
    date: '不是有效日期',
    format: '格式不正确',
    area: '地区码不正确',
    'birth-date': '中的出生日期不正确',
    'check-digit': '校验位不正确',
    'birth-date-mismatch': '与出生日期不符',
    'sex-mismatch': '与性别不符',
  };
  return problems.map((p) => `${label[p.field]}${what[p.problem]}`).join('；');
}
