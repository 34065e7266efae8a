/**
 * The resident-ID reader through the real path — koffi in the termb host process — against the SDK test double
 * built here with `cc`: every field decoded from GBK, the photo, and each failure a clerk can meet (no card,
 * library missing, not a library, another architecture, functions missing, a call that hangs).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IdReaderError, TermbIdReader } from '../../drivers/idcard/id-reader';
import { tempDir } from '../support/app';
import {
  buildPartialLibrary,
  buildTermbTestDouble,
  otherArchitectureCopy,
  type TermbTestDouble,
} from '../support/termb-test-double';

let stub: TermbTestDouble;
let dir: string;
const readers: TermbIdReader[] = [];

beforeAll(() => {
  dir = tempDir('gasdesk-termb-', { shared: true });
  stub = buildTermbTestDouble(dir);
});
afterEach(async () => {
  stub.set('card');
  await Promise.all(readers.splice(0).map((r) => r.close()));
});

function reader(library = stub.library, timeoutMs = 4000, port = 1001): TermbIdReader {
  const r = new TermbIdReader({ library, port, timeoutMs });
  readers.push(r);
  return r;
}

async function failure(p: Promise<unknown>): Promise<IdReaderError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(IdReaderError);
  return e as IdReaderError;
}

describe('reading a card', () => {
  it('gives each field decoded from GBK, and the photo as the SDK’s BMP', async () => {
    const r = reader();
    const { text, photo } = await r.read();
    expect(text).toEqual({
      name: '王小明',
      sex: '男',
      ethnicity: '汉',
      birthDate: '19850312',
      address: '北京市东城区和平里东街11号院3号楼2单元501室',
      idNumber: '110101198503120033',
      issuer: '北京市公安局东城分局',
      validFrom: '20150601',
      validUntil: '20350601',
    });
    expect(photo?.length).toBe(38_862);
    expect(Buffer.from(photo!.subarray(0, 2)).toString('latin1')).toBe('BM');
    expect(r.state).toBe('open');
  });

  it('keeps a name character outside GBK (GB18030’s 4-byte area) and reads 长期', async () => {
    const r = reader();
    stub.set('rare');
    expect((await r.read()).text.name).toBe('李𬱖');
    stub.set('woman');
    const woman = (await r.read()).text;
    expect([woman.name, woman.sex, woman.validUntil]).toEqual(['赵丽华', '女', '长期']);
  });

  it('says no card is on the reader, then reads the card once it is placed', async () => {
    const r = reader();
    stub.set('none');
    expect((await failure(r.read())).code).toBe('IDCARD_NO_CARD');
    stub.set('card');
    expect((await r.read()).text.name).toBe('王小明');
  });

  it('gives no photo when the SDK has none to give', async () => {
    stub.set('no-photo');
    expect((await reader().read()).photo).toBeNull();
  });

  it('names a port that does not open and a reader that is unplugged', async () => {
    stub.set('port');
    expect((await failure(reader().read())).code).toBe('IDCARD_PORT_FAILED');
    stub.set('no-reader');
    expect((await failure(reader().read())).code).toBe('IDCARD_NO_READER');
  });
});

describe('a library that cannot be used', () => {
  it('is missing: said before any process starts', async () => {
    const e = await failure(reader(join(dir, 'nowhere', 'libtermb.so')).open());
    expect(e.code).toBe('IDCARD_LIBRARY_MISSING');
    expect(e.detail).toContain('nowhere');
  });

  it('is not a library at all', async () => {
    const bad = join(dir, 'libtermb-text.so');
    writeFileSync(bad, 'this is a README, not a shared library\n');
    expect((await failure(reader(bad).open())).code).toBe('IDCARD_LIBRARY_INVALID');
  });

  it('is built for another architecture: both are named', async () => {
    const other = otherArchitectureCopy(stub.library, dir);
    const e = await failure(reader(other.path).open());
    expect(e.code).toBe('IDCARD_LIBRARY_INVALID');
    expect(e.detail).toContain(other.arch);
    expect(e.detail).toContain(process.arch);
  });

  it('lacks termb functions: the missing ones are named', async () => {
    const e = await failure(reader(buildPartialLibrary(dir)).open());
    expect(e.code).toBe('IDCARD_LIBRARY_EXPORTS');
    expect(e.detail).toContain('CVR_Authenticate');
    expect(e.detail).toContain('GetPeopleIDCode');
    expect(e.detail).not.toContain('CVR_InitComm');
  });
});

describe('a call that hangs', () => {
  it('is cut at the timeout, the reader reported stuck, and the next read starts afresh', async () => {
    const r = reader(stub.library, 1500);
    await r.open();
    stub.set('hang');
    const started = Date.now();
    expect((await failure(r.read())).code).toBe('IDCARD_STUCK');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    expect(r.state).toBe('stuck');
    stub.set('card');
    expect((await r.read()).text.idNumber).toBe('110101198503120033');
    expect(r.state).toBe('open');
  });
});
