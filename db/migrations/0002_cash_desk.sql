CREATE TABLE `bank_deposits` (
	`id` text PRIMARY KEY NOT NULL,
	`business_date` text NOT NULL,
	`amount` integer NOT NULL,
	`bank` text NOT NULL,
	`reference` text NOT NULL,
	`at` text NOT NULL,
	`operator_id` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `bank_deposits_date_idx` ON `bank_deposits` (`business_date`);--> statement-breakpoint
CREATE TABLE `cash_movements` (
	`id` text PRIMARY KEY NOT NULL,
	`shift_id` text NOT NULL,
	`kind` text NOT NULL,
	`amount` integer NOT NULL,
	`reason` text NOT NULL,
	`at` text NOT NULL,
	`operator_id` text NOT NULL,
	FOREIGN KEY (`shift_id`) REFERENCES `shifts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `cash_movements_shift_idx` ON `cash_movements` (`shift_id`);--> statement-breakpoint
CREATE TABLE `day_closes` (
	`business_date` text PRIMARY KEY NOT NULL,
	`closed_at` text NOT NULL,
	`closed_by` text NOT NULL,
	`report` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `shifts` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`business_date` text NOT NULL,
	`opened_at` text NOT NULL,
	`float` integer NOT NULL,
	`status` text NOT NULL,
	`closed_at` text,
	`counted` integer,
	`expected` integer,
	`difference` integer,
	`note` text,
	`denominations` text
);
--> statement-breakpoint
CREATE INDEX `shifts_operator_status_idx` ON `shifts` (`operator_id`,`status`);--> statement-breakpoint
CREATE INDEX `shifts_date_idx` ON `shifts` (`business_date`);--> statement-breakpoint
CREATE TABLE `fee_items` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`active` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fee_items_code_unique` ON `fee_items` (`code`);--> statement-breakpoint
CREATE TABLE `price_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_class` text NOT NULL,
	`effective_from` text NOT NULL,
	`base_household_size` integer NOT NULL,
	`period_start` text NOT NULL,
	`tiers` text NOT NULL,
	`note` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`approved_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `price_versions_class_from_uq` ON `price_versions` (`user_class`,`effective_from`);--> statement-breakpoint
CREATE TABLE `purchase_limits` (
	`user_class` text PRIMARY KEY NOT NULL,
	`per_purchase` integer,
	`per_month` integer,
	`per_year` integer
);
--> statement-breakpoint
CREATE TABLE `customer_balances` (
	`customer_id` text PRIMARY KEY NOT NULL,
	`balance` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `invoice_ranges` (
	`id` text PRIMARY KEY NOT NULL,
	`operator_id` text,
	`prefix` text NOT NULL,
	`first` integer NOT NULL,
	`last` integer NOT NULL,
	`next` integer NOT NULL,
	`width` integer NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `number_series` (
	`name` text PRIMARY KEY NOT NULL,
	`next` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sale_lines` (
	`sale_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`kind` text NOT NULL,
	`tier` integer,
	`fee_item_id` text,
	`name` text NOT NULL,
	`volume` integer,
	`price_li` integer,
	`qty` integer,
	`amount` integer NOT NULL,
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sale_lines_pk` ON `sale_lines` (`sale_id`,`line_no`);--> statement-breakpoint
CREATE TABLE `sales` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`receipt_no` text NOT NULL,
	`invoice_no` text,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`customer_id` text,
	`user_class` text,
	`shift_id` text NOT NULL,
	`business_date` text NOT NULL,
	`operator_id` text NOT NULL,
	`approver_id` text,
	`volume` integer NOT NULL,
	`amount` integer NOT NULL,
	`balance_used` integer NOT NULL,
	`balance_added` integer NOT NULL,
	`amount_paid` integer NOT NULL,
	`price_version_id` text,
	`period_start` text,
	`used_before` integer,
	`corrects_sale_id` text,
	`reason` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sales_id_unique` ON `sales` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `sales_receipt_no_uq` ON `sales` (`receipt_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `sales_invoice_no_uq` ON `sales` (`invoice_no`);--> statement-breakpoint
CREATE INDEX `sales_customer_date_idx` ON `sales` (`customer_id`,`business_date`);--> statement-breakpoint
CREATE INDEX `sales_shift_idx` ON `sales` (`shift_id`);--> statement-breakpoint
CREATE INDEX `sales_date_idx` ON `sales` (`business_date`);--> statement-breakpoint
CREATE INDEX `sales_corrects_idx` ON `sales` (`corrects_sale_id`);--> statement-breakpoint
CREATE TABLE `tenders` (
	`sale_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`method` text NOT NULL,
	`amount` integer NOT NULL,
	`received` integer,
	`change` integer NOT NULL,
	`reference` text,
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tenders_pk` ON `tenders` (`sale_id`,`line_no`);