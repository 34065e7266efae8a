import { describe, expect, it } from 'vitest';
import { receiptHtml } from './html';

describe('a receipt as HTML for office printers', () => {
  const doc = {
    columns: 48 as const,
    blocks: [
      { t: 'text' as const, text: '燃气费收据', align: 'center' as const, bold: true, size: 2 as const },
      { t: 'row' as const, left: '户名', right: '<script>alert(1)</script>' },
      {
        t: 'cells' as const,
        values: ['气量', '单价', '金额'],
        widths: [16, 16, 16],
        aligns: ['left' as const, 'right' as const, 'right' as const],
      },
      { t: 'rule' as const },
      { t: 'qr' as const, data: 'v=1&a=3000' },
      { t: 'drawer' as const },
      { t: 'cut' as const },
    ],
  };

  it('keeps every text, escaped, with the layout classes and the paper width', () => {
    const html = receiptHtml(doc, '收据 "R1"');
    expect(html).toContain('<title>收据 &quot;R1&quot;</title>');
    expect(html).toContain('<p class="center b big">燃气费收据</p>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<td class="right" style="width:16ch">单价</td>');
    expect(html).toContain('v=1&amp;a=3000');
    expect(html).toContain('size: 80mm auto');
    expect(html).toContain("default-src 'none'");
  });

  it('prints the drawer and cut commands as nothing and uses 58 mm paper for 32 columns', () => {
    const html = receiptHtml({ columns: 32, blocks: [{ t: 'drawer' }, { t: 'cut' }] }, 't');
    expect(html).toContain('size: 58mm auto');
    expect(html.split('<body>')[1]!.replace(/\s/g, '')).toBe('</body></html>');
  });
});
