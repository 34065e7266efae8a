/**
 * The rows of an import file, streamed so a file of 1,000,000 rows stays bounded in memory: an .xlsx through
 * exceljs's streaming WorkbookReader (its first worksheet; styles ignored, so dates arrive as Excel serial
 * numbers), a CSV through iconv-lite's decoding stream and a small RFC 4180 parser (quotes, doubled quotes,
 * line breaks inside quotes, CRLF; comma or tab). Row numbers are the file's own (Excel's row, the CSV's
 * record), the header being row 1. Runtime: Node.
 */
import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { AppError } from '../../core/errors';
import { type Cell, cleanText, xlsxCell } from './cells';
import type { FileShape } from './sniff';

export interface SourceRow {
  readonly rowNo: number;
  readonly cells: Cell[];
}

async function* xlsxRows(path: string): AsyncGenerator<SourceRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let first = true;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        if (!first) continue; // later sheets are drained, not read
        const values = row.values as unknown[];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(xlsxCell(values[i]));
        yield { rowNo: row.number, cells };
      }
      first = false;
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('IMPORT_FILE_DAMAGED', { detail: (e as Error).message });
  }
}

/** Splits decoded text into records; call push() per chunk and end() once. */
export class CsvParser {
  private field = '';
  private row: string[] = [];
  private quoted = false;
  private afterQuote = false;
  private pending = false;
  private delimiter: string | null = null;
  readonly rows: string[][] = [];

  push(text: string): void {
    if (this.delimiter === null) {
      const line = text.split('\n', 1)[0]!;
      this.delimiter = !line.includes(',') && line.includes('\t') ? '\t' : ',';
    }
    const d = this.delimiter;
    let i = 0;
    if (this.pending) {
      this.pending = false;
      if (text[0] === '"') {
        this.field += '"';
        i = 1;
      } else {
        this.quoted = false;
        this.afterQuote = true;
      }
    }
    for (; i < text.length; i++) {
      const c = text[i]!;
      if (this.quoted) {
        if (c === '"') {
          if (i + 1 === text.length)
            this.pending = true; // the next chunk tells a doubled quote from a closing one
          else if (text[i + 1] === '"') {
            this.field += '"';
            i++;
          } else {
            this.quoted = false;
            this.afterQuote = true;
          }
        } else this.field += c;
      } else if (c === '"' && this.field === '' && !this.afterQuote) this.quoted = true;
      else if (c === d) this.endField();
      else if (c === '\n') {
        this.endField();
        this.endRow();
      } else if (c !== '\r') this.field += c;
    }
  }

  end(): void {
    if (this.pending) {
      this.pending = false;
      this.quoted = false;
    }
    if (this.field !== '' || this.row.length > 0) {
      this.endField();
      this.endRow();
    }
  }

  private endField() {
    this.row.push(this.field);
    this.field = '';
    this.afterQuote = false;
  }

  private endRow() {
    this.rows.push(this.row);
    this.row = [];
  }
}

async function* csvRows(
  path: string,
  shape: Extract<FileShape, { format: 'csv' }>,
): AsyncGenerator<SourceRow> {
  const decoded = createReadStream(path, { start: shape.bom }).pipe(iconv.decodeStream(shape.encoding));
  const parser = new CsvParser();
  let rowNo = 0;
  const take = function* () {
    for (const r of parser.rows.splice(0)) {
      rowNo++;
      if (r.length === 1 && r[0] === '') continue; // a blank line
      yield { rowNo, cells: r.map(cleanText) };
    }
  };
  for await (const chunk of decoded as AsyncIterable<string>) {
    parser.push(chunk);
    yield* take();
  }
  parser.end();
  yield* take();
}

export function readRows(path: string, shape: FileShape): AsyncGenerator<SourceRow> {
  return shape.format === 'xlsx' ? xlsxRows(path) : csvRows(path, shape);
}
