-- Money is never edited or deleted: sales, their lines and tenders, price versions, cash movements and
-- deposits are append-only. A gas sale's card-write status may only move forward from pending.
CREATE TRIGGER `sales_no_delete` BEFORE DELETE ON `sales` BEGIN SELECT RAISE(ABORT, 'sales are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `sales_only_status_moves` BEFORE UPDATE ON `sales`
WHEN OLD.status <> 'pending_card_write' OR NEW.status = 'pending_card_write'
  OR NEW.id IS NOT OLD.id OR NEW.receipt_no IS NOT OLD.receipt_no OR NEW.invoice_no IS NOT OLD.invoice_no
  OR NEW.kind IS NOT OLD.kind OR NEW.customer_id IS NOT OLD.customer_id OR NEW.shift_id IS NOT OLD.shift_id
  OR NEW.business_date IS NOT OLD.business_date OR NEW.volume IS NOT OLD.volume OR NEW.amount IS NOT OLD.amount
  OR NEW.balance_used IS NOT OLD.balance_used OR NEW.balance_added IS NOT OLD.balance_added
  OR NEW.amount_paid IS NOT OLD.amount_paid OR NEW.corrects_sale_id IS NOT OLD.corrects_sale_id
BEGIN SELECT RAISE(ABORT, 'a sale may only move from pending_card_write to completed or card_write_failed'); END;
--> statement-breakpoint
CREATE TRIGGER `sale_lines_no_update` BEFORE UPDATE ON `sale_lines` BEGIN SELECT RAISE(ABORT, 'sale lines are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `sale_lines_no_delete` BEFORE DELETE ON `sale_lines` BEGIN SELECT RAISE(ABORT, 'sale lines are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `tenders_no_update` BEFORE UPDATE ON `tenders` BEGIN SELECT RAISE(ABORT, 'tenders are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `tenders_no_delete` BEFORE DELETE ON `tenders` BEGIN SELECT RAISE(ABORT, 'tenders are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `price_versions_no_update` BEFORE UPDATE ON `price_versions` BEGIN SELECT RAISE(ABORT, 'price versions are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `price_versions_no_delete` BEFORE DELETE ON `price_versions` BEGIN SELECT RAISE(ABORT, 'price versions are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `cash_movements_no_update` BEFORE UPDATE ON `cash_movements` BEGIN SELECT RAISE(ABORT, 'cash movements are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `cash_movements_no_delete` BEFORE DELETE ON `cash_movements` BEGIN SELECT RAISE(ABORT, 'cash movements are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `bank_deposits_no_update` BEFORE UPDATE ON `bank_deposits` BEGIN SELECT RAISE(ABORT, 'deposits are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `bank_deposits_no_delete` BEFORE DELETE ON `bank_deposits` BEGIN SELECT RAISE(ABORT, 'deposits are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `day_closes_no_update` BEFORE UPDATE ON `day_closes` BEGIN SELECT RAISE(ABORT, 'a closed day stays closed'); END;
--> statement-breakpoint
CREATE TRIGGER `day_closes_no_delete` BEFORE DELETE ON `day_closes` BEGIN SELECT RAISE(ABORT, 'a closed day stays closed'); END;
--> statement-breakpoint
-- A closed shift stays closed.
CREATE TRIGGER `shifts_closed_stay_closed` BEFORE UPDATE ON `shifts` WHEN OLD.status = 'closed'
BEGIN SELECT RAISE(ABORT, 'a closed shift stays closed'); END;
--> statement-breakpoint
CREATE TRIGGER `shifts_no_delete` BEFORE DELETE ON `shifts` BEGIN SELECT RAISE(ABORT, 'shifts are never deleted'); END;
