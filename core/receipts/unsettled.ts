/**
 * 已收款未写卡 on the shift and day reports: paid gas sales whose gas is not on a card, counted, summed and
 * each named by its receipt number, so they are written or refunded before the handover and the 日结.
 * Runtime: any.
 */
import type { Unsettled } from '../contract/cash';
import { SALE_STATUS_ZH } from '../domain/cash';
import { formatYuan } from '../quantities';
import type { Block } from './document';

export function unsettledBlocks(u: Unsettled): Block[] {
  const blocks: Block[] = [
    { t: 'rule' },
    { t: 'row', left: '已收款未写卡', right: `${u.count} 笔 ￥${formatYuan(u.amount)}`, bold: true },
  ];
  if (u.count === 0) return blocks;
  for (const s of u.sales)
    blocks.push({
      t: 'row',
      left: `${s.receiptNo} ${SALE_STATUS_ZH[s.status]}`,
      right: formatYuan(s.amount),
    });
  blocks.push({ t: 'text', text: '以上款项须重新写卡或退款。' });
  return blocks;
}
