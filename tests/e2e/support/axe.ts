/**
 * Accessibility checked with axe-core in the page: WCAG 2 A/AA rules (labels, button names, ARIA).
 * `accessibilityProblems` leaves colour contrast out and reports every violation (the older screens' check);
 * `seriousProblems` runs every rule, colour contrast included (the theme's tokens make antd's text dark
 * enough), and reports the serious and critical ones. Runtime: Node (drives the browser).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

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

/** Serious and critical WCAG 2 A/AA violations, colour contrast included; one line each (empty when clean). */
export async function seriousProblems(page: Page, where = ''): Promise<string[]> {
  const result = await runAxe(page, `{ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } }`);
  return lines(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).map((l) =>
    where ? `${where}: ${l}` : l,
  );
}
