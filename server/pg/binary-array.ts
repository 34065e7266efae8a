/**
 * One-dimensional PostgreSQL arrays in the binary wire format (array_send / array_recv), as parameters for
 * `unnest($n::text[], …)`: made where a batch is prepared (a push's prepare worker) and handed to the database
 * as bytes. PostgreSQL reads each element as it is — no quoting, escaping or parsing of a text literal — and
 * the driver sends them untouched (node-postgres and PGlite send a byte array as a binary parameter; see
 * store.ts). Runtime: Node.
 */

/** The SQL element types, with their type OIDs as array_recv checks them. */
const ELEMENT = { text: 25, bigint: 20, integer: 23 } as const;
export type ElementType = keyof typeof ELEMENT;

const INT4_MIN = -2_147_483_648;
const INT4_MAX = 2_147_483_647;

/** Where an array is written before it is copied out at its exact size (this thread's own: writes are synchronous). */
let scratch = Buffer.allocUnsafeSlow(1 << 20);

/**
 * `values` as a `type[]` parameter. Numbers of an integer type must be integers in the type's range (bigint:
 * JavaScript's safe integers) — a RangeError otherwise, so that nothing is ever stored rounded. Each text is
 * encoded once, into a scratch buffer sized for the worst case (3 bytes a UTF-16 unit), and the array copied
 * out at its exact size (measuring every text's UTF-8 length first cost ~30 % more).
 */
export function binaryArray(
  type: ElementType,
  values: readonly (string | number | null | undefined)[],
): Uint8Array {
  const head = values.length === 0 ? 12 : 20;
  let capacity = head;
  for (const v of values)
    capacity +=
      4 +
      (v === null || v === undefined
        ? 0
        : type === 'text'
          ? String(v).length * 3
          : type === 'bigint'
            ? 8
            : 4);
  if (scratch.length < capacity) scratch = Buffer.allocUnsafeSlow(Math.max(capacity, scratch.length * 2));
  const b = scratch;
  let hasNull = 0;
  let o = head;
  for (const v of values) {
    if (v === null || v === undefined) {
      b.writeInt32BE(-1, o);
      o += 4;
      hasNull = 1;
    } else if (type === 'text') {
      const n = b.write(String(v), o + 4, 'utf8');
      b.writeInt32BE(n, o);
      o += 4 + n;
    } else if (type === 'bigint') {
      if (!Number.isSafeInteger(v)) throw new RangeError(`not a bigint: ${v}`);
      b.writeInt32BE(8, o);
      b.writeBigInt64BE(BigInt(v), o + 4);
      o += 12;
    } else {
      if (!Number.isInteger(v) || (v as number) < INT4_MIN || (v as number) > INT4_MAX)
        throw new RangeError(`not an integer: ${v}`);
      b.writeInt32BE(4, o);
      b.writeInt32BE(v as number, o + 4);
      o += 8;
    }
  }
  // Header: dimensions (0 for an empty array), null flag, element type, then the one dimension's size and lower bound.
  b.writeInt32BE(values.length === 0 ? 0 : 1, 0);
  b.writeInt32BE(hasNull, 4);
  b.writeInt32BE(ELEMENT[type], 8);
  if (values.length > 0) {
    b.writeInt32BE(values.length, 12);
    b.writeInt32BE(1, 16);
  }
  // Its own memory, exactly the array's size (not a view of the scratch or a pool): it crosses threads by transfer.
  const out = Buffer.allocUnsafeSlow(o);
  b.copy(out, 0, 0, o);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
