CREATE TABLE `counter_info` (
	`id` integer PRIMARY KEY NOT NULL,
	`counter_id` text NOT NULL,
	`hall_code` text NOT NULL,
	`hall_name` text NOT NULL,
	`counter_code` text NOT NULL,
	`counter_name` text NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `customers` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`account_no` text NOT NULL,
	`name` text NOT NULL,
	`id_number` text,
	`credit_code` text,
	`phone` text NOT NULL,
	`alt_phone` text,
	`district` text NOT NULL,
	`community` text NOT NULL,
	`building` text NOT NULL,
	`unit` text,
	`room` text NOT NULL,
	`full_address` text NOT NULL,
	`user_class` text NOT NULL,
	`household_size` integer NOT NULL,
	`inspection_status` text NOT NULL,
	`inspection_date` text,
	`contract_no` text NOT NULL,
	`contract_signed_on` text NOT NULL,
	`connection_fee_invoice_no` text NOT NULL,
	`registration_form_checked` integer NOT NULL,
	`status` text NOT NULL,
	`status_changed_at` text NOT NULL,
	`opened_at` text NOT NULL,
	`closed_at` text,
	`notes` text,
	`version` integer NOT NULL,
	`updated_hlc` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customers_id_unique` ON `customers` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `customers_account_no_uq` ON `customers` (`account_no`);--> statement-breakpoint
CREATE INDEX `customers_phone_idx` ON `customers` (`phone`);--> statement-breakpoint
CREATE INDEX `customers_alt_phone_idx` ON `customers` (`alt_phone`);--> statement-breakpoint
CREATE INDEX `customers_id_number_idx` ON `customers` (`id_number`);--> statement-breakpoint
CREATE INDEX `customers_credit_code_idx` ON `customers` (`credit_code`);--> statement-breakpoint
CREATE TABLE `meters` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`meter_no` text NOT NULL,
	`maker` text NOT NULL,
	`model` text NOT NULL,
	`card_type` text NOT NULL,
	`installed_on` text,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meters_meter_no_uq` ON `meters` (`meter_no`);--> statement-breakpoint
CREATE INDEX `meters_customer_idx` ON `meters` (`customer_id`);--> statement-breakpoint
CREATE TABLE `audit` (
	`id` text PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`operator_id` text,
	`approver_id` text,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`summary` text NOT NULL,
	`reason` text,
	`changes` text,
	`op_seq` integer,
	FOREIGN KEY (`op_seq`) REFERENCES `outbox`(`seq`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_op_idx` ON `audit` (`op_seq`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`counter_id` text NOT NULL,
	`type` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`payload` text NOT NULL,
	`operator_id` text NOT NULL,
	`approver_id` text,
	`hlc` text NOT NULL,
	`created_at` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_id_unique` ON `outbox` (`id`);--> statement-breakpoint
CREATE TABLE `staff` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`failed_logins` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_username_uq` ON `staff` (lower("username"));