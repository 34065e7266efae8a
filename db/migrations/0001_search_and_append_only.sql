-- Full-text search over customer names and addresses, indexed as character bigrams (see core/domain/search.ts).
-- Contentless: the text lives in `customers`; the rowid is customers.seq.
CREATE VIRTUAL TABLE `customer_search` USING fts5(
	`name`, `address`,
	content='', contentless_delete=1,
	tokenize='unicode61 remove_diacritics 0'
);
--> statement-breakpoint
-- The ledger is append-only: no UPDATE or DELETE, ever; and the outbox sequence is gap-free.
CREATE TRIGGER `outbox_no_update` BEFORE UPDATE ON `outbox` BEGIN SELECT RAISE(ABORT, 'outbox is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `outbox_no_delete` BEFORE DELETE ON `outbox` BEGIN SELECT RAISE(ABORT, 'outbox is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `outbox_gap_free` BEFORE INSERT ON `outbox`
WHEN NEW.seq <> (SELECT coalesce(max(seq), 0) + 1 FROM `outbox`)
BEGIN SELECT RAISE(ABORT, 'outbox sequence must be gap-free'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_no_update` BEFORE UPDATE ON `audit` BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_no_delete` BEFORE DELETE ON `audit` BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
--> statement-breakpoint
-- Customers and meters are never deleted: closing an account is a status.
CREATE TRIGGER `customers_no_delete` BEFORE DELETE ON `customers` BEGIN SELECT RAISE(ABORT, 'customers are never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `meters_no_delete` BEFORE DELETE ON `meters` BEGIN SELECT RAISE(ABORT, 'meters are never deleted'); END;
