/**
 * Text the operator cannot read whole, found by script on the screen as it is: text cut by an ellipsis or by
 * a clipping box (scrollWidth > clientWidth), a page that scrolls sideways, a placeholder or a title wider than its field, and a number
 * (receipt number, amount, account number) broken across lines. Each problem names the screen, the element
 * and its text. Runtime: Node (drives the browser).
 */
import type { Page } from 'playwright-core';

/** Runs in the page: what is cut or broken, as "screen: what — text". */
const FIND = `(() => {
  const out = [];
  const shown = (el) => {
    if (el.closest('[aria-hidden="true"], .ant-select-dropdown-hidden, .ant-tooltip, .ant-message')) return false;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    const s = getComputedStyle(el);
    return s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0;
  };
  const what = (el) => {
    const id = el.getAttribute('data-testid') || el.id || el.getAttribute('aria-label') || '';
    return el.tagName.toLowerCase() + (id ? '#' + id : '') + '.' + String(el.className || '').split(' ')[0];
  };
  const textOf = (el) => (el.innerText || el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 60);
  const canvas = document.createElement('canvas').getContext('2d');
  const widthOf = (str, el) => {
    const s = getComputedStyle(el);
    canvas.font = s.font || (s.fontSize + ' ' + s.fontFamily);
    return canvas.measureText(str).width;
  };
  for (const el of document.querySelectorAll('body *')) {
    if (!(el instanceof HTMLElement) || !shown(el)) continue;
    const s = getComputedStyle(el);
    const tag = el.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA') {
      // A placeholder (or a value) wider than the field: the operator sees only its start.
      const str = el.value || el.placeholder || '';
      if (!str || el.type === 'password' || el.type === 'checkbox' || el.type === 'radio') continue;
      if (el.closest('.ant-select')) continue; // a select's search box: its text shows in the selection
      const room = el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
      if (tag === 'INPUT' && widthOf(str, el) > room + 1) out.push(what(el) + ' cut — ' + str);
      continue;
    }
    const hasOwnText = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim());
    const clips = s.overflowX === 'hidden' || s.overflowX === 'clip' || s.textOverflow === 'ellipsis';
    if (clips && el.scrollWidth > el.clientWidth + 1 && textOf(el)) {
      // A table's header scrolls with its body (a table too wide for the page scrolls sideways in itself).
      const table = el.closest('.ant-table');
      const bodyScrolls = table?.querySelector('.ant-table-body, .ant-table-content');
      if (el.matches('.ant-table-header') && bodyScrolls && bodyScrolls.scrollWidth > bodyScrolls.clientWidth) continue;
      if (el.closest('.ant-table-body, .ant-table-content, .ant-tabs-nav-wrap, .ant-select-selection-search')) {
        if (s.textOverflow !== 'ellipsis') continue;
      }
      out.push(what(el) + (s.textOverflow === 'ellipsis' ? ' ellipsis — ' : ' clipped — ') + textOf(el));
      continue;
    }
    // A box the operator must scroll sideways to read (tables scroll by design: their own container).
    const scrolls = s.overflowX === 'auto' || s.overflowX === 'scroll';
    if (scrolls && el.scrollWidth > el.clientWidth + 1 && !el.closest('.ant-table-content, .ant-table-body')) {
      if (!el.matches('.ant-table-content, .ant-table-body, textarea')) {
        out.push(what(el) + ' scrolls sideways — ' + textOf(el));
        continue;
      }
    }
    if (!hasOwnText) continue;
    // A number (receipt no., amount, account or meter number, date) broken across lines.
    const own = Array.from(el.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim();
    for (const token of own.split(/\\s+/)) {
      if (!/^[-￥+]?[0-9A-Z][0-9A-Z,.:\\-]{5,}$/.test(token)) continue;
      const range = document.createRange();
      for (const n of el.childNodes) {
        if (n.nodeType !== 3) continue;
        const i = n.textContent.indexOf(token);
        if (i < 0) continue;
        range.setStart(n, i);
        range.setEnd(n, i + token.length);
        const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
        if (tops.size > 1) out.push(what(el) + ' wrapped — ' + token);
        break;
      }
    }
  }
  return out;
})()`;

export async function cutText(page: Page, screen: string): Promise<string[]> {
  const found = (await page.evaluate<string[]>(FIND)) ?? [];
  return [...new Set(found)].map((p) => `${screen}: ${p}`);
}

/** The element's box ends above the window's bottom edge (seen without scrolling). */
export async function aboveTheFold(page: Page, selector: string): Promise<boolean> {
  return page.evaluate<boolean>(`(() => {
    const el = document.querySelector(${JSON.stringify(selector)});
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.bottom <= window.innerHeight && r.top >= 0;
  })()`);
}
