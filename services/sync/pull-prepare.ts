/**
 * A pulled page of head office's change feed made ready to apply: parsed, the envelope checked (the cursor
 * must advance), every entry validated against its kind's schema, and each customer turned into the rows
 * the counter writes (its columns, its search-index text, its meters). No database here, so a bootstrap can
 * do this in the pull worker (pull-worker.ts) while the counter's thread writes the page before. Runtime: any.
 */
import { AppError } from '../../core/errors';
import { searchIndexText } from '../../core/domain/search';
import { isCustomerFeed } from '../../core/sync/customer-shape';
import { othersGasUse } from '../../core/sync/gas-use';
import { type CustomerFeed, FEED_DATA } from '../../core/sync/feed';
import { SYNC_ROUTES } from '../../core/sync/routes';
import { type FeedKind, pullResponseSchema } from '../../core/sync/wire';

/** The request for the page after `cursor`. */
export const pullPath = (cursor: number, limit: number) =>
  `${SYNC_ROUTES.pull.path}?cursor=${cursor}&limit=${limit}`;

/** A customer as the rows the counter writes; `values` in the order of apply-customers.ts's columns. */
export interface PreparedCustomer {
  readonly id: string;
  readonly hlc: string;
  readonly values: unknown[];
  readonly index: { readonly name: string; readonly address: string };
  /** id, meterNo, maker, model, cardType, installedOn, status. */
  readonly meters: unknown[][];
  readonly openedAt: string;
  readonly purchaseCount: number;
  /**
   * The customer's balance less this counter's own part of it (head office's `balance` − `balanceBy[me]`):
   * the counter adds what its own sales made. null when head office sent no balance.
   */
  readonly othersBalance: number | null;
  /**
   * The household's gas use by the other counters (and an import), per day, as JSON for customer_peer_use:
   * head office's `gasUseBy` less this counter's own part. null when head office sent none.
   */
  readonly othersUse: string | null;
}

export type PreparedEntry =
  | { readonly kind: 'customer'; readonly key: string; readonly customer: PreparedCustomer }
  | { readonly kind: Exclude<FeedKind, 'customer'>; readonly key: string; readonly data: unknown }
  | { readonly kind: FeedKind; readonly key: string; readonly invalid: string };

export interface PreparedPage {
  readonly entries: PreparedEntry[];
  readonly cursor: number;
  readonly more: boolean;
}

/** The balance the other counters' sales made, as head office knows it (null: no balance sent). */
function othersBalance(c: CustomerFeed, me: string | null): number | null {
  if (c.balance === undefined) return null;
  const mine = me !== null && c.balanceBy && Object.hasOwn(c.balanceBy, me) ? c.balanceBy[me]! : 0;
  return c.balance - mine;
}

/** `me`: this counter's id (its own part of the balance is left out). */
export function prepareCustomer(c: CustomerFeed, me: string | null): PreparedCustomer {
  return {
    id: c.id,
    hlc: c.updatedHlc,
    values: [
      c.accountNo,
      c.name,
      c.idNumber,
      c.creditCode,
      c.phone,
      c.altPhone,
      c.address.district,
      c.address.community,
      c.address.building,
      c.address.unit,
      c.address.room,
      c.fullAddress,
      c.userClass,
      c.householdSize,
      c.inspection.status,
      c.inspection.date,
      c.contract.no,
      c.contract.signedOn,
      c.documents.connectionFeeInvoiceNo,
      c.documents.registrationFormChecked ? 1 : 0,
      c.status,
      c.statusChangedAt,
      c.openedAt,
      c.closedAt,
      c.notes,
    ],
    index: searchIndexText(c.name, c.fullAddress),
    meters: c.meters.map((m) => [m.id, m.meterNo, m.maker, m.model, m.cardType, m.installedOn, m.status]),
    openedAt: c.openedAt,
    purchaseCount: c.purchaseCount,
    othersBalance: othersBalance(c, me),
    othersUse: c.gasUseBy === undefined ? null : JSON.stringify(othersGasUse(c.gasUseBy, me)),
  };
}

