/** The printer test page: Chinese text, widths, styles, a QR code, a barcode and the cut. Runtime: any. */
import type { ReceiptDoc } from './document';
import { columnWidths } from './document';

export function testPage(columns: 32 | 48, info: { hall: string; counter: string; at: string }): ReceiptDoc {
  return {
    columns,
    blocks: [
      { t: 'text', text: 'GasDesk 打印测试', align: 'center', bold: true, size: 2 },
      { t: 'text', text: `${info.hall} ${info.counter}`, align: 'center' },
      { t: 'rule' },
      { t: 'row', left: '纸宽', right: columns === 48 ? '80 毫米（48 列）' : '58 毫米（32 列）' },
      { t: 'row', left: '金额', right: '￥1,234.50' },
      { t: 'text', text: '大写：壹仟贰佰叁拾肆元伍角整' },
      {
        t: 'cells',
        values: ['档位', '气量', '单价', '金额'],
        widths: columnWidths(columns, [1, 1, 1, 1]),
        aligns: ['left', 'right', 'right', 'right'],
      },
      { t: 'text', text: '加粗 Bold', bold: true },
      { t: 'text', text: '居中', align: 'center' },
      { t: 'text', text: '靠右', align: 'right' },
      { t: 'rule', ch: '=' },
      { t: 'qr', data: 'gasdesk:test' },
      { t: 'barcode', data: 'GASDESK-TEST' },
      { t: 'text', text: info.at, align: 'center' },
      { t: 'cut' },
    ],
  };
}
