/**
 * Cards at head office (reliability.md 3, 16, 20): a card belongs to a customer of one hall, and only that
 * hall's counters may issue, block or replace it; its purchase writes, 补气 and meter readings may also come
 * from a counter head office gave the customer to (world.ts servedCard). Purchase counts move forward: a counter never claims
 * a count at or below one it claimed before for the same account (quarantined); two counters claiming the
 * same count, a purchase on a card head office knew blocked, or a second active card for one account are
 * conflicts for a person to settle. Runtime: Node.
 */
import {
  APPLIED,
  type CardState,
  cardStatus,
  isQuarantine,
  type PushedOp,
  type Quarantine,
  quarantine,
  type World,
} from '../world';
import type { Rule } from './rule';

/** A count this counter claims for an account must be above every count it claimed for it before. */
export function countGoesForward(w: World, customerId: string, count: number): Quarantine | null {
  const last = w.ownCounts.get(customerId) ?? 0;
  return count > last
    ? null
    : quarantine('PURCHASE_COUNT_BACKWARDS', `购气次数 ${count} 不大于本柜台已写过的第 ${last} 次`);
}

/** Claims (account, count) for this counter; a count another counter holds, or a blocked card, is a conflict. */
export function claimCount(w: World, op: PushedOp, cardNo: string, count: number): void {
  const card = w.cards.get(cardNo)!;
  if (count > (w.ownCounts.get(card.customerId) ?? 0)) w.ownCounts.set(card.customerId, count);
  if (card.status !== 'active' && card.blockedAt !== null && card.blockedAt < op.createdAt) {
    w.conflict(op, {
      kind: 'blocked_card_used',
      entityType: 'card',
      entityId: cardNo,
      field: 'status',
      current: card.status,
      incoming: { purchaseCount: count },
      currentCounterId: card.counterId,
    });
    return;
  }
  const key = `${card.customerId}:${count}`;
  const holder = w.claims.get(key);
  if (holder && holder.counterId !== w.ctx.counterId) {
    w.conflict(op, {
      kind: 'purchase_count',
      entityType: 'customer',
      entityId: card.customerId,
      field: 'purchaseCount',
      current: { count, cardNo: holder.cardNo },
      incoming: { count, cardNo },
      currentCounterId: holder.counterId,
    });
    return;
  }
  if (!holder) w.claims.set(key, { counterId: w.ctx.counterId, opId: op.id, cardNo, isNew: true });
  const c = w.customers.get(card.customerId);
  if (c && count > c.purchaseCount) {
    c.purchaseCount = count;
    c.dirty = true;
    c.publish = true;
  }
}

function block(w: World, op: PushedOp, card: CardState, status: 'lost' | 'replaced', reason: string | null) {
  const before = cardStatus(card);
  card.status = status;
  card.blockedAt = op.createdAt;
  card.blockedReason = reason;
  card.dirty = true;
  w.effect(op, { kind: 'card', cardNo: card.cardNo, before, after: cardStatus(card) });
}

function newCard(
  w: World,
  op: PushedOp,
  c: { cardNo: string; customerId: string; formatId: string; region: number },
): CardState {
  return {
    cardNo: c.cardNo,
    id: op.id,
    hallId: w.ctx.hallId,
    customerId: c.customerId,
    formatId: c.formatId,
    region: c.region,
    status: 'active',
    issuedAt: op.createdAt,
    issuedBy: op.operatorId,
    counterId: w.ctx.counterId,
    blockedAt: null,
    blockedReason: null,
    dirty: true,
  };
}

function secondActive(w: World, op: PushedOp, customerId: string, cardNo: string): void {
  const other = [...w.cards.values()].find(
    (c) =>
      c.customerId === customerId &&
      c.status === 'active' &&
      c.cardNo !== cardNo &&
      c.counterId !== w.ctx.counterId,
  );
  if (other)
    w.conflict(op, {
      kind: 'card_issued_twice',
      entityType: 'customer',
      entityId: customerId,
      field: 'card',
      current: other.cardNo,
      incoming: cardNo,
      currentCounterId: other.counterId,
    });
}

/** The customer is the hall's and the new card number is new. */
function newCardFor(w: World, customerId: string, cardNo: string): Quarantine | null {
  const c = w.ownCustomer(customerId);
  if (isQuarantine(c)) return c;
  return w.cards.has(cardNo) ? quarantine('DUPLICATE_CARD', `卡号 ${cardNo} 在总部已有发卡记录`) : null;
}

