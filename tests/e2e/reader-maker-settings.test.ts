/**
 * 系统设置 → 读卡器 → 测试 with a `maker:MANIFEST_PATH` address, in Chromium against `gasdesk serve --demo`: the
 * worked maker manifest beside its library's test double (built here with cc), reached through the real path —
 * the manifest loaded and checked, the library called with koffi in its host process. The administrator starts
 * the address from its tag, tests it with a card in the maker's reader and with none, then names a manifest
 * whose library is not there and is told so in Chinese; nothing is written to the card. Runtime: Node (drives
 * the browser).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/app';
import { buildMakerTestDouble, type MakerTestDouble } from '../support/maker-card-test-double';
import { accessibilityProblems } from './support/axe';
import { visible } from './support/counter';
import { launchChromium, newPage, type Served, serveDemo } from './support/serve';

describe('the reader settings’ 测试 with a meter maker’s card library', () => {
  let served: Served | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let lib: MakerTestDouble;
  let dir: string;

  beforeAll(async () => {
    dir = tempDir('gasdesk-maker-e2e-', { shared: true });
    lib = buildMakerTestDouble(dir); // sets DEMO_MAKER_CARD_STATE, which the served counter inherits
    served = await serveDemo(90_000);
    browser = await launchChromium();
    page = await newPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('says what the library is and whether a card is in; a missing library in Chinese; never writes', async () => {
    await page.goto(served!.url);
    const username = await visible(page.getByLabel('登录名', { exact: true }));
    await username.fill('admin');
    await username.press('Enter');
    await page.keyboard.type('demo1234');
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: '系统设置' }).click();
    const card = await visible(page.getByTestId('reader-card'));
    const use = card.getByLabel('使用读卡器');
    if (!(await use.isChecked())) await use.check();
    const spec = card.getByLabel('读卡器地址');
    await card.getByTestId('reader-kinds').getByText('maker:MANIFEST_PATH', { exact: true }).click();
    expect(await spec.inputValue()).toBe('maker:');
    await spec.fill(`maker:${lib.manifest}`);

    // A card in the maker's reader, with a purchase and the meter's reading on it.
    lib.put({
      cardNo: '1010000077',
      accountNo: '880001000077',
      region: 101,
      generation: 0,
      count: 3,
      volume: 40,
      cumulative: 200,
      remaining: 15,
      used: 170,
      meterNo: 'JK2026000123',
      readAt: '20261207153000',
      loaded: 2,
    });
    const state = join(dir, 'demo-maker-card.state');
    const before = readFileSync(state, 'utf8');
    const result = card.getByTestId('reader-test-result');
    await card.getByTestId('reader-test').click();
    await visible(
      result.getByText(
        `读卡器可以使用：示例表厂 IC 卡库（测试替身）（表厂卡库 ${lib.library}），读卡器里有卡。`,
      ),
    );
    expect(readFileSync(state, 'utf8')).toBe(before);

    // No card: the library answers its "no card" code, which the manifest maps to NO_CARD.
    lib.absent();
    await card.getByTestId('reader-test').click();
    await visible(result.getByText('读卡器里没有卡', { exact: false }));

    // A manifest that is not there, and one whose library is not where it says: the counter's Chinese
    // problem, not a failure.
    await spec.fill(`maker:${join(dir, 'nowhere.json')}`);
    await card.getByTestId('reader-test').click();
    await visible(result.getByText('找不到表厂卡库清单', { exact: false }));
    const m = JSON.parse(readFileSync(lib.manifest, 'utf8'));
    m.library = 'missing/libdemo-maker-card.so';
    const noLibrary = join(dir, 'no-library.json');
    writeFileSync(noLibrary, JSON.stringify(m));
    await spec.fill(`maker:${noLibrary}`);
    await card.getByTestId('reader-test').click();
    await visible(result.getByText('找不到表厂的卡库', { exact: false }));
    expect(await accessibilityProblems(page)).toEqual([]);
  });
});
