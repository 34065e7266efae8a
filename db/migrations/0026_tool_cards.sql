CREATE TABLE `tool_cards` (
	`id` text PRIMARY KEY NOT NULL,
	`card_no` text NOT NULL,
	`kind` text NOT NULL,
	`format_id` text NOT NULL,
	`region` integer NOT NULL,
	`made_by` text NOT NULL,
	`made_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tool_cards_card_no_unique` ON `tool_cards` (`card_no`);
--> statement-breakpoint
-- A tool card once made is recorded once and kept as it was made.
CREATE TRIGGER `tool_cards_no_update` BEFORE UPDATE ON `tool_cards` BEGIN SELECT RAISE(ABORT, 'tool cards are recorded once'); END;
--> statement-breakpoint
CREATE TRIGGER `tool_cards_no_delete` BEFORE DELETE ON `tool_cards` BEGIN SELECT RAISE(ABORT, 'tool cards are never deleted'); END;
