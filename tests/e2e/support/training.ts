/**
 * Test support: the training panel (F9) of `gasdesk serve --demo` — its last event, card C001's row, steps taken
 * in it — and issuing that card to the customer whose file is open. Runtime: Node (drives the browser).
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { text, visible } from './counter';

/** `page` is read when a step runs (a test file opens its page in beforeAll). */
export function trainingPanel(pageOf: () => Page) {
  const page = () => pageOf();
  const panel = () => page().getByRole('complementary', { name: '培训面板' });
  const lastEvent = () => text(page().getByTestId('training-last-event'));
  const card = () => panel().getByTestId('training-card-C001');

  /** F9, `steps` in the panel, and the panel closed again. */
  async function training(steps: () => Promise<void>) {
    await page().keyboard.press('F9');
    await visible(panel());
    await steps();
    await panel().getByRole('button', { name: '关闭（Esc）' }).press('Escape');
    await panel().waitFor({ state: 'detached' });
  }

  /** Card C001 into the reader (inside `training`). */
  const insert = async () => {
    await card().getByRole('button', { name: '插入读卡器' }).click();
    await expect.poll(lastEvent).toContain('卡 C001 已插入读卡器');
  };

  return { panel, lastEvent, card, training, insert };
}

/** On an open customer file: card C001 (a blank) into the reader, and 发卡 issues it to the customer. */
export async function issueCardOnFile(page: Page): Promise<void> {
  const { training, insert } = trainingPanel(() => page);
  await training(insert);
  const cards = await visible(page.getByTestId('customer-cards'));
  await cards.getByRole('button', { name: '发卡' }).click();
  const issue = await visible(page.getByRole('dialog'));
  await visible(issue.getByText('读卡器中是空白卡，可以发卡。'));
  await page.keyboard.press('Enter');
  await issue.waitFor({ state: 'detached' });
  await visible(cards.getByTestId('card-notice').filter({ hasText: '已发卡' }));
}
