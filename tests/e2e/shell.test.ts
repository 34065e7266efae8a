/**
 * The shell tells the operator what is going on: a shortcut the role does not allow says so; the lock screen
 * calls a wrong password a wrong password; logging out with an open shift reminds the cashier to hand over;
 * and when the counter service stops, the status bar says so instead of showing the devices green.
 * Runtime: Node (drives the browser).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOp, visible } from './support/counter';
import { launchChromium, newPage, type Served, serveDemo } from './support/serve';

describe('what the shell tells the operator', () => {
  let served: Served | undefined;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    served = await serveDemo();
    browser = await launchChromium();
    page = await newPage(browser);
    await page.goto(served.url);
  });

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  const label = (name: string) => page.getByLabel(name, { exact: true });

  async function login(user: string) {
    const username = await visible(label('登录名'));
    await username.fill(user);
    await username.press('Enter');
    await page.keyboard.type('demo1234');
    await page.keyboard.press('Enter');
    await visible(page.getByLabel('查询内容'));
  }

  it('a clerk’s F2 and F8 say the role cannot take payments; a wrong unlock password is called that', async () => {
    await login('zhangli');
    // The start page: the clerk's files opened lately (none yet), no shift, no day.
    await visible(page.getByTestId('home-recent').filter({ hasText: '还没有打开过用户档案' }));
    expect(await page.getByTestId('home-shift').count()).toBe(0);
    await page.keyboard.press('F2');
    await visible(page.getByText('您的岗位不能收费', { exact: false }));
    await page.keyboard.press('F8');
    await visible(page.getByText('您的岗位不能交班', { exact: false }));
    // The status bar names the help instead of a line of keys a 1366-pixel screen cuts; F1 lists this role's keys.
    const bar = page.locator('.status-bar');
    expect(await bar.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(await page.getByTestId('status-shortcuts').textContent()).toBe('F1 或 ? 快捷键');
    await page.keyboard.press('F1');
    const keys = await visible(page.getByRole('dialog').filter({ hasText: '快捷键' }));
    expect(await keys.textContent()).toContain('查询用户');
    expect(await keys.textContent()).toContain('开户');
    expect(await keys.textContent()).not.toContain('交班');
    await page.keyboard.press('Escape');
    await keys.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: '锁屏' }).click();
    const password = await visible(page.locator('.lock-overlay').getByLabel('密码'));
    await password.fill('not-my-password');
    await password.press('Enter');
    await visible(page.getByText('密码不正确，请重新输入', { exact: false }));
    expect(await page.locator('.lock-overlay').textContent()).not.toContain('用户名');
    await password.fill('demo1234');
    await password.press('Enter');
    await page.locator('.lock-overlay').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '退出登录' }).click();
    await visible(label('登录名')); // no shift, no question
  });

  it('logging out with an open shift asks first', async () => {
    await login('wangfang');
    await page.keyboard.press('F8');
    const float = await visible(label('备用金（元）'));
    await float.fill('200');
    await float.press('Enter');
    await visible(page.getByTestId('shift-status').filter({ hasText: '已开班' }));
    await page.keyboard.press('F3'); // the start page: the cashier's shift and its takings
    await visible(page.getByTestId('home-shift').filter({ hasText: '已收款 0 笔' }));
    expect(await page.getByTestId('home-day').count()).toBe(0);
    await page.getByRole('button', { name: '退出登录' }).click();
    const ask = await visible(page.getByRole('dialog').filter({ hasText: '您的班次还没有交班' }));
    await ask.getByRole('button', { name: '返回修改（Esc）' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(await label('登录名').count()).toBe(0); // still logged in
    await page.getByRole('button', { name: '退出登录' }).click();
    await (await visible(page.getByRole('button', { name: '仍然退出' }))).click();
    await visible(label('登录名'));
  });

  it('settings: each address label focuses its own field, and no element id is used twice', async () => {
    await login('admin');
    // The start page of an administrator (a 班长's rights): the day's open shifts and head office.
    await visible(page.getByTestId('home-day').filter({ hasText: '1 个班次未交班：王芳' }));
    await visible(page.getByTestId('home-day').filter({ hasText: '尚未登记到总部' }));
    await page.getByRole('menuitem', { name: '系统设置' }).click();
    await page.getByText('读卡器地址', { exact: true }).click();
    expect(await page.evaluate('document.activeElement?.id')).toBe('reader_spec');
    await page.getByText('打印机地址', { exact: true }).click();
    expect(await page.evaluate('document.activeElement?.id')).toBe('printer_spec');
    const twice = await page.evaluate(`(() => {
      const ids = Array.from(document.querySelectorAll('[id]')).map((e) => e.id);
      return ids.filter((id, i) => ids.indexOf(id) !== i);
    })()`);
    expect(twice).toEqual([]);
    // The settings cards save what was typed and show it back (one form hook: use-setting-form.ts).
    const hotline = await visible(page.locator('#publicity-hotline'));
    await hotline.fill('0512-96777');
    await page.getByTestId('publicity').getByRole('button', { name: '保存' }).click();
    await visible(page.getByText('已保存', { exact: false }));
    expect((await callOp(page, 'publicity.get', {})).hotline).toBe('0512-96777');
    const tolerance = page.getByLabel('允许差额（元）', { exact: true });
    await tolerance.fill('12.5');
    await tolerance.press('Enter');
    await expect.poll(async () => (await callOp(page, 'settings.get', {})).shiftTolerance).toBe(1250);
    expect(await tolerance.inputValue()).toBe('12.50');
    await page.getByRole('button', { name: '退出登录' }).click();
    await visible(label('登录名'));
  });

  it('says the counter service is gone when it stops answering', async () => {
    await login('wangfang');
    await visible(page.getByTestId('shift-status'));
    await served!.stop();
    served = undefined;
    await visible(page.getByTestId('service-down').filter({ hasText: '柜台服务已断开' }), 20_000);
    expect(await page.getByTestId('shift-status').count()).toBe(0);
  });
});
