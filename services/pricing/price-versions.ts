/**
 * 气价版本 (price versions): effective-dated and append-only. A price change is a new version from a date not
 * before the current business day, approved by a supervisor; the version in effect for a class on a date is
 * the latest one starting on or before it. Runtime: Node.
 */
import type { OpParsedInput, PriceVersion } from '../../core/contract';
import { USER_CLASS_ZH, type UserClass } from '../../core/domain/customer';
import { AppError } from '../../core/errors';
import type { PriceSchedule } from '../../core/pricing';
import { formatPriceLi } from '../../core/quantities';
import {
  getSyncState,
  insertPriceVersion,
  listPriceVersions,
  type PriceVersionRow,
  parseTiers,
  priceVersionOn,
  priceVersionStartingOn,
} from '../../db';
import type { App } from '../app';
import { requireApproval } from '../auth/approval';
import { type Handlers, operatorOf } from '../call';
import { currentBusinessDate } from '../cash/business-date';

export type PriceVersionInput = OpParsedInput<'prices.create'>['version'];

export function toPriceVersion(r: PriceVersionRow): PriceVersion {
  return {
    id: r.id,
    userClass: r.userClass,
    effectiveFrom: r.effectiveFrom,
    baseHouseholdSize: r.baseHouseholdSize,
    periodStart: r.periodStart,
    tiers: parseTiers(r.tiers),
    note: r.note,
    createdAt: r.createdAt,
  };
}

export interface PriceInEffect {
  readonly row: PriceVersionRow;
  readonly schedule: PriceSchedule;
}

/** The version in effect for `userClass` on `date` (NO_PRICE when none has started yet). */
export function priceInEffect(app: App, userClass: UserClass, date: string): PriceInEffect {
  const row = priceVersionOn(app.gdb.sqlite, userClass, date);
  if (!row) throw new AppError('NO_PRICE', { detail: `${userClass} on ${date}` });
  return { row, schedule: { baseHouseholdSize: row.baseHouseholdSize, tiers: parseTiers(row.tiers) } };
}

function refuseConflicts(app: App, v: PriceVersionInput, allowPast: boolean): void {
  if (!allowPast) {
    const today = currentBusinessDate(app);
    if (v.effectiveFrom < today)
      throw new AppError('PRICE_RETROACTIVE', { detail: `${v.effectiveFrom} < ${today}` });
  }
  if (priceVersionStartingOn(app.gdb.sqlite, v.userClass, v.effectiveFrom))
    throw new AppError('PRICE_VERSION_OVERLAP', { detail: `${v.userClass} ${v.effectiveFrom}` });
}

function tiersText(v: PriceVersionInput): string {
  return v.tiers.map((t) => formatPriceLi(t.priceLi)).join(' / ');
}

/**
 * Records a version inside the caller's transaction (with its ledger operation). `allowPast` is for the
 * demo catalogue only: seeding a hall's existing prices is not a price change.
 */
export function recordPriceVersion(
  app: App,
  operatorId: string,
  approverId: string | null,
  v: PriceVersionInput,
  allowPast = false,
): PriceVersionRow {
  refuseConflicts(app, v, allowPast);
  const row: PriceVersionRow = {
    id: app.newId(),
    userClass: v.userClass,
    effectiveFrom: v.effectiveFrom,
    baseHouseholdSize: v.baseHouseholdSize,
    periodStart: v.periodStart,
    tiers: JSON.stringify(
      v.tiers.map((t) => ({ width: t.width, priceLi: t.priceLi, extraPerPerson: t.extraPerPerson })),
    ),
    note: v.note,
    createdAt: app.nowIso(),
    createdBy: operatorId,
    approvedBy: approverId,
  };
  insertPriceVersion(app.db, row);
  app.ledger().append({
    type: 'price.created',
    payload: toPriceVersion(row),
    operatorId,
    approverId,
    audit: {
      action: 'price.created',
      summary: `新气价版本：${USER_CLASS_ZH[v.userClass]}，${v.effectiveFrom} 起，${tiersText(v)} 元/m³`,
      reason: v.note,
    },
  });
  return row;
}

export const pricesList: Handlers['prices.list'] = (_input, { app }) => ({
  items: listPriceVersions(app.db).map(toPriceVersion),
});

export const pricesCreate: Handlers['prices.create'] = async (input, call) => {
  const { app } = call;
  // An enrolled counter sells at head office's prices: head office believes a sale only at a version it
  // published (docs/sync-protocol.md), so a price made here would have every sale at it quarantined.
  if (getSyncState(app.gdb.sqlite)) throw new AppError('PRICES_FROM_HEAD_OFFICE');
  refuseConflicts(app, input.version, false);
  const operatorId = operatorOf(call).staffId;
  const approver = await requireApproval(app, input.approval, '调价', operatorId);
  const row = app.transaction(() => recordPriceVersion(app, operatorId, approver.id, input.version));
  return toPriceVersion(row);
};
