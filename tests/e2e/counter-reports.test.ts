/**
 * The counter's 报表 screen in Chromium against `gasdesk serve --demo`: 刘强 (班长) opens it from the menu, the
 * report's kind has the focus, he chooses 售气统计 by typing, leaves the day empty (today) and presses Enter in it; the
 * report shown is the one reports.run answers for the same query (its tables, row for row), and a bad date is
 * refused in Chinese without a report. Runtime: Node (drives the browser).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TIME_ZONE, dayIn } from '../../core/business-day';
import { REPORT_TABLES } from '../../core/reports/definitions';
import { seriousProblems } from './support/axe';
import { callOp, visible } from './support/counter';
import { launchChromium, newPage, type Served, serveDemo } from './support/serve';

describe('the counter’s reports screen', () => {
  let served: Served | undefined;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    served = await serveDemo();
    browser = await launchChromium();
    page = await newPage(browser);
    await page.goto(served.url);
    const username = await visible(page.getByLabel('登录名', { exact: true }));
    await username.fill('liuqiang');
    await username.press('Enter');
    await page.keyboard.type('demo1234');
    await page.keyboard.press('Enter');
    await visible(page.getByLabel('查询内容'));
  });

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  const activeId = () => page.evaluate<string>('document.activeElement?.id ?? ""');
  const rowCount = (title: string) =>
    page
      .getByTestId('counter-report')
      .getByLabel(title, { exact: true })
      .locator('tbody tr.ant-table-row')
      .count();

  it('runs a day report by keyboard and shows what reports.run answers', async () => {
    await page.getByRole('menuitem', { name: '报表' }).click();
    await visible(page.getByText('本柜台报表', { exact: true }));
    await expect.poll(activeId).toBe('report-kind');
    await page.keyboard.type('售气');
    await page.keyboard.press('Enter');
    // (售气统计 is also the default: the report's filter below proves which ran.) 期间 stays 日 (the default);
    // Enter in 日期, left empty: today. (Tab's way there passes the period's list,
    // whose opening and closing timing a loaded machine varies: the box is taken directly.)
    await page.locator('#report-when').focus();
    await page.keyboard.press('Enter');
    const shown = await visible(page.getByTestId('counter-report'));
    expect(await shown.getByText('售气统计', { exact: false }).count()).toBeGreaterThan(0);
    const today = dayIn(DEFAULT_TIME_ZONE, Date.now()); // the demo hall's zone
    const answer = await callOp(page, 'reports.run', { kind: 'gas', period: 'day', date: today });
    expect(await shown.getByTestId('report-filter').textContent()).toBe(answer.filter);
    const tables = answer.tables as { key: string; title: string; rows: unknown[] }[];
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables) {
      const totals = REPORT_TABLES.gas.find((d) => d.key === t.key)?.totals && t.rows.length > 0;
      await expect.poll(() => rowCount(t.title)).toBe(t.rows.length + (totals ? 1 : 0));
    }
    expect(await seriousProblems(page, 'counter reports')).toEqual([]);
  });

  it('refuses a date that does not exist, in Chinese, without a report', async () => {
    const when = page.locator('#report-when');
    await when.fill('2026-02-30');
    await when.press('Enter');
    const alert = await visible(page.getByRole('alert'));
    expect(await alert.textContent()).toMatch(/[\u4e00-\u9fff]/);
    expect(await page.getByTestId('counter-report').count()).toBe(0);
  });
});
