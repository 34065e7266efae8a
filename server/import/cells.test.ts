/** An imported cell read as a clerk would: money exact to the fen, dates in every usual form, full-width digits. */
import { describe, expect, it } from 'vitest';
import { CellProblem, cleanText, readDate, readFen, readInt, readVolume, xlsxCell } from './cells';
import { CsvParser } from './read-rows';

describe('import cells', () => {
  it('reads money as exact integer fen, never through floats', () => {
    expect(readFen('0.1')).toBe(10);
    expect(readFen('1234.56')).toBe(123_456);
    expect(readFen('¥1,234.5')).toBe(123_450);
    expect(readFen('-5')).toBe(-500);
    expect(readFen('19.99')).toBe(1999); // 19.99 * 100 is 1998.9999999999998 in floating point
    expect(readFen('1.234')).toBeNull();
    expect(readFen('1e3')).toBeNull();
    expect(readFen('十元')).toBeNull();
    expect(readVolume('70.5')).toBe(7050);
    expect(readVolume('-1')).toBeNull();
  });

  it('reads dates in the usual forms and as Excel serial numbers', () => {
    for (const s of ['2024-03-05', '2024/3/5', '2024年3月5日', '20240305', '45356'])
      expect(readDate(s)).toBe('2024-03-05');
    expect(readDate('2024-02-30')).toBeNull();
    expect(readDate('明天')).toBeNull();
  });

  it('makes full-width characters half-width and trims spaces, NBSP and the ideographic space', () => {
    expect(cleanText('\u3000１３８０００００００１\u00a0 ')).toBe('13800000001');
    expect(cleanText('   ')).toBeNull();
    expect(readInt('3.0')).toBe(3);
    expect(readInt('3.5')).toBeNull();
  });

  it('takes a formula by its saved value; a formula without one, or an error value, is a problem', () => {
    expect(xlsxCell({ formula: 'A1*2', result: 6 })).toBe('6');
    expect(xlsxCell({ formula: 'A1*2' })).toBeInstanceOf(CellProblem);
    expect(xlsxCell({ error: '#N/A' })).toBeInstanceOf(CellProblem);
    expect(xlsxCell(0.1 + 0.2)).toBe('0.3');
    expect(xlsxCell({ richText: [{ text: '王' }, { text: '伟 ' }] })).toBe('王伟');
  });

  it('parses CSV with quotes, doubled quotes, line breaks in quotes and chunks cut anywhere', () => {
    const text = 'a,b\r\n"x, ""y""","line1\nline2"\r\n';
    for (let cut = 0; cut <= text.length; cut++) {
      const p = new CsvParser();
      p.push(text.slice(0, cut));
      p.push(text.slice(cut));
      p.end();
      expect(p.rows).toEqual([
        ['a', 'b'],
        ['x, "y"', 'line1\nline2'],
      ]);
    }
  });
});