/** A card of the hall (or, `served`, of a customer the counter may serve at the till) that is the named customer's. */
function customersCard(w: World, cardNo: string, customerId: string, served = false): CardState | Quarantine {
  const card = served ? w.servedCard(cardNo) : w.ownCard(cardNo);
  if (isQuarantine(card)) return card;
  return card.customerId === customerId ? card : quarantine('PAYLOAD_INVALID', `卡 ${cardNo} 不是该用户的卡`);
}

const checked = (x: CardState | Quarantine | null) => (isQuarantine(x) ? x : null);

export const cardIssued: Rule<'card.issued'> = {
  check: (w, op) => newCardFor(w, op.read.data.customerId, op.read.data.cardNo),
  apply(w, op) {
    secondActive(w, op, op.read.data.customerId, op.read.data.cardNo);
    const card = newCard(w, op, op.read.data);
    w.cards.set(card.cardNo, card);
    w.effect(op, { kind: 'card', cardNo: card.cardNo, before: null, after: cardStatus(card) });
    return APPLIED;
  },
};

export const cardReplaced: Rule<'card.replaced'> = {
  check(w, op) {
    const p = op.read.data;
    const fresh = newCardFor(w, p.customerId, p.cardNo);
    if (fresh) return fresh;
    if (p.replaces !== null) {
      const old = checked(customersCard(w, p.replaces, p.customerId));
      if (old) return old;
    }
    const last = w.ownCounts.get(p.customerId) ?? 0;
    return p.purchaseCount >= last
      ? null
      : quarantine(
          'PURCHASE_COUNT_BACKWARDS',
          `新卡购气次数 ${p.purchaseCount} 小于本柜台已写过的第 ${last} 次`,
        );
  },
  apply(w, op) {
    const p = op.read.data;
    const old = p.replaces ? w.cards.get(p.replaces) : undefined;
    if (old && old.status === 'active') block(w, op, old, 'replaced', '补卡作废');
    secondActive(w, op, p.customerId, p.cardNo);
    const card = newCard(w, op, { ...p, formatId: old?.formatId ?? 'unknown', region: old?.region ?? 0 });
    w.cards.set(card.cardNo, card);
    w.effect(op, { kind: 'card', cardNo: card.cardNo, before: null, after: cardStatus(card) });
    return APPLIED;
  },
};

export const cardBlocked: Rule<'card.blocked'> = {
  check: (w, op) => checked(customersCard(w, op.read.data.cardNo, op.read.data.customerId)),
  apply(w, op) {
    const card = w.cards.get(op.read.data.cardNo)!;
    if (card.status === 'active') block(w, op, card, op.read.data.status, op.read.data.reason ?? null);
    return APPLIED;
  },
};

type Written = 'card.written' | 'card.writeFailed';

export const cardWritten: Rule<Written> = {
  check(w, op) {
    const card = w.servedCard(op.read.data.cardNo);
    if (isQuarantine(card)) return card;
    const p = op.read.data;
    return op.type === 'card.written' && p.kind === 'purchase'
      ? countGoesForward(w, card.customerId, p.purchaseCount)
      : null;
  },
  apply(w, op) {
    const p = op.read.data;
    if (op.type === 'card.written' && p.kind === 'purchase') claimCount(w, op, p.cardNo, p.purchaseCount);
    return APPLIED;
  },
};

export const cardToppedUp: Rule<'card.topUp'> = {
  check(w, op) {
    const p = op.read.data;
    const sale = w.sales.get(p.saleId);
    if (!sale || sale.counterId !== w.ctx.counterId || sale.kind !== 'gas')
      return quarantine('UNKNOWN_SALE', '总部没有本柜台这笔要补气的购气记录');
    if (op.approverId === null) return quarantine('PAYLOAD_INVALID', '掉气补气必须有审批人');
    return checked(customersCard(w, p.cardNo, sale.customerId ?? '', true));
  },
  apply: () => APPLIED,
};

export const meterRead: Rule<'meter.reading'> = {
  check: (w, op) => checked(customersCard(w, op.read.data.cardNo, op.read.data.customerId, true)),
  apply(w, op) {
    w.readings.push({
      ...op.read.data,
      id: op.id,
      counterId: w.ctx.counterId,
      recordedAt: op.createdAt,
    });
    return APPLIED;
  },
};
