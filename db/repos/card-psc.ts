/** PSC refusals of cards and the approved attempts that lifted them (db/schema/card-psc.ts). Runtime: Node. */
import type Database from 'better-sqlite3';
import { prepared } from '../prepared';

export interface PscCheckRow {
  id: string;
  cardNo: string;
  customerId: string | null;
  outcome: 'refused' | 'accepted';
  triesLeft: number;
  operatorId: string;
  approverId: string | null;
  saleId: string | null;
  at: string;
}

export function insertPscCheck(db: Database.Database, r: PscCheckRow): void {
  prepared(
    db,
    `INSERT INTO card_psc_checks (id, card_no, customer_id, outcome, tries_left, operator_id, approver_id, sale_id, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(r.id, r.cardNo, r.customerId, r.outcome, r.triesLeft, r.operatorId, r.approverId, r.saleId, r.at);
}

/** The card's last refusal when no approved attempt passed since: the card is flagged. */
export function pscFlagOf(db: Database.Database, cardNo: string): PscCheckRow | undefined {
  const last = prepared(
    db,
    `SELECT id, card_no AS cardNo, customer_id AS customerId, outcome, tries_left AS triesLeft,
       operator_id AS operatorId, approver_id AS approverId, sale_id AS saleId, at
     FROM card_psc_checks WHERE card_no = ? ORDER BY at DESC, rowid DESC LIMIT 1`,
  ).get(cardNo) as PscCheckRow | undefined;
  return last?.outcome === 'refused' ? last : undefined;
}
