-- A card that refused its PSC is flagged until a 班长-approved attempt passes (services/sales/card-ready.ts);
-- the record is append-only.
CREATE TABLE `card_psc_checks` (
	`id` text PRIMARY KEY NOT NULL,
	`card_no` text NOT NULL,
	`customer_id` text,
	`outcome` text NOT NULL,
	`tries_left` integer NOT NULL,
	`operator_id` text NOT NULL,
	`approver_id` text,
	`sale_id` text,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `card_psc_checks_card_idx` ON `card_psc_checks` (`card_no`,`at`);--> statement-breakpoint
CREATE TRIGGER `card_psc_checks_no_update` BEFORE UPDATE ON `card_psc_checks` BEGIN SELECT RAISE(ABORT, 'PSC checks are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `card_psc_checks_no_delete` BEFORE DELETE ON `card_psc_checks` BEGIN SELECT RAISE(ABORT, 'PSC checks are append-only'); END;
