import { randomUUID } from 'node:crypto';
/** A `file:` receipt printer writes only inside the counter's print folder. */
import { existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { App } from '../../services/app';
import { seedDemo } from '../../services/setup/demo';
import { createDispatcher } from '../../services/api';
import { tempDir, testCounter } from '../support/app';
import { withRequestId } from '../support/request-id';

/** The printer settings, as a request of their own (a fresh requestId each). */
const settings = (spec: string) => ({
  spec,
  width: 80 as const,
  company: '东海燃气',
  requestId: randomUUID(),
});

describe('the file printer’s folder', () => {
  it('writes inside the prints folder beside the database, by relative or absolute name', async () => {
    const t = await testCounter({ households: 1 });
    const admin = await t.login('admin');
    expect(t.app.printDir).toBe(join(t.dir, 'prints'));
    await t.ok('printers.configure', settings('file:receipts.prn'), admin);
    await t.ok('printers.testPage', {}, admin);
    expect(statSync(join(t.dir, 'prints', 'receipts.prn')).size).toBeGreaterThan(0);
    await t.ok('printers.configure', settings(`file:${join(t.dir, 'prints', 'sub', '..', 'b.prn')}`), admin);
    await t.ok('printers.testPage', {}, admin);
    expect(existsSync(join(t.dir, 'prints', 'b.prn'))).toBe(true);
  });

  it('refuses a path leading out of it (absolute elsewhere, .., a symlink), writing nothing', async () => {
    const t = await testCounter({ households: 1 });
    const admin = await t.login('admin');
    const outside = tempDir('gasdesk-outside-');
    mkdirSync(t.app.printDir, { recursive: true });
    symlinkSync(outside, join(t.app.printDir, 'away'));
    writeFileSync(join(outside, 'victim'), 'untouched');
    symlinkSync(join(outside, 'victim'), join(t.app.printDir, 'victim.prn'));
    symlinkSync(join(outside, 'not-yet'), join(t.app.printDir, 'dangling.prn'));
    await t.ok('printers.configure', settings('training'), admin);
    const before = { outbox: t.count('outbox'), settings: await t.ok('printers.get', {}, admin) };
    for (const spec of [
      `file:${join(outside, 'evil.prn')}`,
      'file:../gasdesk.sqlite',
      'file:sub/../../escape.prn',
      `file:${t.app.printDir}-evil/x.prn`,
      'file:away/x.prn',
      'file:victim.prn',
      'file:dangling.prn',
      'file:.',
    ]) {
      const e = await t.fails('printers.configure', settings(spec), admin);
      expect([spec, e.status, e.code]).toEqual([spec, 400, 'PRINT_FILE_OUTSIDE_FOLDER']);
      expect(e.message).toMatch(/打印文件夹/);
    }
    expect(t.count('outbox')).toBe(before.outbox);
    expect((await t.ok('printers.get', {}, admin)).settings).toEqual(before.settings.settings);
    expect(readFileSync(join(outside, 'victim'), 'utf8')).toBe('untouched');
    expect(existsSync(join(outside, 'not-yet'))).toBe(false);
  });

  it('checks again when printing: a file swapped for a symlink out of the folder is refused', async () => {
    const t = await testCounter({ households: 1 });
    const admin = await t.login('admin');
    await t.ok('printers.configure', settings('file:late.prn'), admin);
    const outside = tempDir('gasdesk-outside-');
    writeFileSync(join(outside, 'victim'), 'untouched');
    symlinkSync(join(outside, 'victim'), join(t.app.printDir, 'late.prn'));
    const e = await t.fails('printers.testPage', {}, admin);
    expect(e.code).toBe('PRINT_FILE_OUTSIDE_FOLDER');
    expect(readFileSync(join(outside, 'victim'), 'utf8')).toBe('untouched');
  });

  it('takes another folder from the counter’s start-up setting, and only that one', async () => {
    const dir = tempDir();
    const printDir = tempDir('gasdesk-prints-');
    const app = new App({ dataDir: dir, printDir });
    try {
      await seedDemo(app, 1);
      const d = createDispatcher(app, () => {});
      const login = await d.invoke(
        'auth.login',
        withRequestId('auth.login', { username: 'admin', password: 'demo1234' }),
        {},
      );
      const sessionId = (login as { result: { sessionId: string } }).result.sessionId;
      const inside = await d.invoke('printers.configure', settings(`file:${printDir}/p.prn`), { sessionId });
      expect(inside.ok).toBe(true);
      const beside = await d.invoke('printers.configure', settings('file:../x.prn'), { sessionId });
      expect(beside).toMatchObject({ ok: false, error: { code: 'PRINT_FILE_OUTSIDE_FOLDER' } });
      const old = await d.invoke('printers.configure', settings(`file:${join(dir, 'prints', 'p.prn')}`), {
        sessionId,
      });
      expect(old).toMatchObject({ ok: false, error: { code: 'PRINT_FILE_OUTSIDE_FOLDER' } });
    } finally {
      app.close();
    }
  });
});
