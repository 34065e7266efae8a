-- Head office's steps (总部改派、总部结案) on this counter's complaints and work orders, pulled from the feed; append-only.
CREATE TABLE `head_office_steps` (
	`id` text PRIMARY KEY NOT NULL,
	`record_kind` text NOT NULL,
	`record_id` text NOT NULL,
	`ho_no` integer NOT NULL,
	`after_step_no` integer NOT NULL,
	`action` text NOT NULL,
	`team` text,
	`assignee` text,
	`reason` text NOT NULL,
	`by` text NOT NULL,
	`at` text NOT NULL,
	`pulled_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `head_office_steps_no_idx` ON `head_office_steps` (`record_id`,`ho_no`);--> statement-breakpoint
CREATE INDEX `head_office_steps_close_idx` ON `head_office_steps` (`record_id`,`action`);--> statement-breakpoint
CREATE TRIGGER `head_office_steps_no_update` BEFORE UPDATE ON `head_office_steps` BEGIN SELECT RAISE(ABORT, 'head-office steps are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `head_office_steps_no_delete` BEFORE DELETE ON `head_office_steps` BEGIN SELECT RAISE(ABORT, 'head-office steps are append-only'); END;
