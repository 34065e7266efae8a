/**
 * A batch's working set as the rows write.ts writes and the feed entries it publishes (also what head office's
 * own changes publish: customerFeedData, cardFeedData). Runtime: Node.
 */
import type { FeedWrite } from '../feed';
import type { CardState, CustomerState, World } from './world';

export function customerFeedData(
  c: Pick<CustomerState, 'data' | 'updatedHlc' | 'purchaseCount' | 'balance' | 'balanceBy' | 'gasUseBy'>,
): unknown {
  return {
    ...c.data,
    version: 0,
    updatedHlc: c.updatedHlc,
    purchaseCount: c.purchaseCount,
    balance: c.balance,
    balanceBy: c.balanceBy,
    gasUseBy: c.gasUseBy,
  };
}

export function cardFeedData(c: CardState): unknown {
  const { dirty: _d, hallId: _h, counterId: _c, ...rest } = c;
  return rest;
}

export function feedWrites(b: World, customers: CustomerState[], cards: CardState[]): FeedWrite[] {
  const feed: FeedWrite[] = [];
  for (const c of customers)
    if (c.publish)
      feed.push({
        hallId: c.hallId,
        kind: 'customer',
        key: c.id,
        data: customerFeedData(c),
        originCounterId: b.ctx.counterId,
      });
  for (const c of cards)
    feed.push({
      hallId: c.hallId,
      kind: 'card',
      key: c.cardNo,
      data: cardFeedData(c),
      originCounterId: b.ctx.counterId,
    });
  for (const x of b.conflicts)
    feed.push({
      hallId: b.ctx.hallId,
      kind: 'conflict',
      key: x.id,
      data: {
        ...x,
        hallCode: b.ctx.hallCode,
        status: 'open',
        resolution: null,
        createdAt: new Date(b.nowMs).toISOString(),
      },
      originCounterId: b.ctx.counterId,
    });
  return feed;
}

export const customerRow = (c: CustomerState) => ({
  id: c.id,
  hall_id: c.hallId,
  account_no: c.accountNo,
  data: c.data,
  field_meta: c.fieldMeta,
  updated_hlc: c.updatedHlc,
  origin_counter_id: c.originCounterId,
  balance: c.balance,
  balance_by: c.balanceBy,
  gas_use_by: c.gasUseBy,
  purchase_count: c.purchaseCount,
});

/** What a sale changes of a customer (its file unchanged): written without the file. */
export const customerFiguresRow = (c: CustomerState) => ({
  id: c.id,
  balance: c.balance,
  balance_by: c.balanceBy,
  gas_use_by: c.gasUseBy,
  purchase_count: c.purchaseCount,
});

export const cardRow = (c: CardState) => ({
  card_no: c.cardNo,
  id: c.id,
  hall_id: c.hallId,
  customer_id: c.customerId,
  format_id: c.formatId,
  region: c.region,
  status: c.status,
  issued_at: c.issuedAt,
  issued_by: c.issuedBy,
  counter_id: c.counterId,
  blocked_at: c.blockedAt,
  blocked_reason: c.blockedReason,
});

export const claimRow = ([k, v]: [string, { cardNo: string; counterId: string; opId: string }]) => {
  const i = k.lastIndexOf(':');
  return {
    customer_id: k.slice(0, i),
    count: Number(k.slice(i + 1)),
    card_no: v.cardNo,
    counter_id: v.counterId,
    op_id: v.opId,
  };
};

export const conflictRow = (x: World['conflicts'][number]) => ({
  id: x.id,
  kind: x.kind,
  entity_type: x.entityType,
  entity_id: x.entityId,
  field: x.field,
  current: x.current ?? null,
  incoming: x.incoming ?? null,
  current_counter_id: x.currentCounterId,
  incoming_counter_id: x.incomingCounterId,
  op_id: x.opId,
});
