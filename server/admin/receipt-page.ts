/**
 * The page a phone opens when it scans a receipt's QR code: the link (core/receipts/receipt-qr.ts) verified as
 * POST /admin/receipts/verify verifies it, answered as a small self-contained HTML page in Chinese — whether the
 * receipt is genuine, its number, amount and counter. Every text is escaped; no script, no external resource.
 * Runtime: Node.
 */
import { formatYuan } from '../../core/quantities';
import type { ReceiptVerdict } from '../../core/receipts/receipt-qr';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STATE_ZH: Record<string, string> = { active: '在用', revoked: '已停用' };

export function receiptVerdictPage(v: ReceiptVerdict): string {
  const rows: [string, string][] = [];
  if (v.receiptNo) rows.push(['收据号', v.receiptNo]);
  if (v.amount !== null)
    rows.push([v.amount < 0 ? '退还金额' : '收款金额', `￥${formatYuan(Math.abs(v.amount))}`]);
  if (v.counter)
    rows.push([
      '柜台',
      `营业厅 ${v.counter.hallCode} · ${v.counter.name}（${STATE_ZH[v.counter.state] ?? v.counter.state}）`,
    ]);
  const head = v.valid ? '✔ 收据有效' : '✘ 无法确认这张收据';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>收据验真</title>
<style>
body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0; padding: 24px 16px; color: #111; }
h1 { font-size: 24px; margin: 0 0 8px; color: ${v.valid ? '#166534' : '#b91c1c'}; }
p { font-size: 16px; margin: 0 0 16px; } dl { display: grid; grid-template-columns: auto 1fr; gap: 8px 16px; font-size: 16px; }
dt { color: #4b5563; } dd { margin: 0; font-weight: 600; word-break: break-all; }
</style></head><body>
<h1 data-code="${esc(v.code)}">${esc(head)}</h1>
<p>${esc(v.message)}</p>
<dl>${rows.map(([k, x]) => `<dt>${esc(k)}</dt><dd>${esc(x)}</dd>`).join('')}</dl>
</body></html>`;
}
