/**
 * The port through which a paid gas sale reaches the customer's IC card (the two-phase card write of
 * reliability.md 2). P2 has no reader: with no writer configured a sale stays pending_card_write; P3 plugs
 * the card reader driver in here. Runtime: Node.
 */
import type { Sale } from '../../core/contract';

export type CardWriteResult = { ok: true } | { ok: false; reason: string };

export interface CardWritePort {
  /** Writes the purchase onto the card, reads it back and compares; resolves ok only when the card holds it. */
  writePurchase(sale: Sale): Promise<CardWriteResult>;
}
