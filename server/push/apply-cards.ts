/**
 * Cards at head office: issued, blocked (lost) and replaced cards, and the purchase count of each account
 * (reliability.md 3). One row per (account, count): two counters claiming the same count, a card used after
 * head office knew it blocked, or a second active card for one account, each becomes a conflict record.
 * Runtime: Node.
 */
import { APPLIED, type Batch, type CardState, type Outcome, type PushedOp, quarantined } from './batch';
import { cardBlockedSchema, cardIssuedSchema, cardReplacedSchema, cardWrittenSchema } from './payloads';

function newCard(
  b: Batch,
  op: PushedOp,
  c: { cardNo: string; customerId: string; formatId: string; region: number },
): CardState {
  return {
    cardNo: c.cardNo,
    id: op.id,
    hallId: b.ctx.hallId,
    customerId: c.customerId,
    formatId: c.formatId,
    region: c.region,
    status: 'active',
    issuedAt: op.createdAt,
    issuedBy: op.operatorId,
    counterId: b.ctx.counterId,
    blockedAt: null,
    blockedReason: null,
    dirty: true,
  };
}

function secondActive(b: Batch, op: PushedOp, customerId: string, cardNo: string): void {
  const other = [...b.cards.values()].find(
    (c) =>
      c.customerId === customerId &&
      c.status === 'active' &&
      c.cardNo !== cardNo &&
      c.counterId !== b.ctx.counterId,
  );
  if (other)
    b.conflict(op, {
      kind: 'card_issued_twice',
      entityType: 'customer',
      entityId: customerId,
      field: 'card',
      current: other.cardNo,
      incoming: cardNo,
      currentCounterId: other.counterId,
    });
}

export function applyCardIssued(b: Batch, op: PushedOp): Outcome {
  const p = cardIssuedSchema.safeParse(op.data);
  if (!p.success)
    return quarantined('PAYLOAD_INVALID', `发卡内容不完整：${p.error.issues[0]?.message ?? ''}`);
  if (b.cards.has(p.data.cardNo))
    return quarantined('DUPLICATE_CARD', `卡号 ${p.data.cardNo} 在总部已有发卡记录`);
  secondActive(b, op, p.data.customerId, p.data.cardNo);
  b.cards.set(p.data.cardNo, newCard(b, op, p.data));
  return APPLIED;
}

export function applyCardReplaced(b: Batch, op: PushedOp): Outcome {
  const p = cardReplacedSchema.safeParse(op.data);
  if (!p.success)
    return quarantined('PAYLOAD_INVALID', `补卡内容不完整：${p.error.issues[0]?.message ?? ''}`);
  if (b.cards.has(p.data.cardNo))
    return quarantined('DUPLICATE_CARD', `卡号 ${p.data.cardNo} 在总部已有发卡记录`);
  const old = p.data.replaces ? b.cards.get(p.data.replaces) : undefined;
  if (old && old.status === 'active') {
    old.status = 'replaced';
    old.blockedAt = op.createdAt;
    old.blockedReason = '补卡作废';
    old.dirty = true;
  }
  secondActive(b, op, p.data.customerId, p.data.cardNo);
  b.cards.set(
    p.data.cardNo,
    newCard(b, op, { ...p.data, formatId: old?.formatId ?? 'unknown', region: old?.region ?? 0 }),
  );
  return APPLIED;
}

export function applyCardBlocked(b: Batch, op: PushedOp): Outcome {
  const p = cardBlockedSchema.safeParse(op.data);
  if (!p.success)
    return quarantined('PAYLOAD_INVALID', `挂失内容不完整：${p.error.issues[0]?.message ?? ''}`);
  const card = b.cards.get(p.data.cardNo);
  if (!card) return quarantined('UNKNOWN_CARD', `总部没有卡号 ${p.data.cardNo} 的发卡记录`);
  if (card.status === 'active') {
    card.status = p.data.status;
    card.blockedAt = op.createdAt;
    card.blockedReason = p.data.reason ?? null;
    card.dirty = true;
  }
  return APPLIED;
}

export function applyCardWritten(b: Batch, op: PushedOp): Outcome {
  const p = cardWrittenSchema.safeParse(op.data);
  if (!p.success)
    return quarantined('PAYLOAD_INVALID', `写卡内容不完整：${p.error.issues[0]?.message ?? ''}`);
  if (p.data.kind === 'purchase') claimCount(b, op, p.data.cardNo, p.data.purchaseCount);
  return APPLIED;
}

/** Claims (account, count) for this counter; a count another counter holds, or a blocked card, is a conflict. */
export function claimCount(b: Batch, op: PushedOp, cardNo: string, count: number): void {
  const card = b.cards.get(cardNo);
  if (!card) return; // a card head office never heard of: nothing to check it against
  if (card.status !== 'active' && card.blockedAt !== null && card.blockedAt < op.createdAt) {
    b.conflict(op, {
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
  const holder = b.claims.get(key);
  if (holder && holder.counterId !== b.ctx.counterId) {
    b.conflict(op, {
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
  if (!holder) b.claims.set(key, { counterId: b.ctx.counterId, opId: op.id, cardNo, isNew: true });
  const c = b.customers.get(card.customerId);
  if (c && count > c.purchaseCount) {
    c.purchaseCount = count;
    c.dirty = true;
    c.publish = true;
  }
}
