CREATE TABLE `account_counts` (
	`customer_id` text PRIMARY KEY NOT NULL,
	`last_count` integer NOT NULL,
	`cumulative` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `card_conflicts` (
	`id` text PRIMARY KEY NOT NULL,
	`card_no` text NOT NULL,
	`customer_id` text,
	`card_count` integer NOT NULL,
	`known_count` integer NOT NULL,
	`detail` text NOT NULL,
	`detected_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `card_writes` (
	`id` text PRIMARY KEY NOT NULL,
	`card_no` text NOT NULL,
	`customer_id` text NOT NULL,
	`sale_id` text,
	`kind` text NOT NULL,
	`count` integer NOT NULL,
	`volume` integer NOT NULL,
	`cumulative` integer NOT NULL,
	`status` text NOT NULL,
	`reason` text,
	`operator_id` text NOT NULL,
	`approver_id` text,
	`follow_up` text,
	`created_at` text NOT NULL,
	`resolved_at` text
);
--> statement-breakpoint
CREATE INDEX `card_writes_card_status_idx` ON `card_writes` (`card_no`,`status`);--> statement-breakpoint
CREATE INDEX `card_writes_sale_idx` ON `card_writes` (`sale_id`);--> statement-breakpoint
CREATE TABLE `cards` (
	`id` text PRIMARY KEY NOT NULL,
	`card_no` text NOT NULL,
	`customer_id` text NOT NULL,
	`format_id` text NOT NULL,
	`region` integer NOT NULL,
	`status` text NOT NULL,
	`issued_at` text NOT NULL,
	`issued_by` text NOT NULL,
	`replaces_card_id` text,
	`blocked_at` text,
	`blocked_reason` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cards_card_no_uq` ON `cards` (`card_no`);--> statement-breakpoint
CREATE INDEX `cards_customer_idx` ON `cards` (`customer_id`);--> statement-breakpoint
CREATE TABLE `meter_readings` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`card_no` text NOT NULL,
	`meter_no` text NOT NULL,
	`loaded_count` integer NOT NULL,
	`remaining` integer NOT NULL,
	`cumulative_used` integer NOT NULL,
	`status` text NOT NULL,
	`read_at` integer NOT NULL,
	`recorded_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meter_readings_uq` ON `meter_readings` (`card_no`,`read_at`,`meter_no`);--> statement-breakpoint
CREATE INDEX `meter_readings_customer_idx` ON `meter_readings` (`customer_id`);--> statement-breakpoint
CREATE TABLE `secrets` (
	`name` text PRIMARY KEY NOT NULL,
	`sealed` text NOT NULL,
	`created_at` text NOT NULL
);
