/**
 * What an import file really is, from its bytes rather than its name: an .xlsx (a ZIP whose end record is
 * there: a truncated copy has none), a password-protected workbook (encrypted OOXML is an OLE compound file
 * holding an EncryptionInfo stream), an old .xls, or text (CSV) — and the text's encoding: a BOM, else valid
 * UTF-8 throughout, else GB18030 (GBK's superset); UTF-8 and GBK mixed in one file is refused. Runtime: Node.
 */
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { AppError } from '../../core/errors';

export type TextEncoding = 'utf8' | 'gb18030' | 'utf16le';
export type FileShape = { format: 'xlsx' } | { format: 'csv'; encoding: TextEncoding; bom: number };

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

/** Counts valid and broken UTF-8 multi-byte sequences of a chunk; returns the bytes of a sequence cut at its end. */
function scanUtf8(b: Buffer, tally: { good: number; bad: number }): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (n === 0) {
      tally.bad++;
      i++;
      continue;
    }
    if (i + n > b.length) return b.length - i;
    let ok = true;
    for (let k = 1; k < n; k++) if ((b[i + k]! & 0xc0) !== 0x80) ok = false;
    if (ok) {
      tally.good++;
      i += n;
    } else {
      tally.bad++;
      i++;
    }
  }
  return 0;
}

export async function sniffFile(path: string, forced?: TextEncoding): Promise<FileShape> {
  const ext = extname(path).toLowerCase();
  if (!['.xlsx', '.csv', '.txt'].includes(ext)) throw new AppError('IMPORT_FILE_TYPE', { detail: ext });
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    if (size === 0) throw new AppError('IMPORT_FILE_EMPTY');
    const head = Buffer.alloc(Math.min(size, 64 * 1024));
    await fh.read(head, 0, head.length, 0);
    if (head.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) {
      const tailLen = Math.min(size, 65_557);
      const tail = Buffer.alloc(tailLen);
      await fh.read(tail, 0, tailLen, size - tailLen);
      if (tail.lastIndexOf(Buffer.from('PK\x05\x06', 'latin1')) < 0)
        throw new AppError('IMPORT_FILE_DAMAGED', { detail: 'no ZIP end record' });
      return { format: 'xlsx' };
    }
    if (head.subarray(0, 8).equals(CFB)) {
      const all = size <= 4 * 1024 * 1024 ? await fh.readFile() : head;
      if (all.includes(ENCRYPTION_INFO)) throw new AppError('IMPORT_FILE_ENCRYPTED');
      throw new AppError('IMPORT_FILE_TYPE', { detail: 'an old .xls (OLE) workbook' });
    }
    if (ext === '.xlsx') throw new AppError('IMPORT_NOT_XLSX');
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
      return { format: 'csv', encoding: 'utf8', bom: 3 };
    if (head[0] === 0xff && head[1] === 0xfe) return { format: 'csv', encoding: 'utf16le', bom: 2 };
    if (forced) return { format: 'csv', encoding: forced, bom: 0 };
    const tally = { good: 0, bad: 0 };
    const buf = Buffer.alloc(1024 * 1024 + 4);
    let carry = 0;
    for (let pos = 0; pos < size; ) {
      const { bytesRead } = await fh.read(buf, carry, buf.length - carry, pos);
      if (bytesRead === 0) break;
      pos += bytesRead;
      const left = scanUtf8(buf.subarray(0, carry + bytesRead), tally);
      buf.copy(buf, 0, carry + bytesRead - left, carry + bytesRead);
      carry = left;
    }
    if (carry > 0) tally.bad++;
    if (tally.bad === 0) return { format: 'csv', encoding: 'utf8', bom: 0 };
    // GBK text forms a valid UTF-8 sequence only by chance (a few in a hundred characters); many valid ones
    // beside broken ones is a file pasted together from both encodings.
    if (tally.good >= 4 && tally.good * 5 >= tally.bad)
      throw new AppError('IMPORT_ENCODING', {
        detail: `mixed UTF-8 (${tally.good}) and other (${tally.bad})`,
      });
    return { format: 'csv', encoding: 'gb18030', bom: 0 };
  } finally {
    await fh.close();
  }
}
