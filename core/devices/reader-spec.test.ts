import { describe, expect, it } from 'vitest';
import { formatReaderSpec, parseReaderSpec, ReaderSpecError, registerReaderKind } from './reader-spec';

describe('reader addresses: one syntax for the CLI, serve and the settings', () => {
  it('parses every kind', () => {
    expect(parseReaderSpec('serial:/dev/ttyUSB0')).toEqual({
      kind: 'serial',
      path: '/dev/ttyUSB0',
      baudRate: 9600,
    });
    expect(parseReaderSpec('serial:COM3@115200')).toEqual({ kind: 'serial', path: 'COM3', baudRate: 115200 });
    expect(parseReaderSpec('hid:1a86:E010')).toEqual({ kind: 'hid', vendorId: 0x1a86, productId: 0xe010 });
    expect(parseReaderSpec('pcsc:ACS ACR39U ICC Reader 00 00')).toEqual({
      kind: 'pcsc',
      readerName: 'ACS ACR39U ICC Reader 00 00',
    });
    expect(parseReaderSpec('lib:mwic:/opt/mwic/libmwic_32.so')).toEqual({
      kind: 'lib',
      maker: 'mwic',
      libraryPath: '/opt/mwic/libmwic_32.so',
      port: 0,
    });
    expect(parseReaderSpec('lib:dcrf:C:\\GasDesk\\readers\\dcrf32.dll:100')).toEqual({
      kind: 'lib',
      maker: 'dcrf',
      libraryPath: 'C:\\GasDesk\\readers\\dcrf32.dll',
      port: 100,
    });
    expect(parseReaderSpec('lib:dcrf:C:\\dcrf32.dll')).toMatchObject({ port: 100 });
    expect(parseReaderSpec('maker:C:\\GasDesk\\makers\\jinka\\jinka.json')).toEqual({
      kind: 'maker',
      manifestPath: 'C:\\GasDesk\\makers\\jinka\\jinka.json',
    });
  });

  it('writes an address back the way it reads', () => {
    for (const s of [
      'serial:COM3@9600',
      'hid:1a86:e010',
      'pcsc:Reader 00',
      'lib:mwic:/x/libmwic.so:2',
      'maker:/opt/m/demo.json',
    ])
      expect(formatReaderSpec(parseReaderSpec(s))).toBe(s);
  });

  it('refuses what is not written in a known way, in Chinese, naming the kinds', () => {
    for (const bad of [
      '',
      'com3',
      'hid:xyz:1',
      'pcsc:',
      'lib:acs:/x.so',
      'lib:mwic:',
      'lib:mwic:/x.so:99999',
      'maker:',
      'serial:a\nb',
    ]) {
      const e = (() => {
        try {
          parseReaderSpec(bad);
        } catch (x) {
          return x;
        }
      })();
      expect(e).toBeInstanceOf(ReaderSpecError);
      expect((e as Error).message).toContain('读卡器写法不正确');
      expect((e as Error).message).toContain('pcsc:READER_NAME');
    }
  });

  it('other kinds plug in at the extension point', () => {
    expect(() => parseReaderSpec('idcard:/opt/termb.so')).toThrow(ReaderSpecError);
    registerReaderKind({ prefix: 'idcard', syntax: 'idcard:LIBRARY_PATH[:PORT]', label: '身份证阅读器' });
    expect(parseReaderSpec('idcard:/opt/termb.so:1001')).toEqual({
      kind: 'ext',
      prefix: 'idcard',
      rest: '/opt/termb.so:1001',
    });
  });
});
