/**
 * Substring search for Chinese text: text is indexed as overlapping character bigrams, so that any two
 * characters of a name or an address find it (SQLite FTS5 trigram needs three). Runtime: any.
 */

/** Lower-case letters, digits and CJK only; everything else separates. */
export function searchNormalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** "北辰路" → ["北辰", "辰路"]; a one-character word yields itself. */
export function bigrams(text: string): string[] {
  const out: string[] = [];
  for (const word of searchNormalise(text).split(' ')) {
    const chars = Array.from(word);
    if (chars.length === 1) out.push(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  return out;
}

/**
 * `bigrams(text).join(' ')` in one pass, for text made only of ASCII and CJK unified ideographs (U+4E00–U+9FFF,
 * all letters) — names and addresses nearly always; null for anything else (the caller takes the general
 * path). Writing a hall's million customers spends a good part of its time here otherwise.
 */
export function bigramTextFast(text: string): string | null {
  const out: number[] = []; // char codes, a space before every gram but the first
  let len = 0; // letters in the current word
  let prev = 0;
  let first = 0;
  const endWord = () => {
    if (len === 1) {
      if (out.length > 0) out.push(32);
      out.push(first);
    }
    len = 0;
  };
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      // a letter
    } else if (c >= 128) return null;
    else if (c >= 65 && c <= 90) c += 32;
    else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) {
      endWord();
      continue;
    }
    if (len === 0) first = c;
    else {
      if (out.length > 0) out.push(32);
      out.push(prev, c);
    }
    prev = c;
    len++;
  }
  endWord();
  return String.fromCharCode(...out);
}

const bigramText = (text: string) => bigramTextFast(text) ?? bigrams(text).join(' ');

/** The text the search index holds for a customer: bigrams of the name and of the full address. */
export function searchIndexText(name: string, fullAddress: string): { name: string; address: string } {
  return { name: bigramText(name), address: bigramText(fullAddress) };
}

/**
 * A query whose every word is one character (王, 3, 王 3): it would match a large part of a hall (every 王 is
 * one household in fourteen) and no index narrows it, so it is refused with a hint to type more.
 */
export function tooShortToSearch(q: string): boolean {
  return searchNormalise(q)
    .split(' ')
    .every((w) => Array.from(w).length < 2);
}

/** The refusal of a query `tooShortToSearch` finds: a stable issue code and what the clerk should type. */
export const SEARCH_TOO_SHORT = {
  code: 'SEARCH_TOO_SHORT',
  message: '只输入一个字查到的用户太多，请再输入一个字，或加上地址、电话号码',
} as const;

export const SEARCH_KINDS = ['auto', 'accountNo', 'name', 'phone', 'idNumber', 'address', 'meterNo'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** What an unqualified query most likely is. */
export function guessSearchKind(q: string): Exclude<SearchKind, 'auto'> {
  const s = q.trim();
  if (/^\d{17}[\dXx]$/.test(s)) return 'idNumber';
  if (/^1[3-9]\d{9}$/.test(s) || /^0\d{2,3}[- ]\d{7,8}$/.test(s)) return 'phone';
  if (/^\d{6,16}$/.test(s)) return 'accountNo';
  if (/^[A-Za-z0-9-]{4,}$/.test(s)) return 'meterNo';
  if (/^[\p{Script=Han}·]{2,4}$/u.test(s)) return 'name';
  return 'address';
}
