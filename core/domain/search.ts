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

/** The text the search index holds for a customer: bigrams of the name and of the full address. */
export function searchIndexText(name: string, fullAddress: string): { name: string; address: string } {
  return { name: bigrams(name).join(' '), address: bigrams(fullAddress).join(' ') };
}

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
