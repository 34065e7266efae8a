-- 预约上门 (appointments): bookings into a field team's slots and their steps (改约, 取消); both append-only.
CREATE TABLE `appointment_steps` (
	`id` text PRIMARY KEY NOT NULL,
	`appointment_id` text NOT NULL,
	`step_no` integer NOT NULL,
	`action` text NOT NULL,
	`status_after` text NOT NULL,
	`date` text NOT NULL,
	`slot` text NOT NULL,
	`team` text NOT NULL,
	`reason` text NOT NULL,
	`operator_id` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`appointment_id`) REFERENCES `appointments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `appointment_steps_no_idx` ON `appointment_steps` (`appointment_id`,`step_no`);--> statement-breakpoint
CREATE INDEX `appointment_steps_day_idx` ON `appointment_steps` (`date`,`team`,`slot`);--> statement-breakpoint
CREATE TABLE `appointments` (
	`id` text PRIMARY KEY NOT NULL,
	`no` text NOT NULL,
	`kind` text NOT NULL,
	`customer_id` text,
	`account_no` text,
	`name` text NOT NULL,
	`phone` text NOT NULL,
	`address` text NOT NULL,
	`notes` text NOT NULL,
	`date` text NOT NULL,
	`slot` text NOT NULL,
	`team` text NOT NULL,
	`operator_id` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `appointments_no_idx` ON `appointments` (`no`);--> statement-breakpoint
CREATE INDEX `appointments_day_idx` ON `appointments` (`date`,`team`,`slot`);--> statement-breakpoint
CREATE INDEX `appointments_customer_idx` ON `appointments` (`customer_id`,`created_at`);--> statement-breakpoint
CREATE TRIGGER `appointments_no_update` BEFORE UPDATE ON `appointments` BEGIN SELECT RAISE(ABORT, 'appointments are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `appointments_no_delete` BEFORE DELETE ON `appointments` BEGIN SELECT RAISE(ABORT, 'appointments are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `appointment_steps_no_update` BEFORE UPDATE ON `appointment_steps` BEGIN SELECT RAISE(ABORT, 'appointment_steps are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `appointment_steps_no_delete` BEFORE DELETE ON `appointment_steps` BEGIN SELECT RAISE(ABORT, 'appointment_steps are append-only'); END;
