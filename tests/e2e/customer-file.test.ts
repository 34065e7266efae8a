/**
 * The customer file (一户一档) end to end, in Chromium against `gasdesk serve --demo`: a clerk logs in,
 * opens an account with every field (an invalid resident ID is refused on screen first), finds it again by
 * two characters of its address, changes the phone with a reason, suspends it, and reads each step in the
 * history. Runtime: Node (drives the browser).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentIdCheckChar } from '../../core/validation/resident-id';
import { accessibilityProblems } from './support/axe';
import { visible } from './support/counter';
import { launchChromium, newPage, type Served, serveDemo } from './support/serve';

const FIRST17 = '11010119900307451';
const GOOD_ID = FIRST17 + residentIdCheckChar(FIRST17);
const BAD_ID = FIRST17 + (residentIdCheckChar(FIRST17) === '1' ? '2' : '1');
const NAME = '司马晓明';
const COMMUNITY = '鹭汀雅筑';
const OLD_PHONE = '13912345678';
const NEW_PHONE = '13687654321';
const TIME = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/;

describe('customer file in the browser', () => {
  let served: Served | undefined;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    served = await serveDemo();
    browser = await launchChromium();
    page = await newPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('opens, finds, edits and suspends a customer, and the history shows every step', async () => {
    await page.goto(served!.url);
    const username = await visible(page.getByLabel('登录名', { exact: true }));
    await username.fill('zhangli');
    await username.press('Enter');
    await page.keyboard.type('demo1234');
    await page.keyboard.press('Enter');
    const header = await visible(page.locator('header'));
    await visible(header.getByText('张丽'));
    expect(await header.textContent()).toContain('客服员');

    // 开户 (F4): the invalid resident ID is refused under its field with the contract's message.
    await visible(page.getByLabel('查询内容'));
    await page.keyboard.press('F4');
    await visible(page.getByRole('heading', { name: '开户' }));
    const field = (label: string) => page.getByLabel(label, { exact: true });
    await field('用户名称').fill(NAME);
    await field('用户名称').press('Enter');
    expect(await page.evaluate('document.activeElement?.getAttribute("role")')).toBe('combobox');
    await field('身份证号').fill(BAD_ID);
    await field('身份证号').press('Tab');
    await visible(page.locator('#idNumber_help').getByText('身份证号校验位不正确，请核对后重新输入'));
    await field('身份证号').fill(GOOD_ID);
    await field('联系电话').fill(OLD_PHONE);
    await field('备用电话').fill('0518-85551234');
    // An out-of-range number is refused at its field, as typed — never quietly changed to the nearest allowed.
    await field('家庭人口').fill('999');
    await field('家庭人口').press('Tab');
    await visible(page.locator('#householdSize_help').getByText('人口最多 30 人'));
    expect(await field('家庭人口').inputValue()).toBe('999');
    await field('家庭人口').fill('4');
    await field('区县/街道').fill('牛山街道');
    await field('小区').fill(COMMUNITY);
    await field('楼栋').fill('7栋');
    await field('单元').fill('2单元');
    await field('房号').fill('1502');
    await field('安检日期').fill('2026-01-15');
    await field('合同编号').fill('HT-E2E-0001');
    await field('合同签订日期').fill('2026-01-15');
    await field('用户编号').fill('880001000001');
    await field('初装费发票号').fill('FP-E2E-0001');
    await field('已核对《燃气用户登记表》').check();
    await page.getByRole('button', { name: '添加表具' }).click();
    expect(await accessibilityProblems(page)).toEqual([]);
    await field('表号').fill('E2E000001');
    await field('表厂').fill('金卡智能');
    await field('型号').fill('JK-IC-G2.5');
    await field('安装日期').fill('2026-01-16');
    await field('备注').fill('端到端测试开户');
    await field('备注').press('Control+Enter');
    await visible(page.getByRole('heading', { name: NAME }));
    expect(await page.getByRole('main').textContent()).toContain('880001000001');
    expect(await page.getByRole('main').textContent()).toContain(COMMUNITY);

    // Find it again (F3, two characters of the community, Enter), open it with ↓ and Enter.
    await page.keyboard.press('F3');
    const search = await visible(page.getByLabel('查询内容'));
    await search.fill(COMMUNITY.slice(1, 3));
    await search.press('Enter');
    await visible(page.getByRole('cell', { name: NAME }));
    const found = await page.getByRole('main').locator('tbody tr.ant-table-row').allTextContents();
    const index = found.findIndex((row) => row.includes(NAME));
    for (let i = 0; i <= index; i++) await search.press('ArrowDown');
    expect(await page.locator('tr[aria-selected="true"]').textContent()).toContain(NAME);
    await search.press('Enter');
    await visible(page.getByRole('heading', { name: NAME }));

    // 修改档案: a new phone with a reason (Enter on the last field submits).
    await page.getByRole('button', { name: '修改档案' }).click();
    const edit = await visible(page.getByRole('dialog'));
    await edit.getByLabel('联系电话', { exact: true }).fill(NEW_PHONE);
    const reason = edit.getByLabel('办理原因', { exact: true });
    await reason.fill('用户来电更换手机号');
    await reason.press('Enter');
    await edit.waitFor({ state: 'detached' });
    await visible(page.getByRole('main').getByText(NEW_PHONE, { exact: true }));

    // 停用 with a reason.
    await page.getByRole('button', { name: '停用', exact: true }).click();
    const suspend = await visible(page.getByRole('dialog'));
    await suspend.getByLabel('办理原因', { exact: true }).fill('用户长期外出，申请停用');
    await suspend.getByRole('button', { name: '停用', exact: true }).click();
    await suspend.waitFor({ state: 'detached' });
    await visible(page.getByRole('button', { name: '启用', exact: true }));

    expect(await accessibilityProblems(page)).toEqual([]);

    // 办理记录: each step, by 张丽, with a time; the phone change shows before → after.
    const history = page.getByTestId('customer-history');
    const rows = history.locator('tbody tr.ant-table-row');
    await visible(rows.nth(2));
    const texts = await rows.allInnerTexts();
    expect(texts).toHaveLength(3);
    for (const [i, action] of ['停用', '修改档案', '开户'].entries()) {
      expect(texts[i]).toContain(action);
      expect(texts[i]).toContain('张丽');
      expect(texts[i]).toMatch(TIME);
    }
    expect(texts[1]).toContain(`联系电话：${OLD_PHONE} → ${NEW_PHONE}`);
    expect(texts[1]).toContain('用户来电更换手机号');
    expect(texts[0]).toContain('状态：正常 → 停用');
    expect(texts[0]).toContain('用户长期外出，申请停用');
  });
});
