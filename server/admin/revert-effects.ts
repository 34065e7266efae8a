/**
 * Undoing one applied operation's effects (server/push/world.ts Effect) on head office's shared records, as
 * corrections: a field goes back to its value before the operation only while it still holds the value the
 * operation gave it (a later change is never overwritten: it is reported as left); a balance moves back by
 * what the operation moved; a file the operation opened is closed, a card it issued is blocked; a sale it
 * recorded gets a correcting sale of the opposite figures; an acceptance or complaint goes back to its state
 * before the op, or is marked reverted if the op recorded it. Runtime: Node.
 */
import { addGasUse } from '../../core/sync/gas-use';
import {
  type CardState,
  type CardStatus,
  type CustomerState,
  type Effect,
  type Rec,
  type ServiceRecordState,
  serviceMark,
} from '../push/world';

/** The shared rows a revert works on, loaded and locked, changed in memory, then written back. */
export interface RevertSet {
  readonly counterId: string;
  readonly customers: Map<string, CustomerState>;
  readonly cards: Map<string, CardState>;
  readonly sales: Map<string, Rec>;
  /** Customers' changed-field names whose stamps head office now owns. */
  readonly restoredFields: Map<string, Set<string>>;
  readonly dirtyCustomers: Set<string>;
  readonly dirtyCards: Set<string>;
  /** The hall's acceptances and complaints the reverted ops recorded or moved on. */
  readonly services: Map<string, ServiceRecordState>;
  readonly dirtyServices: Set<string>;
  /** Correcting sales to insert. */
  readonly corrections: Rec[];
}

