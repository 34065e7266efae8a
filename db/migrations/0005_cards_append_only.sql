-- The card-write journal moves only forward (pending → confirmed | failed); readings and conflicts are
-- append-only; cards are never deleted (a lost card stays, blocked).
CREATE TRIGGER `card_writes_forward_only` BEFORE UPDATE ON `card_writes`
WHEN OLD.status <> 'pending' OR NEW.status = 'pending' OR NEW.id IS NOT OLD.id OR NEW.card_no IS NOT OLD.card_no
  OR NEW.count IS NOT OLD.count OR NEW.volume IS NOT OLD.volume OR NEW.sale_id IS NOT OLD.sale_id OR NEW.kind IS NOT OLD.kind
BEGIN SELECT RAISE(ABORT, 'a card write may only move from pending to confirmed or failed'); END;
--> statement-breakpoint
CREATE TRIGGER `card_writes_no_delete` BEFORE DELETE ON `card_writes` BEGIN SELECT RAISE(ABORT, 'the card-write journal is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `meter_readings_no_update` BEFORE UPDATE ON `meter_readings` BEGIN SELECT RAISE(ABORT, 'readings are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `meter_readings_no_delete` BEFORE DELETE ON `meter_readings` BEGIN SELECT RAISE(ABORT, 'readings are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `card_conflicts_no_delete` BEFORE DELETE ON `card_conflicts` BEGIN SELECT RAISE(ABORT, 'conflicts are kept'); END;
--> statement-breakpoint
CREATE TRIGGER `cards_no_delete` BEFORE DELETE ON `cards` BEGIN SELECT RAISE(ABORT, 'cards are never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `account_counts_only_up` BEFORE UPDATE ON `account_counts` WHEN NEW.last_count < OLD.last_count
BEGIN SELECT RAISE(ABORT, 'purchase counts only go up'); END;
--> statement-breakpoint
-- A failed card write may still succeed on a retry: card_write_failed → completed, besides pending → either.
DROP TRIGGER `sales_only_status_moves`;
--> statement-breakpoint
CREATE TRIGGER `sales_only_status_moves` BEFORE UPDATE ON `sales`
WHEN NOT ((OLD.status = 'pending_card_write' AND NEW.status IN ('completed', 'card_write_failed'))
       OR (OLD.status = 'card_write_failed' AND NEW.status = 'completed'))
  OR NEW.id IS NOT OLD.id OR NEW.receipt_no IS NOT OLD.receipt_no OR NEW.invoice_no IS NOT OLD.invoice_no
  OR NEW.kind IS NOT OLD.kind OR NEW.customer_id IS NOT OLD.customer_id OR NEW.shift_id IS NOT OLD.shift_id
  OR NEW.business_date IS NOT OLD.business_date OR NEW.volume IS NOT OLD.volume OR NEW.amount IS NOT OLD.amount
  OR NEW.balance_used IS NOT OLD.balance_used OR NEW.balance_added IS NOT OLD.balance_added
  OR NEW.amount_paid IS NOT OLD.amount_paid OR NEW.corrects_sale_id IS NOT OLD.corrects_sale_id
BEGIN SELECT RAISE(ABORT, 'a sale may only move from pending_card_write to completed or card_write_failed, or from card_write_failed to completed'); END;