function prepareEntry(e: { kind: FeedKind; key: string; data: unknown }, me: string | null): PreparedEntry {
  if (e.kind === 'customer' && isCustomerFeed(e.data))
    return { kind: 'customer', key: e.key, customer: prepareCustomer(e.data, me) };
  const parsed = FEED_DATA[e.kind]?.safeParse(e.data);
  if (!parsed?.success)
    return {
      kind: e.kind,
      key: e.key,
      invalid: `内容不符合约定：${parsed?.error.issues[0]?.message ?? e.kind}`,
    };
  if (e.kind === 'customer')
    return { kind: 'customer', key: e.key, customer: prepareCustomer(parsed.data as CustomerFeed, me) };
  return { kind: e.kind, key: e.key, data: parsed.data };
}

/**
 * Throws SYNC_UNREACHABLE when the page is not a well-formed page that moves the cursor on. `me`: the pulling
 * counter's id.
 */
export function preparePage(text: string, fromCursor: number, me: string | null): PreparedPage {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError('SYNC_UNREACHABLE', {
      detail: 'head office answered with something that is not JSON',
    });
  }
  const page = pullResponseSchema.safeParse(body);
  if (!page.success) throw new AppError('SYNC_UNREACHABLE', { detail: 'head office sent a malformed page' });
  if (page.data.entries.length > 0 && page.data.cursor <= fromCursor)
    throw new AppError('SYNC_UNREACHABLE', { detail: 'the feed cursor did not advance' });
  // Entries come in cursor order, after the cursor asked for and up to the page's own: a page is applied in that
  // order (a card after its customer), and its cursor must cover every entry in it.
  let last = fromCursor;
  for (const e of page.data.entries) {
    if (e.cursor <= last || e.cursor > page.data.cursor)
      throw new AppError('SYNC_UNREACHABLE', { detail: 'the feed entries are not in cursor order' });
    last = e.cursor;
  }
  return {
    entries: page.data.entries.map((e) => prepareEntry(e, me)),
    cursor: page.data.cursor,
    more: page.data.more,
  };
}

/**
 * A prepared page as one flat array, for the trip from the pull worker to the counter's thread: the structured
 * clone of ten thousand customers' small objects and arrays cost the receiving thread ~15 µs a customer (more
 * than a third of applying them); a flat array of strings and numbers, a third of that.
 */
export interface PackedPage {
  readonly cursor: number;
  readonly more: boolean;
  readonly cells: unknown[];
}

const CUSTOMER = 1;
const OTHER = 2;

export function packPage(p: PreparedPage): PackedPage {
  const cells: unknown[] = [];
  for (const e of p.entries) {
    if (!('customer' in e)) {
      cells.push(OTHER, e);
      continue;
    }
    const c = e.customer;
    cells.push(CUSTOMER, e.key, c.id, c.hlc, c.openedAt, c.purchaseCount, c.othersBalance, c.index.name);
    cells.push(c.index.address, c.othersUse);
    cells.push(c.values.length, ...c.values, c.meters.length);
    for (const m of c.meters) cells.push(m.length, ...m);
  }
  return { cursor: p.cursor, more: p.more, cells };
}

export function unpackPage(p: PackedPage): PreparedPage {
  const { cells } = p;
  const entries: PreparedEntry[] = [];
  let i = 0;
  const take = () => {
    const n = cells[i++] as number;
    i += n;
    return cells.slice(i - n, i);
  };
  while (i < cells.length) {
    if (cells[i++] === OTHER) {
      entries.push(cells[i++] as PreparedEntry);
      continue;
    }
    const [key, id, hlc, openedAt, purchaseCount, othersBalance, name, address, othersUse] = cells.slice(
      i,
      i + 9,
    ) as [string, string, string, string, number, number | null, string, string, string | null];
    i += 9;
    const values = take();
    const meters: unknown[][] = [];
    for (let m = cells[i++] as number; m > 0; m--) meters.push(take());
    entries.push({
      kind: 'customer',
      key,
      customer: {
        id,
        hlc,
        values,
        index: { name, address },
        meters,
        openedAt,
        purchaseCount,
        othersBalance,
        othersUse,
      },
    });
  }
  return { entries, cursor: p.cursor, more: p.more };
}
