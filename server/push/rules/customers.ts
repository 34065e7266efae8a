/**
 * Customers at head office (reliability.md 10, 16). Only a counter of the customer's hall may open or change
 * a file. An opening creates the merged file; a change is applied field by field: a change the counter made
 * without having seen the value head office holds is concurrent — harmless fields (phone, alternative phone,
 * notes) are merged last-writer-wins by HLC, any other field that differs becomes a conflict record, and head
 * office keeps its value until an administrator decides. Runtime: Node.
 */
import { HARMLESS_CUSTOMER_FIELDS } from '../../../core/sync/feed';
import type { CustomerChangeType } from '../../../core/sync/ops/customer-ops';
import { hlcAfter, maxHlc } from '../../hlc';
import {
  APPLIED,
  type CustomerState,
  isQuarantine,
  type Outcome,
  quarantine,
  type ReadableOp,
  type Rec,
  type World,
} from '../world';
import type { Rule } from './rule';

function get(data: Rec, field: string): unknown {
  const [head, tail] = field.split('.') as [string, string | undefined];
  if (field === 'address') return data.fullAddress ?? null;
  if (field === 'meters')
    return ((data.meters as { meterNo: string }[]) ?? []).map((m) => m.meterNo).join('、');
  const v = data[head];
  return tail ? ((v as Rec | undefined)?.[tail] ?? null) : (v ?? null);
}

/** Sets a changed field, taking its structure (an address's parts, a status's dates) from the file after it. */
function set(data: Rec, field: string, value: unknown, after: Rec): void {
  if (field === 'address') {
    data.address = after.address;
    data.fullAddress = after.fullAddress;
    return;
  }
  if (field === 'contract.no') {
    data.contract = after.contract;
    return;
  }
  const [head, tail] = field.split('.') as [string, string | undefined];
  if (tail) data[head] = { ...(data[head] as Rec), [tail]: value };
  else data[head] = value;
  if (field === 'status') {
    data.statusChangedAt = after.statusChangedAt;
    data.closedAt = after.closedAt;
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export const customerOpened: Rule<'customer.opened'> = {
  check(w, op) {
    const c = op.read.data;
    if (w.customers.has(c.id)) return quarantine('DUPLICATE_CUSTOMER', `用户 ${c.accountNo} 在总部已经建档`);
    const holder = w.accountNos.get(c.accountNo);
    if (holder && holder !== c.id)
      return quarantine('DUPLICATE_ACCOUNT_NO', `用户编号 ${c.accountNo} 在本网点已被其他档案使用`);
    return null;
  },
  apply(w, op) {
    const { version: _v, ...data } = op.read.data;
    w.customers.set(data.id, {
      id: data.id,
      hallId: w.ctx.hallId,
      accountNo: data.accountNo,
      data,
      gasUseBy: {},
      fieldMeta: {},
      updatedHlc: op.hlc,
      originCounterId: w.ctx.counterId,
      balance: 0,
      balanceBy: {},
      purchaseCount: 0,
      dirty: true,
      fileChanged: true,
      publish: true,
    });
    w.accountNos.set(data.accountNo, data.id);
    w.effect(op, { kind: 'customer', id: data.id, before: null, after: { status: data.status } });
    return APPLIED;
  },
};

/** Meters are only ever added or retired: the union by meter number, each as the file after the change has it. */
function mergeMeters(cur: CustomerState, after: Rec): boolean {
  const meters = [...((cur.data.meters as Rec[] | undefined) ?? [])];
  let changed = false;
  for (const m of (after.meters as Rec[] | undefined) ?? []) {
    const i = meters.findIndex((x) => x.meterNo === m.meterNo);
    if (i < 0) meters.push(m);
    else if (same(meters[i], m)) continue;
    else meters[i] = m;
    changed = true;
  }
  if (changed) cur.data.meters = meters;
  return changed;
}

/** The file's top-level fields a changed field is kept in. */
function topFields(field: string): string[] {
  if (field === 'address') return ['address', 'fullAddress'];
  if (field === 'status') return ['status', 'statusChangedAt', 'closedAt'];
  return [field.split('.')[0]!];
}

const pick = (data: Rec, keys: Iterable<string>): Rec =>
  Object.fromEntries([...keys].map((k) => [k, structuredClone(data[k] ?? null)]));

function applyChange(w: World, op: ReadableOp<CustomerChangeType>): Outcome {
  const ch = op.read.data;
  const cur = w.ownCustomer(ch.id) as CustomerState;
  const after = ch.customer as Rec;
  const touched = new Set(Object.keys(ch.changes).flatMap(topFields));
  const before = pick(cur.data, touched);
  let conflicted = false;
  let changed = false;
  for (const [field, value] of Object.entries(ch.changes)) {
    if (field === 'meters') continue; // a union, never a conflict (below)
    const meta = cur.fieldMeta[field];
    const sequential = w.sawValue(meta, op.seq);
    const before = get(cur.data, field);
    let take = sequential;
    if (!sequential) {
      if (HARMLESS_CUSTOMER_FIELDS.has(field)) take = op.hlc > (meta?.hlc ?? '');
      else if (!same(before, value)) {
        w.conflict(op, {
          kind: 'customer_field',
          entityType: 'customer',
          entityId: cur.id,
          field,
          current: before,
          incoming: field === 'address' ? { fullAddress: value, address: after.address } : value,
          currentCounterId: meta?.counterId ?? null,
        });
        conflicted = true;
      }
    }
    if (take) {
      set(cur.data, field, value, after);
      cur.fieldMeta[field] = { hlc: op.hlc, counterId: w.ctx.counterId, cursor: -1 };
      changed = true;
    }
  }
  if ('meter' in ch && mergeMeters(cur, after)) changed = true;
  if (conflicted) cur.updatedHlc = hlcAfter(w.nowMs, cur.updatedHlc, op.hlc);
  else if (changed) cur.updatedHlc = maxHlc(cur.updatedHlc, op.hlc);
  if (conflicted || changed) {
    cur.originCounterId = w.ctx.counterId;
    cur.dirty = true;
    cur.fileChanged = true;
    cur.publish = true;
  }
  if (changed) w.effect(op, { kind: 'customer', id: cur.id, before, after: pick(cur.data, touched) });
  return APPLIED;
}

export const customerChanged: Rule<CustomerChangeType> = {
  check(w, op) {
    const c = w.ownCustomer(op.read.data.id);
    return isQuarantine(c) ? c : null;
  },
  apply: applyChange,
};
