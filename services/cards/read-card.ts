/**
 * 读卡: who the card belongs to, its purchase count, whether the last purchase is still on it or was loaded,
 * and the meter's write-back, kept as a reading in the customer's history; every pending write of the card is
 * settled from what it holds, and a card ahead of this counter's records is recorded as a conflict.
 * Never verifies a PSC. Runtime: Node.
 */
import type { CardRead } from '../../core/contract';
import { accountCount, cardByNo, conflictKnown, findCustomer, insertConflict, insertReading } from '../../db';
import type { App } from '../app';
import { type Handlers, operatorOf } from '../call';
import { stationOf } from './customer-card';
import { resolveFromCard } from './journal';
import { failUnstartedSales } from './recovery';

const MESSAGES: Record<CardRead['state'], string> = {
  no_card: '读卡器里没有卡，请插入燃气卡。',
  blank: '这是一张空白卡，可用于开户发卡或补卡。',
  foreign: '这不是本公司的燃气卡，请核对。',
  damaged: '卡内数据损坏（主备区不一致或校验错误），请为用户办理补卡。',
  locked: '这张卡的密码已锁死，不能再写入，请为用户办理补卡。',
  blocked: '这张卡已挂失或已被新卡取代，请收回，不能再使用。',
  unknown: '本营业厅没有这张卡的发卡记录，请核对或联系总部。',
  half_issued: '这张卡发卡时中断了，请在开户发卡或补卡中继续完成。',
  ok: '读卡成功。',
};

export async function readCard(app: App, operatorId: string): Promise<CardRead> {
  const got = await stationOf(app).readCard();
  const base = { triesLeft: null, card: null, customer: null, reading: null, resolved: [], conflict: null };
  if (!got) return { present: false, state: 'no_card', message: MESSAGES.no_card, ...base };
  const r = got.record;
  const view = (state: CardRead['state']): CardRead => ({
    present: true,
    state,
    message: MESSAGES[state],
    ...base,
    triesLeft: got.triesLeft,
  });
  if (r.state !== 'ok') return view(r.state);
  const row = cardByNo(app.gdb.sqlite, r.header.cardNo);
  if (!row) return view(r.header.kind === 'user' ? 'half_issued' : 'unknown');
  const customer = findCustomer(app.db, row.customerId);
  const p = r.purchase;
  const w = r.writeBack;
  const result: CardRead = {
    ...view(row.status !== 'active' ? 'blocked' : got.triesLeft === 0 ? 'locked' : 'ok'),
    card: {
      cardNo: row.cardNo,
      kind: r.header.kind,
      status: row.status,
      purchaseCount: p?.count ?? 0,
      lastVolume: p?.volume ?? 0,
      cumulative: p?.cumulative ?? 0,
      pending: r.pending,
      repairable: r.repairable,
    },
    customer: customer
      ? {
          id: customer.id,
          accountNo: customer.accountNo,
          name: customer.name,
          fullAddress: customer.fullAddress,
          status: customer.status,
        }
      : null,
    reading: w.meterNo
      ? {
          meterNo: w.meterNo,
          loadedCount: w.loadedCount,
          remaining: w.remaining,
          cumulativeUsed: w.cumulativeUsed,
          status: w.status,
          readAt: new Date(w.readAt * 1000).toISOString(),
        }
      : null,
  };
  app.transaction(() => {
    if (w.meterNo) {
      const reading = {
        customerId: row.customerId,
        cardNo: row.cardNo,
        meterNo: w.meterNo,
        loadedCount: w.loadedCount,
        remaining: w.remaining,
        cumulativeUsed: w.cumulativeUsed,
        status: w.status,
        readAt: w.readAt,
      };
      if (insertReading(app.gdb.sqlite, app.newId(), row.customerId, reading, app.nowIso()))
        app.ledger().append({
          type: 'meter.reading',
          payload: reading,
          operatorId,
          audit: {
            action: 'meter.reading',
            summary: `读卡记录表具读数：表 ${w.meterNo} 剩余 ${(w.remaining / 100).toFixed(2)} m³，累计用气 ${(w.cumulativeUsed / 100).toFixed(2)} m³`,
          },
        });
    }
    result.resolved = resolveFromCard(app, row.cardNo, row.customerId, p, operatorId);
    for (const saleId of failUnstartedSales(app, app.startedAt, row.customerId))
      result.resolved.push({ kind: 'purchase', saleId, outcome: 'failed' });
    const known = accountCount(app.gdb.sqlite, row.customerId).lastCount;
    if ((p?.count ?? 0) > known) {
      result.conflict = `卡内购气次数 ${p!.count} 超过本柜台记录的 ${known}：可能在其他柜台离线购气，已记录冲突。`;
      if (!conflictKnown(app.gdb.sqlite, row.cardNo, p!.count))
        insertConflict(app.gdb.sqlite, {
          id: app.newId(),
          cardNo: row.cardNo,
          customerId: row.customerId,
          cardCount: p!.count,
          knownCount: known,
          detail: result.conflict,
          at: app.nowIso(),
        });
    }
  });
  return result;
}

export const cardsRead: Handlers['cards.read'] = (_input, call) =>
  readCard(call.app, operatorOf(call).staffId);
