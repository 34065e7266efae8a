/**
 * The port through which a paid gas sale reaches the customer's IC card (the two-phase card write of
 * reliability.md 2). P2 has no reader: with no writer configured a sale stays pending_card_write; P3 plugs
 * the card reader driver in here. Runtime: Node.
 */
import type { Sale } from '../../core/contract';
import type { ReadyCard } from '../cards/customer-card';

/**
 * ok: the card holds the purchase. Not ok: it does not (the payment is flagged for refund or retry) — or,
 * with `uncertain`, nobody can tell now (the card left mid-write): the sale stays pending until that card is
 * read again and shows what it holds.
 */
export type CardWriteResult = { ok: true } | { ok: false; reason: string; uncertain?: boolean };

export interface CardWritePort {
  /** Before anything is recorded: refuses (throws an AppError) when the customer's card is not ready. */
  precheck?(customerId: string, operatorId: string): Promise<void>;
  /**
   * Writes the purchase onto the card, reads it back and compares; resolves ok only when the card holds it.
   * `ready`: the card as the check before payment read it, its PSC accepted, in this same turn of the reader —
   * neither read nor presented again.
   */
  writePurchase(sale: Sale, opts?: { confirmLastTry?: boolean; ready?: ReadyCard }): Promise<CardWriteResult>;
  /** Called inside the transaction that settles the sale, to settle the writer's own journal with it. */
  settle?(saleId: string, ok: boolean, reason: string | null): void;
}