export interface Undone {
  readonly corrected: string[];
  readonly left: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The changed-field names (as customer ops name them) a top-level field of the file holds. */
const CHANGE_FIELDS: Record<string, string[]> = {
  address: ['address'],
  fullAddress: ['address'],
  statusChangedAt: ['status'],
  closedAt: ['status'],
  contract: ['contract.no'],
  inspection: ['inspection.status', 'inspection.date'],
};

function restored(s: RevertSet, id: string, key: string): void {
  const fields = s.restoredFields.get(id) ?? new Set<string>();
  for (const f of CHANGE_FIELDS[key] ?? [key]) fields.add(f);
  s.restoredFields.set(id, fields);
}

function undoCustomer(s: RevertSet, e: Extract<Effect, { kind: 'customer' }>, nowIso: string, out: Undone) {
  const c = s.customers.get(e.id);
  if (!c) return;
  const who = `用户 ${c.accountNo}`;
  if (e.before === null) {
    if (c.data.status === 'closed') return void out.left.push(`${who} 已经销户`);
    c.data = { ...c.data, status: 'closed', statusChangedAt: nowIso, closedAt: nowIso };
    restored(s, c.id, 'status');
    s.dirtyCustomers.add(c.id);
    return void out.corrected.push(`${who}（由该柜台开户）已销户`);
  }
  for (const [key, value] of Object.entries(e.before)) {
    if (!same(c.data[key], e.after[key])) {
      out.left.push(`${who} 的 ${key} 已被后来的修改取代，未动`);
      continue;
    }
    c.data = { ...c.data, [key]: value };
    restored(s, c.id, key);
    s.dirtyCustomers.add(c.id);
    out.corrected.push(`${who} 的 ${key} 恢复为修改前的值`);
  }
}

function undoBalance(s: RevertSet, e: Extract<Effect, { kind: 'balance' }>, out: Undone) {
  const c = s.customers.get(e.id);
  if (!c) return;
  c.balance -= e.delta;
  c.balanceBy = { ...c.balanceBy, [s.counterId]: (c.balanceBy[s.counterId] ?? 0) - e.delta };
  s.dirtyCustomers.add(c.id);
  out.corrected.push(`用户 ${c.accountNo} 的结余冲回 ${-e.delta} 分`);
}

function undoGasUse(s: RevertSet, e: Extract<Effect, { kind: 'gasUse' }>, out: Undone) {
  const c = s.customers.get(e.id);
  if (!c) return;
  c.gasUseBy = addGasUse(c.gasUseBy, s.counterId, e.day, -e.delta);
  s.dirtyCustomers.add(c.id);
  out.corrected.push(`用户 ${c.accountNo} ${e.day} 的用气量冲回 ${-e.delta}（0.01 m³）`);
}

const statusOf = (c: CardState): CardStatus => ({
  status: c.status,
  blockedAt: c.blockedAt,
  blockedReason: c.blockedReason,
});

function undoCard(
  s: RevertSet,
  e: Extract<Effect, { kind: 'card' }>,
  nowIso: string,
  reason: string,
  out: Undone,
) {
  const c = s.cards.get(e.cardNo);
  if (!c) return;
  const who = `卡 ${c.cardNo}`;
  if (!same(statusOf(c), e.after)) return void out.left.push(`${who} 的状态已被后来的操作改变，未动`);
  const to: CardStatus = e.before ?? {
    status: 'lost',
    blockedAt: nowIso,
    blockedReason: `总部撤销：${reason}`,
  };
  Object.assign(c, to);
  s.dirtyCards.add(c.cardNo);
  out.corrected.push(e.before ? `${who} 恢复为 ${to.status}` : `${who}（由该柜台发出）已挂失作废`);
}

function undoSale(
  s: RevertSet,
  e: Extract<Effect, { kind: 'sale' }>,
  m: { nowIso: string; reason: string; by: string; newId: () => string },
  out: Undone,
) {
  const sale = s.sales.get(e.id);
  if (!sale) return;
  const neg = (k: string) => -(sale[k] as number);
  s.corrections.push({
    id: m.newId(),
    receipt_no: `HO-${String(sale.receipt_no)}`,
    kind: 'correction',
    customer_id: sale.customer_id,
    user_class: sale.user_class,
    business_date: sale.business_date,
    volume: neg('volume'),
    amount: neg('amount'),
    balance_used: neg('balance_used'),
    balance_added: neg('balance_added'),
    amount_paid: neg('amount_paid'),
    price_version_id: sale.price_version_id,
    corrects_sale_id: sale.id,
    operator_id: m.by,
    reason: m.reason,
    created_at: m.nowIso,
  });
  out.corrected.push(`收费 ${String(sale.receipt_no)} 由总部冲回 ${neg('amount_paid')} 分`);
}

/**
 * An acceptance or complaint back to where it stood before the op — while nothing came after it (a later step or
 * 回访 is left, for a person to look at); one the op recorded is marked reverted (status `reverted`), not deleted.
 */
function undoService(
  s: RevertSet,
  e: Extract<Effect, { kind: 'service' }>,
  m: { nowIso: string; reason: string },
  out: Undone,
) {
  const r = s.services.get(e.id);
  if (!r) return;
  const who = `${{ complaint: '投诉', acceptance: '受理单', appointment: '预约', work_order: '工单', inspection: '安检', installation: '零散报装' }[r.kind]} ${r.no}`;
  const now = serviceMark(r);
  // Field by field: the stored effect is jsonb, whose key order is not the one written.
  if (
    now.status !== e.after.status ||
    now.stepCount !== e.after.stepCount ||
    now.followups !== e.after.followups
  )
    return void out.left.push(`${who} 之后又有处理，未动`);
  if (e.before === null) {
    r.status = 'reverted';
    r.data = { ...r.data, revertedAt: m.nowIso, revertReason: m.reason };
    out.corrected.push(`${who}（由该柜台登记）已撤销`);
  } else {
    r.status = e.before.status;
    r.stepCount = e.before.stepCount;
    r.data = e.before.data;
    out.corrected.push(`${who} 恢复到第 ${e.before.stepCount} 步`);
  }
  r.updatedAt = m.nowIso;
  s.dirtyServices.add(r.id);
}

export function undo(
  s: RevertSet,
  effects: readonly Effect[],
  m: { nowIso: string; reason: string; by: string; newId: () => string },
): Undone {
  const out: Undone = { corrected: [], left: [] };
  for (const e of [...effects].reverse()) {
    if (e.kind === 'customer') undoCustomer(s, e, m.nowIso, out);
    else if (e.kind === 'balance') undoBalance(s, e, out);
    else if (e.kind === 'gasUse') undoGasUse(s, e, out);
    else if (e.kind === 'card') undoCard(s, e, m.nowIso, m.reason, out);
    else if (e.kind === 'service') undoService(s, e, m, out);
    else undoSale(s, e, m, out);
  }
  return out;
}
