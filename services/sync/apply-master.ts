/**
 * Applies master data pulled from head office: price versions (append-only: a version this counter already
 * has is left alone), fee items (by code), purchase limits, staff (the password hash head office made; a
 * login name taken here by someone else is reported, not overwritten), cards (blocked everywhere once head
 * office knows; a status only moves away from active), conflict records and head office's 核表请求. Runtime: Node.
 */
import type Database from 'better-sqlite3';
import type { Limits } from '../../core/contract/prices';
import type { FeeItem } from '../../core/contract/prices';
import type { CardFeed, Conflict, PriceVersionFeed, StaffFeed } from '../../core/sync/feed';
import { putSyncConflict } from '../../db';
import type { UsageReferral } from '../../core/sync/wire-referral';

export class MasterApplier {
  private readonly price: Database.Statement;
  private readonly fee: Database.Statement;
  private readonly limits: Database.Statement;
  private readonly staff: Database.Statement;
  private readonly card: Database.Statement;
  private readonly referral: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.price = db.prepare(
      `INSERT INTO price_versions (id, user_class, effective_from, base_household_size, period_start, tiers, note, created_at,
         created_by, approved_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL) ON CONFLICT DO NOTHING`,
    );
    this.fee = db.prepare(
      `INSERT INTO fee_items (id, code, name, amount_fen, active, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (code) DO UPDATE SET name = excluded.name, amount_fen = excluded.amount_fen, active = excluded.active,
         updated_at = excluded.updated_at`,
    );
    this.limits = db.prepare(
      `INSERT INTO purchase_limits (user_class, per_purchase, per_month, per_year) VALUES (?, ?, ?, ?)
       ON CONFLICT (user_class) DO UPDATE SET per_purchase = excluded.per_purchase, per_month = excluded.per_month,
         per_year = excluded.per_year`,
    );
    this.staff = db.prepare(
      `INSERT INTO staff (id, username, display_name, roles, password_hash, active, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, roles = excluded.roles,
         password_hash = excluded.password_hash, active = excluded.active, updated_at = excluded.updated_at`,
    );
    // A 核表请求 is kept as first received: a repeat of the same id changes nothing.
    this.referral = db.prepare(
      `INSERT INTO usage_referrals (id, no, customer_id, account_no, name, address, month, flags, description,
         created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    );
    this.card = db.prepare(
      `INSERT INTO cards (id, card_no, customer_id, format_id, region, status, issued_at, issued_by, replaces_card_id,
         blocked_at, blocked_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)
       ON CONFLICT (card_no) DO UPDATE SET
         status = CASE WHEN cards.status = 'active' THEN excluded.status ELSE cards.status END,
         blocked_at = coalesce(cards.blocked_at, excluded.blocked_at),
         blocked_reason = coalesce(cards.blocked_reason, excluded.blocked_reason)`,
    );
  }

  /** Returns false when the entry was left alone because this counter holds something else under its key. */
  priceVersion(p: PriceVersionFeed): boolean {
    return (
      this.price.run(
        p.id,
        p.userClass,
        p.effectiveFrom,
        p.baseHouseholdSize,
        p.periodStart,
        JSON.stringify(p.tiers),
        p.note,
        p.createdAt,
        p.createdBy,
      ).changes > 0 || this.hasPrice(p.id)
    );
  }

  private hasPrice(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM price_versions WHERE id = ?').get(id) !== undefined;
  }

  feeItem(f: FeeItem, at: string): void {
    this.fee.run(f.id, f.code, f.name, f.amountFen, f.active ? 1 : 0, at);
  }

  purchaseLimits(l: Limits): void {
    this.limits.run(l.userClass, l.perPurchase, l.perMonth, l.perYear);
  }

  staffMember(s: StaffFeed, at: string): boolean {
    const clash = this.db
      .prepare('SELECT id FROM staff WHERE lower(username) = lower(?) AND id <> ?')
      .get(s.username, s.id) as { id: string } | undefined;
    if (clash) return false;
    const roles = JSON.stringify(s.roles ?? [s.role]);
    this.staff.run(s.id, s.username, s.displayName, roles, s.passwordHash, s.active ? 1 : 0, at, at);
    return true;
  }

  cardRecord(c: CardFeed): void {
    this.card.run(
      c.id,
      c.cardNo,
      c.customerId,
      c.formatId,
      c.region,
      c.status,
      c.issuedAt,
      c.issuedBy,
      c.blockedAt,
      c.blockedReason,
    );
  }

  usageReferral(r: UsageReferral): void {
    this.referral.run(
      r.id,
      r.no,
      r.customerId,
      r.accountNo,
      r.name,
      r.address,
      r.month,
      JSON.stringify(r.flags),
      r.description,
      r.createdBy,
      r.createdAt,
    );
  }

  conflict(c: Conflict, at: string): void {
    putSyncConflict(this.db, {
      id: c.id,
      kind: c.kind,
      entityId: c.entityId,
      field: c.field,
      status: c.status,
      detail: JSON.stringify(c),
      updatedAt: at,
    });
  }
}
