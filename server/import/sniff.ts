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

interface Tally {
  bad: number;
  /** Lines that are valid UTF-8 with at least 3 multi-byte characters, and lines with a broken sequence. */
  utf8Lines: number;
  otherLines: number;
  lineGood: number;
  lineBad: number;
}

function endLine(t: Tally): void {
  if (t.lineBad > 0) t.otherLines++;
  else if (t.lineGood >= 3) t.utf8Lines++;
  t.lineGood = 0;
  t.lineBad = 0;
}

/** Tallies valid and broken UTF-8 sequences per line; returns the bytes of a sequence cut at the chunk's end. */
function scanUtf8(b: Buffer, t: Tally): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      if (c === 0x0a) endLine(t);
      i++;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (n !== 0 && i + n > b.length) return b.length - i;
    let ok = n !== 0;
    for (let k = 1; ok && k < n; k++) if ((b[i + k]! & 0xc0) !== 0x80) ok = false;
    if (ok) {
      t.lineGood++;
      i += n;
    } else {
      t.bad++;
      t.lineBad++;
      i++;
    }
  }
  return 0;
}

export async function sniffFile(path: string, forced?: TextEncoding): Promise<FileShape> {
  const ext = extname(path).toLowerCase();
  if (!['.xlsx', '.csv', '.txt'].includes(ext)) throw new AppError('IMPORT_FILE_TYPE', { detail: ext });
  const fh = await open(path, 'r').catch((e: NodeJS.ErrnoException) => {
    throw e.code === 'ENOENT' || e.code === 'EISDIR'
      ? new AppError('IMPORT_FILE_NOT_FOUND', { detail: path })
      : e;
  });
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
    const tally: Tally = { bad: 0, utf8Lines: 0, otherLines: 0, lineGood: 0, lineBad: 0 };
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
    if (carry > 0) {
      tally.lineBad++;
      tally.bad++;
    }
    endLine(tally);
    if (tally.bad === 0) return { format: 'csv', encoding: 'utf8', bom: 0 };
    // A line of GBK Chinese is valid UTF-8 only by rare chance: lines of both kinds are a file pasted together
    // from both encodings.
    if (tally.utf8Lines > 0 && tally.otherLines > 0)
      throw new AppError('IMPORT_ENCODING', {
        detail: `mixed: ${tally.utf8Lines} lines in UTF-8, ${tally.otherLines} in another encoding`,
      });
    return { format: 'csv', encoding: 'gb18030', bom: 0 };
  } finally {
    await fh.close();
  }
}
