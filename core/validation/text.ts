/**
 * Free text as GasDesk keeps it (names, addresses, reasons, notes…): the one rule the API contract applies to
 * what a clerk types and head office applies to the text of every operation a counter pushes, so whatever a
 * counter accepts head office can store (PostgreSQL refuses NUL in text) and show as it was meant.
 *
 * Refused: control characters (C0, DEL, C1, the line and paragraph separators; a newline only where a field is
 * multi-line), unpaired surrogates (not text: stored as invalid UTF-8, read back as �), the bidirectional
 * embeddings, overrides and isolates (U+202A–202E, U+2066–2069: they make a name read differently from what it
 * holds), and a value made only of invisible characters (whitespace, format characters such as zero-width
 * spaces, default-ignorable code points). Zero-width joiners and direction marks inside visible text stay:
 * emoji sequences and Arabic or Hebrew words need them. Accepted text is kept in NFC (the contract normalises
 * it; `normaliseText`). Runtime: any.
 */

export type TextProblem = 'control' | 'surrogate' | 'bidi' | 'invisible';

/** The field issue code of each problem (core/contract/issues.ts carries it to the screen and the API). */
export const TEXT_ISSUE_CODES: Readonly<Record<TextProblem, string>> = {
  control: 'TEXT_CONTROL_CHAR',
  surrogate: 'TEXT_LONE_SURROGATE',
  bidi: 'TEXT_BIDI_CONTROL',
  invisible: 'TEXT_INVISIBLE_ONLY',
};

const SURROGATE = /\p{Cs}/u;
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
const CONTROL_BUT_NEWLINE = /(?!\n)[\p{Cc}\u2028\u2029]/u;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
const INVISIBLE_ONLY = /^[\s\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]+$/u;

export interface TextOptions {
  /** The field holds several lines (a customer's notes): `\n` is allowed. */
  readonly multiline?: boolean;
}

/** What is wrong with a piece of text, or null. The empty string has no problem (required is another rule). */
export function textProblem(s: string, opts: TextOptions = {}): TextProblem | null {
  if (SURROGATE.test(s)) return 'surrogate';
  if ((opts.multiline ? CONTROL_BUT_NEWLINE : CONTROL).test(s)) return 'control';
  if (BIDI.test(s)) return 'bidi';
  if (INVISIBLE_ONLY.test(s)) return 'invisible';
  return null;
}

/** The Chinese message naming the field. */
export function textMessage(problem: TextProblem, label: string): string {
  switch (problem) {
    case 'control':
      return `${label}含有不可见或控制字符`;
    case 'surrogate':
      return `${label}含有无效的字符（不成对的代理项）`;
    case 'bidi':
      return `${label}含有改变文字方向的控制字符`;
    case 'invisible':
      return `${label}只有空白或不可见字符`;
  }
}

/** NFC, and a multi-line field's line breaks as `\n`. */
export function normaliseText(s: string, opts: TextOptions = {}): string {
  const nfc = s.normalize('NFC');
  return opts.multiline ? nfc.replace(/\r\n?/g, '\n') : nfc;
}

/** The keys whose text may hold line breaks wherever they appear in an operation's payload. */
export const MULTILINE_KEYS: ReadonlySet<string> = new Set(['notes']);

/**
 * The first string of a value (object keys included) that breaks the rule, with where it is. A string is
 * multi-line when its own key is in MULTILINE_KEYS. The path is built only for the string found.
 */
export function findTextProblem(
  v: unknown,
  key?: string | number,
): { path: (string | number)[]; problem: TextProblem } | null {
  if (typeof v === 'string') {
    const problem = textProblem(v, { multiline: typeof key === 'string' && MULTILINE_KEYS.has(key) });
    return problem ? { path: [], problem } : null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const entries: [string | number, unknown][] = Array.isArray(v) ? [...v.entries()] : Object.entries(v);
  for (const [k, x] of entries) {
    const inKey = typeof k === 'string' ? textProblem(k) : null;
    const found = inKey ? { path: [], problem: inKey } : findTextProblem(x, k);
    if (found) return { path: [k, ...found.path], problem: found.problem };
  }
  return null;
}
