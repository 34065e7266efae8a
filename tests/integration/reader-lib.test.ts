/**
 * The reader makers' libraries through koffi, against the stub libraries (TEST DOUBLES built here with cc):
 * what only a library has — a library missing, not a library, of another architecture, without a function
 * GasDesk needs; a call that hangs, cut by the timeout and the reader then stuck; a failed PSC presentation
 * explained by the error counter; and `gasdesk card info` and the settings' 测试 through `lib:` addresses.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LibraryError } from '../../drivers/card-reader/ffi/ffi-call';
import { openReaderSpec } from '../../drivers/card-reader/open-spec';
import { ReaderError } from '../../drivers/card-reader/reader-error';
import type { Sle4442Reader } from '../../drivers/card-reader/sle4442-reader';
import { devicesTestReader } from '../../services/cards/test-reader';
import { testCounter } from '../support/app';
import { ROOT } from '../support/socat';
import { buildStubLibs, type StubLibs, stubControl } from '../support/stub-libs';

let libs: StubLibs;
const open: Sle4442Reader[] = [];
beforeAll(() => {
  libs = buildStubLibs();
});
afterEach(async () => {
  for (const r of open.splice(0)) await r.close();
});

const openSpec = async (spec: string, timeoutMs = 1000) => {
  const r = await openReaderSpec(spec, { timeoutMs });
  open.push(r);
  return r;
};
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e) => e,
  );

describe('a library that cannot be used is a clear Chinese error, and nothing else breaks', () => {
  it('missing', async () => {
    const e = await failure(openSpec('lib:mwic:/opt/mingwah/libmwic_32.so'));
    expect(e).toBeInstanceOf(LibraryError);
    expect(e).toMatchObject({ problem: 'MISSING' });
    expect(e.message).toContain('找不到读卡器动态库 /opt/mingwah/libmwic_32.so');
  });

  it('not a library, or built for another architecture', async () => {
    for (const path of [libs.notALibrary, libs.otherArch]) {
      const e = await failure(openSpec(`lib:dcrf:${path}`));
      expect(e).toMatchObject({ problem: 'NOT_LOADABLE' });
      expect(e.message).toContain('不是动态库，或与本机架构不符');
    }
  });

  it('a library without a function GasDesk needs names the function', async () => {
    const e = await failure(openSpec(`lib:dcrf:${libs.missingExport}`));
    expect(e).toMatchObject({ problem: 'MISSING_EXPORT' });
    expect(e.message).toContain('dc_verifypin_4442');
  });

  it('no reader at the port: DISCONNECTED, said with the maker', async () => {
    const e = await failure(openSpec(`lib:mwic:${libs.lib.mwic}:99`));
    expect(e).toBeInstanceOf(ReaderError);
    expect(e.detail).toContain('没有找到明华读卡器');
  });
});

describe.each(['mwic', 'dcrf'] as const)('%s: calls and their failures', (maker) => {
  it('a call that hangs is cut by the timeout, and the reader is then stuck', async () => {
    const control = stubControl(libs.lib[maker]);
    control.set('insert_blank');
    const reader = await openSpec(`lib:${maker}:${libs.lib[maker]}`, 1000);
    let closedWith: Error | undefined;
    reader.onClose((e) => {
      closedWith = e;
    });
    control.set('hang_next');
    const e = await failure(reader.readMain(0, 16));
    expect(e).toMatchObject({ code: 'TIMEOUT' });
    expect(e.detail).toContain('读卡器卡住了');
    expect(control.peek('hanging')).toBe(1);
    expect(reader.connected).toBe(false);
    expect(closedWith).toBe(e);
    // Stuck: nothing more is sent to a library whose last call never returned.
    const calls = control.peek('calls');
    expect(await failure(reader.cardPresent())).toMatchObject({ code: 'TIMEOUT' });
    expect(control.peek('calls')).toBe(calls);
    control.set('release');
  });

  it('a wrong PSC is told by the error counter, and the last try is refused without the clerk', async () => {
    const control = stubControl(libs.lib[maker]);
    control.set('insert_blank');
    const reader = await openSpec(`lib:${maker}:${libs.lib[maker]}`);
    await reader.powerOn();
    const wrong = Uint8Array.from([9, 9, 9]);
    expect(await failure(reader.verifyPsc(wrong))).toMatchObject({ code: 'PSC_WRONG', triesLeft: 2 });
    expect(await failure(reader.verifyPsc(wrong))).toMatchObject({ code: 'PSC_WRONG', triesLeft: 1 });
    expect(await failure(reader.verifyPsc(wrong))).toMatchObject({ code: 'LAST_TRY_NEEDS_CONFIRMATION' });
    expect(control.peek('verify_attempts')).toBe(2);
    await reader.verifyPsc(Uint8Array.from([0xff, 0xff, 0xff]), { allowLastTry: true });
    expect(await reader.triesLeft()).toBe(3);
  });

  it('a failed call with no card in is NO_CARD; a forced library error on a write is not taken for success', async () => {
    const control = stubControl(libs.lib[maker]);
    control.set('insert_blank');
    const reader = await openSpec(`lib:${maker}:${libs.lib[maker]}`);
    await reader.powerOn();
    await reader.verifyPsc(Uint8Array.from([0xff, 0xff, 0xff]));
    control.set('fail_next', -7);
    expect(await failure(reader.updateMain(40, Uint8Array.from([1, 2, 3])))).toMatchObject({
      code: 'WRITE_NOT_CONFIRMED',
    });
    control.set('remove');
    expect(await failure(reader.readMain(0, 4))).toMatchObject({ code: 'NO_CARD' });
  });
});

describe('gasdesk card info and the settings 测试 with a lib: address', () => {
  it('card info reads the card through the library without presenting a PSC', async () => {
    const control = stubControl(libs.lib.dcrf);
    control.set('insert_blank');
    const attempts = control.peek('verify_attempts');
    // The CLI is another process with its own copy of the stub: GASDESK_STUB_CARD puts a blank card in it.
    const out = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const args = [
        join(ROOT, 'cli/bin/gasdesk.js'),
        'card',
        'info',
        '--reader',
        `lib:dcrf:${libs.lib.dcrf}`,
        '--json',
      ];
      const env = { ...process.env, GASDESK_STUB_CARD: 'blank' };
      const child = execFile(process.execPath, args, { encoding: 'utf8', env }, (_e, stdout, stderr) =>
        resolve({ code: child.exitCode, stdout, stderr }),
      );
    });
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({
      firmware: '德卡 DCRF-STUB 1.0',
      present: true,
      atr: 'a2131091',
      triesLeft: 3,
      record: { state: 'blank' },
    });
    expect(control.peek('verify_attempts')).toBe(attempts);
  });

  it('card info with a library whose first call hangs says the reader is stuck, and the process still ends', async () => {
    const out = await new Promise<{ signal: string | null; stdout: string; stderr: string }>((resolve) => {
      const args = [
        join(ROOT, 'cli/bin/gasdesk.js'),
        'card',
        'info',
        '--reader',
        `lib:mwic:${libs.lib.mwic}`,
        '--json',
      ];
      const env = { ...process.env, GASDESK_STUB_HANG: '1' };
      const child = execFile(process.execPath, args, { encoding: 'utf8', env }, (_e, stdout, stderr) =>
        resolve({ signal: child.signalCode, stdout, stderr }),
      );
    });
    expect(JSON.parse(out.stdout)).toMatchObject({ error: { code: 'READER_STUCK' } });
    expect(out.stderr).toContain('读卡器卡住了');
    // libuv would wait for the stuck thread at exit: the command ends itself (SIGKILL) once it has said so.
    expect(out.signal).toBe('SIGKILL');
  });

  it('测试 says what it found, and a library problem in Chinese', async () => {
    const t = await testCounter({ households: 1 });
    const control = stubControl(libs.lib.mwic);
    control.set('insert_blank');
    const call = { app: t.app } as Parameters<typeof devicesTestReader>[1];
    expect(await devicesTestReader({ spec: `lib:mwic:${libs.lib.mwic}` }, call)).toEqual({
      ok: true,
      info: '明华 MWIC-STUB 1.0',
      cardPresent: true,
      problem: null,
    });
    const bad = await devicesTestReader({ spec: `lib:mwic:${libs.notALibrary}` }, call);
    expect(bad).toMatchObject({ ok: false, info: null });
    expect(bad.problem).toContain('无法加载');
  });
});
