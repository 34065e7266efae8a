-- 零散报装 (small installation applications), their steps and which attachments head office holds; all append-only.
CREATE TABLE `attachment_uploads` (
	`sha256` text PRIMARY KEY NOT NULL,
	`uploaded_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `installation_steps` (
	`id` text PRIMARY KEY NOT NULL,
	`installation_id` text NOT NULL,
	`step_no` integer NOT NULL,
	`action` text NOT NULL,
	`status_after` text NOT NULL,
	`result` text NOT NULL,
	`sale_id` text,
	`customer_id` text,
	`attachments` text NOT NULL,
	`operator_id` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`installation_id`) REFERENCES `installations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `installation_steps_no_idx` ON `installation_steps` (`installation_id`,`step_no`);--> statement-breakpoint
CREATE TABLE `installations` (
	`id` text PRIMARY KEY NOT NULL,
	`no` text NOT NULL,
	`customer_id` text,
	`account_no` text,
	`name` text NOT NULL,
	`phone` text NOT NULL,
	`address` text NOT NULL,
	`request` text NOT NULL,
	`attachments` text NOT NULL,
	`operator_id` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `installations_no_idx` ON `installations` (`no`);--> statement-breakpoint
CREATE INDEX `installations_at_idx` ON `installations` (`created_at`);--> statement-breakpoint
CREATE TRIGGER `installations_no_update` BEFORE UPDATE ON `installations` BEGIN SELECT RAISE(ABORT, 'installations are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `installations_no_delete` BEFORE DELETE ON `installations` BEGIN SELECT RAISE(ABORT, 'installations are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `installation_steps_no_update` BEFORE UPDATE ON `installation_steps` BEGIN SELECT RAISE(ABORT, 'installation_steps are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `installation_steps_no_delete` BEFORE DELETE ON `installation_steps` BEGIN SELECT RAISE(ABORT, 'installation_steps are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `attachment_uploads_no_update` BEFORE UPDATE ON `attachment_uploads` BEGIN SELECT RAISE(ABORT, 'attachment_uploads are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `attachment_uploads_no_delete` BEFORE DELETE ON `attachment_uploads` BEGIN SELECT RAISE(ABORT, 'attachment_uploads are append-only'); END;
