CREATE TABLE `receipt_prints` (
	`id` text PRIMARY KEY NOT NULL,
	`doc_kind` text NOT NULL,
	`doc_id` text NOT NULL,
	`business_date` text NOT NULL,
	`reprint` integer NOT NULL,
	`copy_no` integer NOT NULL,
	`operator_id` text NOT NULL,
	`outcome` text NOT NULL,
	`problem` text,
	`printed_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `receipt_prints_doc_idx` ON `receipt_prints` (`doc_kind`,`doc_id`);--> statement-breakpoint
CREATE INDEX `receipt_prints_date_idx` ON `receipt_prints` (`business_date`);--> statement-breakpoint
CREATE TRIGGER `receipt_prints_no_update` BEFORE UPDATE ON `receipt_prints` BEGIN SELECT RAISE(ABORT, 'print records are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `receipt_prints_no_delete` BEFORE DELETE ON `receipt_prints` BEGIN SELECT RAISE(ABORT, 'print records are append-only'); END;
