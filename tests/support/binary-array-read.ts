/**
 * Reads back a one-dimensional array in PostgreSQL's binary format (server/pg/binary-array.ts), for tests that
 * look inside a prepared batch: text elements as strings, integer elements as numbers.
 */
export function readBinaryArray(bytes: Uint8Array): (string | number | null)[] {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.readInt32BE(0) === 0) return [];
  const oid = b.readInt32BE(8);
  const n = b.readInt32BE(12);
  const out: (string | number | null)[] = [];
  let o = 20;
  for (let i = 0; i < n; i++) {
    const len = b.readInt32BE(o);
    o += 4;
    if (len < 0) out.push(null);
    else if (oid === 25) out.push(b.toString('utf8', o, o + len));
    else if (oid === 20) out.push(Number(b.readBigInt64BE(o)));
    else out.push(b.readInt32BE(o));
    o += Math.max(len, 0);
  }
  return out;
}
