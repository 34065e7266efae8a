/**
 * A PostgreSQL array literal (`{"a","b",NULL}`) of strings and numbers, as node-postgres would write it for an
 * array parameter — made where the rows are prepared (a push's prepare worker), so the thread driving the
 * database hands over one string instead of converting thousands of values. Every element is quoted, so a
 * string "NULL" stays a string. Runtime: any.
 */
export function arrayLiteral(values: readonly (string | number | null | undefined)[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ',';
    const v = values[i];
    out +=
      v === null || v === undefined ? 'NULL' : `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  }
  return `${out}}`;
}
