import { describe, expect, it } from 'vitest';
import {
  charColumns,
  columnsOfWidth,
  leftPad,
  lineColumns,
  paperText,
  type PaperSegment,
  runsOf,
  scaleOf,
  textColumns,
} from './paper-model';

const seg = (text: string, width = 1): PaperSegment => ({
  text,
  bold: false,
  underline: false,
  width,
  height: width,
});

describe('paper columns', () => {
  it('counts a Hanzi and the full-width ￥ as two columns, ASCII as one', () => {
    expect(charColumns('a')).toBe(1);
    expect(charColumns('燃')).toBe(2);
    expect(charColumns('￥')).toBe(2);
    expect(textColumns('合计 ￥27.50')).toBe(4 + 1 + 2 + 5);
  });

  it('keeps ASCII runs together and puts each wide character alone', () => {
    expect(runsOf('票据号R0101')).toEqual([
      { text: '票', cols: 2 },
      { text: '据', cols: 2 },
      { text: '号', cols: 2 },
      { text: 'R0101', cols: 5 },
    ]);
    expect(runsOf('')).toEqual([]);
  });

  it('multiplies by the character scale of each segment', () => {
    expect(lineColumns([seg('收据', 2), seg('AB')])).toBe(8 + 2);
    expect(scaleOf(0)).toBe(1);
    expect(scaleOf(9)).toBe(8);
  });

  it('aligns in what is left of the line', () => {
    expect(leftPad('left', 10, 48)).toBe(0);
    expect(leftPad('right', 10, 48)).toBe(38);
    expect(leftPad('center', 11, 48)).toBe(18.5);
    expect(leftPad('center', 60, 48)).toBe(0);
  });

  it('maps paper widths to columns and gives the plain text', () => {
    expect(columnsOfWidth(58)).toBe(32);
    expect(columnsOfWidth(80)).toBe(48);
    expect(
      paperText({
        elements: [
          { kind: 'line', align: 'center', segments: [seg('燃气费收据')] },
          { kind: 'qr', align: 'center', data: 'gasdesk:r/1', size: 6, ec: 'M' },
        ],
        cut: true,
        drawerPulses: 0,
      }),
    ).toBe('燃气费收据\ngasdesk:r/1');
  });
});
