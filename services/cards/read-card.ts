/**
 * 读卡: who the card belongs to (told apart from another maker's, company's or region's card before anything
 * else), its purchase count, whether the last purchase is still on it or was loaded, and the meter's
 * write-back — kept as a reading when it can be believed, else recorded as a meter fault. Every pending write
 * of the card is settled from what it holds (a write cut between the two areas is the purchase the primary
 * holds, never damage); a blocked card's unloaded purchase is cancelled on it; a card ahead of this counter's
 * records is recorded as a conflict. Never verifies a PSC except to cancel on a blocked card. Another hall's
 * card is served when online (its customer fetched from head office) and refused plainly offline (other_hall).
 * Runtime: Node.
 */
import type { CardRead } from '../../core/contract';
import { AppError } from '../../core/errors';
import { TOOL_CARD_NAMES } from '../../core/card/maker-errors';
import { accountCount, conflictKnown, findCustomer, insertConflict, toolCardByNo } from '../../db';
import type { App } from '../app';
import { type Handlers, operatorOf } from '../call';
import type { CardInReader } from './card-station';
import { catchUpCard } from './catch-up';
import { stationOf } from './customer-card';
import { identify } from './identify';
import { fetchByCardNo } from '../customers/other-halls';
import { resolveFromCard } from './journal';
import { recordMeterData } from './meter-readback';
import { failUnstartedSales } from './recovery';
import { cancelStalePurchase } from './stale-purchase';

const MESSAGES: Record<CardRead['state'], string> = {
  no_card: '读卡器里没有卡，请插入燃气卡。',
  blank: '这是一张空白卡，可用于开户发卡或补卡。',
  foreign: '这不是本公司的燃气卡，请核对。',
  damaged: '卡内数据损坏（主备区不一致或校验错误），请为用户办理补卡。',
  locked: '这张卡的密码已锁死，不能再写入，请为用户办理补卡。',
  blocked: '这张卡已挂失或已被新卡取代，请收回，不能再使用。',
  unknown: '本营业厅没有这张卡的发卡记录，请核对或联系总部。',
  half_issued: '这张卡发卡时中断了，请在开户发卡或补卡中继续完成。',
  other_hall:
    '这是其他营业厅的卡，现在连接不上总部，不能为该用户办理；请联网后再读卡，或请用户到所属营业厅办理。',
  ok: '读卡成功。',
};

async function readOrForeign(app: App): Promise<CardInReader | null | 'foreign'> {
  try {
    return await stationOf(app).readCard();
  } catch (e) {
    if (e instanceof AppError && e.code === 'CARD_FOREIGN') return 'foreign'; // not an SLE4442
    throw e;
  }
}

export async function readCard(app: App, operatorId: string): Promise<CardRead> {
  const got = await readOrForeign(app);
  const base = {
    triesLeft: null,
    card: null,
    customer: null,
    reading: null,
    meterFaults: [],
    faultyMeterNo: '',
    resolved: [],
    conflict: null,
  };
  if (!got) return { present: false, state: 'no_card', message: MESSAGES.no_card, ...base };
  const view = (state: CardRead['state']): CardRead => ({
    present: true,
    state,
    message: MESSAGES[state],
    ...base,
    triesLeft: got === 'foreign' ? null : got.triesLeft,
  });
  if (got === 'foreign') return view('foreign');
  let who = identify(app, got.record, stationOf(app).region);
  if (who.is === 'foreign' && who.why === 'region' && got.record.state === 'ok') {
    const elsewhere = await otherHallsCard(app, operatorId, got.record.header);
    if (elsewhere === 'fetched') who = identify(app, got.record, stationOf(app).region);
    else if (elsewhere === 'offline')
      return {
        ...view('other_hall'),
        message: `卡上的营业厅代码为 ${String(got.record.header.region).padStart(4, '0')}，是其他营业厅的卡（用户编号 ${got.record.header.accountNo || '—'}）。现在连接不上总部，不能为该用户办理；请联网后再读卡，或请用户到所属营业厅办理。`,
      };
  }
  if (who.is === 'blank' || who.is === 'damaged' || who.is === 'foreign') return view(who.is);
  if (who.is === 'unknown') {
    const h = who.record.header;
    const tool = h.kind !== 'user' ? toolCardByNo(app.gdb.sqlite, h.cardNo) : undefined;
    if (!tool) return view('unknown');
    // A tool card made here (tool-card.ts): not a customer's card, named as what it is.
    return {
      ...view('unknown'),
      message: `这是本营业厅制作的${TOOL_CARD_NAMES[tool.kind]}（卡号 ${h.cardNo}），是表具维护用的工具卡，不是用户卡。`,
    };
  }
  if (who.is === 'half-issued') return view('half_issued');
  const { card: row, record: r } = who;
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
    reading: null,
    meterFaults: [],
    faultyMeterNo: '',
  };
  app.transaction(() => {
    const meter = recordMeterData(app, row, r, got.image, operatorId);
    if (meter && 'reading' in meter)
      result.reading = {
        meterNo: w.meterNo,
        loadedCount: w.loadedCount,
        remaining: w.remaining,
        cumulativeUsed: w.cumulativeUsed,
        status: w.status,
        readAt: new Date(w.readAt * 1000).toISOString(),
      };
    if (meter && 'faults' in meter) {
      result.meterFaults = meter.faults;
      result.faultyMeterNo = meter.meterNo;
    }
    result.resolved = resolveFromCard(app, row.cardNo, row.customerId, p, operatorId);
    for (const saleId of failUnstartedSales(app, app.startedAt, row.customerId))
      result.resolved.push({ kind: 'purchase', saleId, outcome: 'failed' });
    const known = accountCount(app.gdb.sqlite, row.customerId).lastCount;
    if (row.status === 'active' && (p?.count ?? 0) > known) {
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
  if (row.status !== 'active' && (await cancelStalePurchase(app, row, got, operatorId)))
    result.card = { ...result.card!, lastVolume: 0, pending: false };
  // A 补卡 whose rewrite was cut: finished now, so the new card carries what the account says it must.
  if (row.status === 'active' && (await catchUpCard(app, row, got, operatorId))) {
    const now = await stationOf(app).readCard();
    const p2 = now?.record.state === 'ok' ? now.record.purchase : null;
    if (now?.record.state === 'ok' && p2)
      result.card = {
        ...result.card!,
        purchaseCount: p2.count,
        lastVolume: p2.volume,
        cumulative: p2.cumulative,
        pending: now.record.pending,
      };
  }
  return result;
}

/**
 * A card whose region is not this hall's: another hall's card (its region is that hall's code) whose customer
 * head office gives this counter when it is online; 'offline' when head office cannot be reached; 'unknown' when
 * head office has no such card (another company's or region's card) or this counter is not enrolled.
 */
async function otherHallsCard(
  app: App,
  operatorId: string,
  h: { cardNo: string; kind: string },
): Promise<'fetched' | 'offline' | 'unknown'> {
  if (h.kind !== 'user') return 'unknown';
  try {
    return (await fetchByCardNo(app, operatorId, h.cardNo)) ? 'fetched' : 'unknown';
  } catch (e) {
    if (e instanceof AppError && e.code === 'OTHER_HALL_OFFLINE') return 'offline';
    if (e instanceof AppError && e.code === 'SYNC_NOT_ENROLLED') return 'unknown';
    throw e;
  }
}

export const cardsRead: Handlers['cards.read'] = (_input, call) =>
  readCard(call.app, operatorOf(call).staffId);
