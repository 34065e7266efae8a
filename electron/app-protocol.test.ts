import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_CSP, serveApp } from './app-protocol';

/** An out/ folder with the renderer's files and a secret beside it. */
function outDir() {
  const out = mkdtempSync(join(tmpdir(), 'gasdesk-app-'));
  mkdirSync(join(out, 'renderer', 'assets'), { recursive: true });
  mkdirSync(join(out, 'renderer-evil'));
  writeFileSync(join(out, 'renderer', 'index.html'), '<!doctype html><title>GasDesk</title>');
  writeFileSync(join(out, 'renderer', 'console.html'), '<!doctype html><title>console</title>');
  writeFileSync(join(out, 'renderer', 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(out, 'renderer-evil', 'index.html'), 'evil');
  writeFileSync(join(out, 'secret.txt'), 'secret');
  return join(out, 'renderer');
}

const get = (dir: string, url: string, method = 'GET') => serveApp(dir, { url, method });

describe('the app:// protocol', () => {
  it('serves the renderer’s files with their type, the CSP and nosniff', async () => {
    const dir = outDir();
    const page = await get(dir, 'app://gasdesk/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('GasDesk');
    expect(await (await get(dir, 'app://gasdesk/')).text()).toContain('GasDesk');
    const js = await get(dir, 'app://gasdesk/assets/index-abc.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(APP_CSP).toContain("script-src 'self'");
    expect(APP_CSP).not.toContain('unsafe-eval');
  });

  it('answers nothing outside the renderer folder, for another host, for the console page, or to a write', async () => {
    const dir = outDir();
    for (const url of [
      'app://gasdesk/../secret.txt',
      'app://gasdesk/%2e%2e/secret.txt',
      'app://gasdesk/..%2Fsecret.txt',
      'app://gasdesk/..%5Csecret.txt',
      'app://gasdesk/%2e%2e/renderer-evil/index.html',
      'app://gasdesk/%00index.html',
      'app://gasdesk/missing.js',
      'app://gasdesk/console.html',
      'app://evil/index.html',
      'file:///etc/passwd',
    ])
      expect((await get(dir, url)).status, url).toBe(404);
    expect((await get(dir, 'app://gasdesk/index.html', 'POST')).status).toBe(405);
  });
});
