/**
 * Accessibility basics checked with axe-core in the page: WCAG 2 A/AA rules (labels, button names, ARIA),
 * colour contrast left out (antd's default palette). Runtime: Node (drives the browser).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: string[] }[] }[];
}

/** Runs axe on the page; returns one line per violation (empty when clean). */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  // page.evaluate is not subject to the page's CSP, unlike a script tag.
  await page.evaluate(AXE_SOURCE);
  const result = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] }, rules: { 'color-contrast': { enabled: false } } })`,
  )) as AxeResult;
  return result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}
