CREATE TABLE `card_stocks` (
	`id` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`transport_psc` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`refused_at` text
);
--> statement-breakpoint
CREATE INDEX `card_writes_customer_status_idx` ON `card_writes` (`customer_id`,`status`);