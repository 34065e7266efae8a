/** Cards, account purchase counts, the card-write journal, readings and conflicts. Runtime: Node. */
import type { MeterStatus } from '../../core/card/gas-card';
import type Database from 'better-sqlite3';
import { prepared } from '../prepared';

export interface CardRow {
  id: string;
  cardNo: string;
  customerId: string;
  formatId: string;
  region: number;
  status: 'active' | 'lost' | 'replaced';
  issuedAt: string;
  issuedBy: string;
  replacesCardId: string | null;
}

export interface CardWriteRow {
  id: string;
  cardNo: string;
  customerId: string;
  saleId: string | null;
  kind: 'purchase' | 'repeat' | 'carry' | 'clear';
  count: number;
  volume: number;
  cumulative: number;
  status: 'pending' | 'confirmed' | 'failed';
  reason: string | null;
  operatorId: string;
  approverId: string | null;
  followUp: string | null;
  createdAt: string;
}

const CARD_COLS = `id, card_no AS cardNo, customer_id AS customerId, format_id AS formatId, region, status,
  issued_at AS issuedAt, issued_by AS issuedBy, replaces_card_id AS replacesCardId`;
const WRITE_COLS = `id, card_no AS cardNo, customer_id AS customerId, sale_id AS saleId, kind, count, volume, cumulative,
  status, reason, operator_id AS operatorId, approver_id AS approverId, follow_up AS followUp, created_at AS createdAt`;

export function cardByNo(db: Database.Database, cardNo: string): CardRow | undefined {
  return prepared(db, `SELECT ${CARD_COLS} FROM cards WHERE card_no = ?`).get(cardNo) as CardRow | undefined;
}

export function cardsOf(db: Database.Database, customerId: string): CardRow[] {
  return prepared(db, `SELECT ${CARD_COLS} FROM cards WHERE customer_id = ? ORDER BY issued_at`).all(
    customerId,
  ) as CardRow[];
}

export function activeCardOf(db: Database.Database, customerId: string): CardRow | undefined {
  return prepared(db, `SELECT ${CARD_COLS} FROM cards WHERE customer_id = ? AND status = 'active'`).get(
    customerId,
  ) as CardRow | undefined;
}

export function insertCard(db: Database.Database, r: CardRow): void {
  prepared(
    db,
    `INSERT INTO cards (id, card_no, customer_id, format_id, region, status, issued_at, issued_by, replaces_card_id)
     VALUES (@id, @cardNo, @customerId, @formatId, @region, @status, @issuedAt, @issuedBy, @replacesCardId)`,
  ).run(r);
}

export function blockCard(
  db: Database.Database,
  id: string,
  status: 'lost' | 'replaced',
  at: string,
  reason: string,
): void {
  prepared(db, 'UPDATE cards SET status = ?, blocked_at = ?, blocked_reason = ? WHERE id = ?').run(
    status,
    at,
    reason,
    id,
  );
}

export function insertCardWrite(db: Database.Database, r: CardWriteRow): void {
  prepared(
    db,
    `INSERT INTO card_writes (id, card_no, customer_id, sale_id, kind, count, volume, cumulative, status, reason, operator_id,
     approver_id, follow_up, created_at) VALUES (@id, @cardNo, @customerId, @saleId, @kind, @count, @volume, @cumulative,
     @status, @reason, @operatorId, @approverId, @followUp, @createdAt)`,
  ).run(r);
}

export function settleCardWrite(
  db: Database.Database,
  id: string,
  status: 'confirmed' | 'failed',
  at: string,
  reason: string | null,
): number {
  return prepared(
    db,
    "UPDATE card_writes SET status = ?, resolved_at = ?, reason = coalesce(?, reason) WHERE id = ? AND status = 'pending'",
  ).run(status, at, reason, id).changes;
}

export function pendingWritesOf(db: Database.Database, cardNo: string): CardWriteRow[] {
  return prepared(
    db,
    `SELECT ${WRITE_COLS} FROM card_writes WHERE card_no = ? AND status = 'pending' ORDER BY created_at`,
  ).all(cardNo) as CardWriteRow[];
}

/** Writes of an account not settled yet, on any of its cards (at most one: a new write waits for it). */
export function unsettledWritesOfAccount(db: Database.Database, customerId: string): CardWriteRow[] {
  return prepared(
    db,
    `SELECT ${WRITE_COLS} FROM card_writes WHERE customer_id = ? AND status = 'pending' ORDER BY created_at`,
  ).all(customerId) as CardWriteRow[];
}

export function writesOfCard(db: Database.Database, cardNo: string): CardWriteRow[] {
  return prepared(db, `SELECT ${WRITE_COLS} FROM card_writes WHERE card_no = ? ORDER BY created_at`).all(
    cardNo,
  ) as CardWriteRow[];
}

