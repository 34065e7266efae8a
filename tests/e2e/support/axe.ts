/**
 * Accessibility checked with axe-core in the page: WCAG 2 A/AA rules (labels, button names, ARIA).
 * `accessibilityProblems` leaves colour contrast out and reports every violation (the older screens' check);
 * `seriousProblems` runs every rule, colour contrast included (the theme's tokens make antd's text dark
 * enough), and reports the serious and critical ones. Runtime: Node (drives the browser).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

async function runAxe(page: Page, options: string): Promise<AxeResult> {
  // page.evaluate is not subject to the page's CSP, unlike a script tag.
  if (!(await page.evaluate('typeof axe !== "undefined"'))) await page.evaluate(AXE_SOURCE);
  return (await page.evaluate(`axe.run(document, ${options})`)) as AxeResult;
}

const lines = (r: AxeResult['violations']) =>
  r.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);

/** Runs axe on the page; returns one line per violation (empty when clean). */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  const result = await runAxe(
    page,
    `{ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] }, rules: { 'color-contrast': { enabled: false } } }`,
  );
  return lines(result.violations);
}

/**
 * The screen as it stays: no transition or finite animation still running (a message fading out, a button just
 * enabled changing colour, a closing list still on screen). A message shown on purpose stays, fully drawn.
 */
const SETTLED = `document.getAnimations().every((a) => a.playState !== 'running' ||
  a.effect?.getComputedTiming().iterations === Infinity)`;

async function settle(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(SETTLED), { timeout: 15_000 }).toBe(true);
}

async function serious(page: Page, where: string): Promise<string[]> {
  const result = await runAxe(page, `{ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } }`);
  return lines(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).map((l) =>
    where ? `${where}: ${l}` : l,
  );
}

/**
 * Serious and critical WCAG 2 A/AA violations, colour contrast included; one line each (empty when clean), on
 * the settled screen. A screen still filling in (an answer arriving just after it settled enables a button,
 * which then fades to its colour) is checked again once settled: a real problem is found both times.
 */
export async function seriousProblems(page: Page, where = ''): Promise<string[]> {
  await settle(page);
  const found = await serious(page, where);
  if (found.length === 0) return found;
  await settle(page);
  return serious(page, where);
}
