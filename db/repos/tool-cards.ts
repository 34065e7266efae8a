/** Tool cards made at this counter (db/schema/tool-cards.ts). Runtime: Node. */
import type Database from 'better-sqlite3';
import type { ToolCardKind } from '../../core/card/maker-errors';
import { prepared } from '../prepared';

export interface ToolCardRow {
  id: string;
  cardNo: string;
  kind: ToolCardKind;
  formatId: string;
  region: number;
  madeBy: string;
  madeAt: string;
}

export function insertToolCard(db: Database.Database, r: ToolCardRow): void {
  prepared(
    db,
    `INSERT INTO tool_cards (id, card_no, kind, format_id, region, made_by, made_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(r.id, r.cardNo, r.kind, r.formatId, r.region, r.madeBy, r.madeAt);
}

export function toolCardByNo(db: Database.Database, cardNo: string): ToolCardRow | undefined {
  return prepared(
    db,
    `SELECT id, card_no AS cardNo, kind, format_id AS formatId, region, made_by AS madeBy, made_at AS madeAt
     FROM tool_cards WHERE card_no = ?`,
  ).get(cardNo) as ToolCardRow | undefined;
}
