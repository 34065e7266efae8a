/**
 * A quick exact check of a sale payload (payloads.ts salePayloadSchema) for the prepare worker: zod cost it
 * ~1 ms of a batch of 500. It answers true only for what the schema accepts as it is (the schema has no
 * defaults or transforms; keys it does not know stay on the object, and nothing reads them); anything else
 * goes through the schema, which decides and says why (sale-shape.test.ts holds the two together). Runtime: any.
 */
import { int, isObj, nint, nstr, type Obj, str } from '../../core/sync/shape';
import type { SalePayload } from './payloads';

const INT4_MIN = -2_147_483_648;
const INT4_MAX = 2_147_483_647;

const int4 = (v: unknown) => Number.isInteger(v) && (v as number) >= INT4_MIN && (v as number) <= INT4_MAX;
const nint4 = (v: unknown) => v === null || int4(v);

const isLine = (l: unknown) =>
  isObj(l) &&
  int4(l.lineNo) &&
  str(l.kind) &&
  nint4(l.tier) &&
  nstr(l.feeItemId) &&
  str(l.name) &&
  nint(l.volume) &&
  nint(l.priceLi) &&
  nint4(l.qty) &&
  int(l.amount);

const isTender = (t: unknown) =>
  isObj(t) &&
  int4(t.lineNo) &&
  str(t.method) &&
  int(t.amount) &&
  nint(t.received) &&
  int(t.change) &&
  nstr(t.reference);

/** Every row passes `row`, and no two have one line number (the sale's keys at head office). */
function rows(v: unknown, row: (r: unknown) => boolean): boolean {
  if (!Array.isArray(v)) return false;
  const seen = new Set<unknown>();
  for (let i = 0; i < v.length; i++) {
    const r = v[i];
    if (!row(r)) return false;
    seen.add((r as Obj).lineNo);
  }
  return seen.size === v.length;
}

export function isSalePayload(v: unknown): v is SalePayload {
  return (
    isObj(v) &&
    str(v.id) &&
    str(v.receiptNo) &&
    nstr(v.invoiceNo) &&
    str(v.kind) &&
    str(v.status) &&
    nstr(v.customerId) &&
    nstr(v.userClass) &&
    str(v.shiftId) &&
    str(v.businessDate) &&
    str(v.operatorId) &&
    nstr(v.approverId) &&
    int(v.volume) &&
    int(v.amount) &&
    int(v.balanceUsed) &&
    int(v.balanceAdded) &&
    int(v.amountPaid) &&
    nstr(v.priceVersionId) &&
    nstr(v.correctsSaleId) &&
    nstr(v.reason) &&
    str(v.createdAt) &&
    rows(v.lines, isLine) &&
    rows(v.tenders, isTender)
  );
}
