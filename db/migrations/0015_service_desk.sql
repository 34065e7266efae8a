-- The service desk (服务台): business-type versions, acceptances, complaints, their steps and 回访; all append-only.
CREATE TABLE `acceptances` (
	`id` text PRIMARY KEY NOT NULL,
	`no` text NOT NULL,
	`type_code` text NOT NULL,
	`type_name` text NOT NULL,
	`channel` text NOT NULL,
	`customer_id` text,
	`account_no` text,
	`name` text NOT NULL,
	`phone` text NOT NULL,
	`address` text NOT NULL,
	`asked` text NOT NULL,
	`answered` text NOT NULL,
	`documents` text NOT NULL,
	`next_step` text NOT NULL,
	`prepare` text NOT NULL,
	`sale_id` text,
	`operator_id` text NOT NULL,
	`business_date` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `acceptances_no_idx` ON `acceptances` (`no`);--> statement-breakpoint
CREATE INDEX `acceptances_customer_idx` ON `acceptances` (`customer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `acceptances_created_idx` ON `acceptances` (`created_at`);--> statement-breakpoint
CREATE TABLE `complaint_steps` (
	`id` text PRIMARY KEY NOT NULL,
	`complaint_id` text NOT NULL,
	`step_no` integer NOT NULL,
	`action` text NOT NULL,
	`status_after` text NOT NULL,
	`justified` integer,
	`team` text,
	`text` text NOT NULL,
	`operator_id` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complaint_steps_no_idx` ON `complaint_steps` (`complaint_id`,`step_no`);--> statement-breakpoint
CREATE TABLE `complaints` (
	`id` text PRIMARY KEY NOT NULL,
	`no` text NOT NULL,
	`channel` text NOT NULL,
	`customer_id` text,
	`account_no` text,
	`name` text NOT NULL,
	`phone` text NOT NULL,
	`address` text NOT NULL,
	`category` text NOT NULL,
	`details` text NOT NULL,
	`due_at` text NOT NULL,
	`operator_id` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complaints_no_idx` ON `complaints` (`no`);--> statement-breakpoint
CREATE INDEX `complaints_created_idx` ON `complaints` (`created_at`);--> statement-breakpoint
CREATE TABLE `followups` (
	`id` text PRIMARY KEY NOT NULL,
	`complaint_id` text NOT NULL,
	`outcome` text NOT NULL,
	`satisfaction` text,
	`text` text NOT NULL,
	`operator_id` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `followups_complaint_idx` ON `followups` (`complaint_id`,`at`);--> statement-breakpoint
CREATE TABLE `service_types` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`version` integer NOT NULL,
	`name` text NOT NULL,
	`prepare` text NOT NULL,
	`active` integer NOT NULL,
	`saved_by` text NOT NULL,
	`saved_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `service_types_code_version_idx` ON `service_types` (`code`,`version`);--> statement-breakpoint
CREATE TRIGGER `service_types_no_update` BEFORE UPDATE ON `service_types` BEGIN SELECT RAISE(ABORT, 'business-type versions are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `service_types_no_delete` BEFORE DELETE ON `service_types` BEGIN SELECT RAISE(ABORT, 'business-type versions are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `acceptances_no_update` BEFORE UPDATE ON `acceptances` BEGIN SELECT RAISE(ABORT, 'acceptances are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `acceptances_no_delete` BEFORE DELETE ON `acceptances` BEGIN SELECT RAISE(ABORT, 'acceptances are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `complaints_no_update` BEFORE UPDATE ON `complaints` BEGIN SELECT RAISE(ABORT, 'complaints are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `complaints_no_delete` BEFORE DELETE ON `complaints` BEGIN SELECT RAISE(ABORT, 'complaints are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `complaint_steps_no_update` BEFORE UPDATE ON `complaint_steps` BEGIN SELECT RAISE(ABORT, 'complaint steps are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `complaint_steps_no_delete` BEFORE DELETE ON `complaint_steps` BEGIN SELECT RAISE(ABORT, 'complaint steps are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `followups_no_update` BEFORE UPDATE ON `followups` BEGIN SELECT RAISE(ABORT, 'follow-ups are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `followups_no_delete` BEFORE DELETE ON `followups` BEGIN SELECT RAISE(ABORT, 'follow-ups are append-only'); END;
