/**
 * Customers at head office (reliability.md 10): an opening creates the merged file; a change is applied field
 * by field. A change the counter made without having seen the value head office holds is concurrent: harmless
 * fields (phone, alternative phone, notes) are merged last-writer-wins by HLC; any other field that differs
 * becomes a conflict record, and head office keeps its value until an administrator decides. Runtime: Node.
 */
import { HARMLESS_CUSTOMER_FIELDS } from '../../core/sync/feed';
import { hlcAfter, maxHlc } from '../hlc';
import { customerChangeSchema, customerOpenedSchema } from './payloads';
import {
  APPLIED,
  type Batch,
  type CustomerState,
  type Outcome,
  type PushedOp,
  quarantined,
  type Rec,
} from './batch';

type Snapshot = Rec | undefined;

function get(data: Rec, field: string): unknown {
  const [head, tail] = field.split('.') as [string, string | undefined];
  if (field === 'address') return data.fullAddress ?? null;
  if (field === 'meters')
    return ((data.meters as { meterNo: string }[]) ?? []).map((m) => m.meterNo).join('、');
  const v = data[head];
  return tail ? ((v as Rec | undefined)?.[tail] ?? null) : (v ?? null);
}

function set(data: Rec, field: string, value: unknown, snap: Snapshot): void {
  if (field === 'address') {
    if (snap) {
      data.address = snap.address;
      data.fullAddress = snap.fullAddress;
    } else data.fullAddress = value;
    return;
  }
  if (field === 'contract.no') {
    data.contract = snap ? snap.contract : { ...(data.contract as Rec), no: value };
    return;
  }
  const [head, tail] = field.split('.') as [string, string | undefined];
  if (tail) data[head] = { ...(data[head] as Rec), [tail]: value };
  else data[head] = value;
  if (field === 'status' && snap) {
    data.statusChangedAt = snap.statusChangedAt;
    data.closedAt = snap.closedAt;
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function applyCustomerOpened(b: Batch, op: PushedOp): Outcome {
  const p = customerOpenedSchema.safeParse(op.data);
  if (!p.success)
    return quarantined('PAYLOAD_INVALID', `开户内容不完整：${p.error.issues[0]?.message ?? ''}`);
  const c = p.data;
  if (b.customers.has(c.id)) return quarantined('DUPLICATE_CUSTOMER', `用户 ${c.accountNo} 在总部已经建档`);
  const holder = b.accountNos.get(c.accountNo);
  if (holder && holder !== c.id)
    return quarantined('DUPLICATE_ACCOUNT_NO', `用户编号 ${c.accountNo} 在本网点已被其他档案使用`);
  const { version: _v, ...data } = c;
  const state: CustomerState = {
    id: c.id,
    hallId: b.ctx.hallId,
    accountNo: c.accountNo,
    data,
    fieldMeta: {},
    updatedHlc: op.hlc,
    originCounterId: b.ctx.counterId,
    balance: 0,
    balanceBy: {},
    purchaseCount: 0,
    dirty: true,
    publish: true,
  };
  b.customers.set(c.id, state);
  b.accountNos.set(c.accountNo, c.id);
  return APPLIED;
}

export function applyCustomerChange(b: Batch, op: PushedOp): Outcome {
  const p = customerChangeSchema.safeParse(op.data);
  if (!p.success)
    return quarantined('PAYLOAD_INVALID', `档案修改内容不完整：${p.error.issues[0]?.message ?? ''}`);
  const ch = p.data;
  const cur = b.customers.get(ch.id);
  if (!cur) return quarantined('UNKNOWN_CUSTOMER', '总部没有该用户的档案（开户记录未到或被隔离）');
  const snap = ch.customer as Snapshot;
  let conflicted = false;
  let changed = false;
  for (const [field, value] of Object.entries(ch.changes)) {
    if (field === 'meters') continue; // meters only ever get added: a union, never a conflict
    const meta = cur.fieldMeta[field];
    const sequential = b.sawValue(meta, op.seq);
    const before = get(cur.data, field);
    let take = sequential;
    if (!sequential) {
      if (HARMLESS_CUSTOMER_FIELDS.has(field)) take = op.hlc > (meta?.hlc ?? '');
      else if (!same(before, value)) {
        b.conflict(op, {
          kind: 'customer_field',
          entityType: 'customer',
          entityId: cur.id,
          field,
          current: before,
          incoming: field === 'address' && snap ? { fullAddress: value, address: snap.address } : value,
          currentCounterId: meta?.counterId ?? null,
        });
        conflicted = true;
      }
    }
    if (take) {
      set(cur.data, field, value, snap);
      cur.fieldMeta[field] = { hlc: op.hlc, counterId: b.ctx.counterId, cursor: -1 };
      changed = true;
    }
  }
  if (ch.meter) {
    const meters = (cur.data.meters as { meterNo: string }[] | undefined) ?? [];
    const m = (snap?.meters as Rec[] | undefined)?.find((x) => x.id === ch.meter!.id) ?? ch.meter;
    if (!meters.some((x) => x.meterNo === ch.meter!.meterNo)) {
      cur.data.meters = [...meters, m];
      changed = true;
    }
  }
  if (conflicted) cur.updatedHlc = hlcAfter(b.nowMs, cur.updatedHlc, op.hlc);
  else if (changed) cur.updatedHlc = maxHlc(cur.updatedHlc, op.hlc);
  if (conflicted || changed) {
    cur.originCounterId = b.ctx.counterId;
    cur.dirty = true;
    cur.publish = true;
  }
  return APPLIED;
}
