/** Receipt documents (core/receipts) → ESC/POS bytes. Runtime: Node. */
import type { ReceiptDoc } from '../../core/receipts/document';
import { EscPos, type PaperWidth } from './escpos';

export function renderEscPos(doc: ReceiptDoc): Uint8Array {
  const p = new EscPos((doc.columns === 48 ? 80 : 58) as PaperWidth).init();
  for (const b of doc.blocks) {
    switch (b.t) {
      case 'text': {
        // Double size is double width and height: a title too wide for the paper wraps between its parts.
        const size = b.size ?? 1;
        p.align(b.align ?? 'left')
          .bold(b.bold ?? false)
          .size(size, size)
          .paragraph(b.parts ?? b.text);
        break;
      }
      case 'row':
        p.align('left')
          .bold(b.bold ?? false)
          .size(b.size ?? 1, b.size ?? 1)
          .row(b.left, b.right);
        break;
      case 'cells':
        p.align('left').bold(false).size(1, 1).cells(b.values, b.widths, b.aligns);
        break;
      case 'rule':
        p.align('left').bold(false).size(1, 1).rule(b.ch);
        break;
      case 'qr':
        p.align('center').qr(b.data, { size: 5, ec: 'M' });
        break;
      case 'barcode':
        p.align('center').barcode(b.data);
        break;
      case 'feed':
        p.feed(b.lines);
        break;
      case 'drawer':
        p.kickDrawer();
        break;
      case 'cut':
        p.align('left').size(1, 1).cut();
        break;
    }
  }
  return p.bytes();
}
