/**
 * 开户 filled from the resident-ID reader, in Chromium against `gasdesk serve --demo --idcard …` whose reader is
 * the termb SDK test double (built here with cc) behind the real path — koffi in the termb host process. The
 * clerk meets an empty reader, an expired card (flagged, the form still filled), then a valid card, and opens
 * the account. Runtime: Node (drives the browser).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/app';
import { buildTermbTestDouble, type TermbTestDouble } from '../support/termb-test-double';
import { accessibilityProblems } from './support/axe';
import { visible } from './support/counter';
import { launchChromium, newPage, type Served, serveDemo } from './support/serve';

describe('开户 from the ID card reader', () => {
  let served: Served | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let stub: TermbTestDouble;

  beforeAll(async () => {
    stub = buildTermbTestDouble(tempDir('gasdesk-termb-', { shared: true }), 'none');
    served = await serveDemo(90_000, {
      args: ['--idcard', `idcard:${stub.library}:1001`],
      env: { TERMB_TEST_DOUBLE_CONTROL: stub.control },
    });
    browser = await launchChromium();
    page = await newPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('fills name, ID number and address from the card, warns of an expired one and shows the photo', async () => {
    await page.goto(served!.url);
    const username = await visible(page.getByLabel('登录名', { exact: true }));
    await username.fill('zhangli');
    await username.press('Enter');
    await page.keyboard.type('demo1234');
    await page.keyboard.press('Enter');
    await visible(page.getByLabel('查询内容'));
    await page.keyboard.press('F4');
    await visible(page.getByRole('heading', { name: '开户' }));
    const field = (label: string) => page.getByLabel(label, { exact: true });

    // Nothing on the reader: said in the clerk's words, nothing filled.
    await page.getByTestId('idcard-read').click();
    await visible(page.getByTestId('idcard-problem').getByText('阅读器上没有身份证', { exact: false }));
    expect(await field('用户名称').inputValue()).toBe('');

    // An expired card (F10): the form is filled, the card flagged, not refused.
    stub.set('expired');
    await page.keyboard.press('F10');
    const panel = await visible(page.getByTestId('idcard-panel'));
    await visible(
      page.getByTestId('idcard-expired').getByText('有效期已于 2025-06-01 截止', { exact: false }),
    );
    expect(await field('用户名称').inputValue()).toBe('王小明');
    expect(await field('身份证号').inputValue()).toBe('110101198503120033');
    expect(await field('小区').inputValue()).toBe('和平里东街11号院');

    // The valid card: no warning; the photo decoded by the browser at the card's 102 × 126.
    stub.set('card');
    await page.getByTestId('idcard-read').click();
    await page.getByTestId('idcard-expired').waitFor({ state: 'detached' });
    expect(await panel.textContent()).toContain('北京市公安局东城分局');
    expect(await panel.textContent()).toContain('2015-06-01 – 2035-06-01');
    const photo = page.getByTestId('idcard-photo');
    await expect
      .poll(() =>
        photo.evaluate((el) => {
          const img = el as unknown as { complete: boolean; naturalWidth: number; naturalHeight: number };
          return [img.complete, img.naturalWidth, img.naturalHeight];
        }),
      )
      .toEqual([true, 102, 126]);
    expect(await field('区县/街道').inputValue()).toBe('东城区');
    expect([
      await field('楼栋').inputValue(),
      await field('单元').inputValue(),
      await field('房号').inputValue(),
    ]).toEqual(['3', '2', '501']);
    expect(await accessibilityProblems(page)).toEqual([]);

    // The rest typed, and the account opened for the person on the card.
    await field('联系电话').fill('13912340000');
    await field('家庭人口').fill('2');
    await field('安检日期').fill('2026-01-15');
    await field('合同编号').fill('HT-E2E-IDCARD');
    await field('合同签订日期').fill('2026-01-15');
    await field('初装费发票号').fill('FP-E2E-IDCARD');
    await field('已核对《燃气用户登记表》').check();
    await field('备注').fill('读身份证开户');
    await field('备注').press('Control+Enter');
    await visible(page.getByRole('heading', { name: '王小明' }));
    expect(await page.getByRole('main').textContent()).toContain('和平里东街11号院');
  });

  it('lets the administrator test the reader in 系统设置, and names a port that does not open', async () => {
    const admin = await newPage(browser!);
    await admin.goto(served!.url);
    const username = await visible(admin.getByLabel('登录名', { exact: true }));
    await username.fill('admin');
    await username.press('Enter');
    await admin.keyboard.type('demo1234');
    await admin.keyboard.press('Enter');
    await admin.getByRole('menuitem', { name: '系统设置' }).click();
    const card = await visible(admin.getByTestId('idcard-settings'));
    await visible(card.getByTestId('idcard-state').getByText(stub.library, { exact: false }));
    await card.getByRole('button', { name: '测试' }).click();
    await visible(
      card.getByTestId('idcard-test-result').getByText(`阅读器正常：${stub.library}（端口 1001）`),
    );
    stub.set('port');
    await card.getByRole('button', { name: '测试' }).click();
    await visible(
      card.getByTestId('idcard-test-result').getByText('打不开身份证阅读器的端口', { exact: false }),
    );
    expect(await accessibilityProblems(admin)).toEqual([]);
  });
});