export function writesOfSale(db: Database.Database, saleId: string): CardWriteRow[] {
  return prepared(db, `SELECT ${WRITE_COLS} FROM card_writes WHERE sale_id = ? ORDER BY created_at`).all(
    saleId,
  ) as CardWriteRow[];
}

/**
 * 换表 carries whose gas never reached a card (failed), and that no retry has put on one or is putting on one
 * (a retry names the carry it retries in follow_up: {"retryOf": id}).
 */
export function owedCarriesOf(db: Database.Database, customerId: string): CardWriteRow[] {
  return prepared(
    db,
    `SELECT ${WRITE_COLS} FROM card_writes w
     WHERE w.customer_id = ? AND w.kind = 'carry' AND w.status = 'failed' AND w.follow_up IS NULL
       AND NOT EXISTS (SELECT 1 FROM card_writes r WHERE r.customer_id = w.customer_id AND r.kind = 'carry'
         AND r.status <> 'failed' AND r.follow_up = json_object('retryOf', w.id))
     ORDER BY w.created_at, w.rowid`,
  ).all(customerId) as CardWriteRow[];
}

export function lastConfirmedWrite(db: Database.Database, customerId: string): CardWriteRow | undefined {
  return prepared(
    db,
    `SELECT ${WRITE_COLS} FROM card_writes WHERE customer_id = ? AND status = 'confirmed' AND kind <> 'clear' ORDER BY count DESC, created_at DESC LIMIT 1`,
  ).get(customerId) as CardWriteRow | undefined;
}

/** The highest purchase count confirmed on one card (what a lost or replaced card reached); 0 when none. */
export function lastCountOnCard(db: Database.Database, cardNo: string): number {
  return (
    (prepared(
      db,
      "SELECT max(count) FROM card_writes WHERE card_no = ? AND status = 'confirmed' AND kind <> 'clear'",
    )
      .pluck()
      .get(cardNo) as number | null) ?? 0
  );
}

export interface ReadingRow {
  cardNo: string;
  meterNo: string;
  loadedCount: number;
  remaining: number;
  cumulativeUsed: number;
  /** The meter's status flags, stored as JSON text. */
  status: MeterStatus;
  readAt: number;
}

/** Records a meter reading once (the same card, time and meter is the same reading). */
export function insertReading(
  db: Database.Database,
  id: string,
  customerId: string,
  r: ReadingRow,
  at: string,
): boolean {
  return (
    prepared(
      db,
      `INSERT OR IGNORE INTO meter_readings (id, customer_id, card_no, meter_no, loaded_count, remaining, cumulative_used, status,
         read_at, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      customerId,
      r.cardNo,
      r.meterNo,
      r.loadedCount,
      r.remaining,
      r.cumulativeUsed,
      JSON.stringify(r.status),
      r.readAt,
      at,
    ).changes > 0
  );
}

export function readingsOf(db: Database.Database, customerId: string, limit = 50): ReadingRow[] {
  return prepared(
    db,
    `SELECT card_no AS cardNo, meter_no AS meterNo, loaded_count AS loadedCount, remaining, cumulative_used AS cumulativeUsed,
       status, read_at AS readAt FROM meter_readings WHERE customer_id = ? ORDER BY read_at DESC LIMIT ?`,
  )
    .all(customerId, limit)
    .map((r) => {
      const row = r as Omit<ReadingRow, 'status'> & { status: string };
      return { ...row, status: JSON.parse(row.status) as MeterStatus };
    });
}

/** The highest purchase count any meter reading says was loaded for this account. */
export function maxLoadedCount(db: Database.Database, customerId: string): number {
  return (
    (
      prepared(db, 'SELECT max(loaded_count) AS n FROM meter_readings WHERE customer_id = ?').get(
        customerId,
      ) as { n: number | null }
    ).n ?? 0
  );
}

export function insertConflict(
  db: Database.Database,
  r: {
    id: string;
    cardNo: string;
    customerId: string | null;
    cardCount: number;
    knownCount: number;
    detail: string;
    at: string;
  },
): void {
  prepared(
    db,
    'INSERT INTO card_conflicts (id, card_no, customer_id, card_count, known_count, detail, detected_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(r.id, r.cardNo, r.customerId, r.cardCount, r.knownCount, r.detail, r.at);
}

export function conflictKnown(db: Database.Database, cardNo: string, cardCount: number): boolean {
  return (
    prepared(db, 'SELECT 1 FROM card_conflicts WHERE card_no = ? AND card_count = ?').get(
      cardNo,
      cardCount,
    ) !== undefined
  );
}
