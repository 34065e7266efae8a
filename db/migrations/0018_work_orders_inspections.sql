-- 工单 (work orders) and their steps, the faulty-meter register, 安检 and hazard rectifications; all append-only.
CREATE TABLE `meter_faults` (
	`id` text PRIMARY KEY NOT NULL,
	`meter_no` text NOT NULL,
	`customer_id` text NOT NULL,
	`work_order_id` text NOT NULL,
	`fault` text NOT NULL,
	`action` text NOT NULL,
	`note` text NOT NULL,
	`date` text NOT NULL,
	`operator_id` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`work_order_id`) REFERENCES `work_orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meter_faults_meter_idx` ON `meter_faults` (`meter_no`,`at`);--> statement-breakpoint
CREATE INDEX `meter_faults_at_idx` ON `meter_faults` (`at`);--> statement-breakpoint
CREATE TABLE `work_order_steps` (
	`id` text PRIMARY KEY NOT NULL,
	`work_order_id` text NOT NULL,
	`step_no` integer NOT NULL,
	`action` text NOT NULL,
	`status_after` text NOT NULL,
	`team` text,
	`assignee` text,
	`text` text NOT NULL,
	`materials` text NOT NULL,
	`sale_id` text,
	`new_meter_no` text,
	`operator_id` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`work_order_id`) REFERENCES `work_orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `work_order_steps_no_idx` ON `work_order_steps` (`work_order_id`,`step_no`);--> statement-breakpoint
CREATE TABLE `work_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`no` text NOT NULL,
	`kind` text NOT NULL,
	`source_type` text NOT NULL,
	`source_id` text NOT NULL,
	`source_no` text NOT NULL,
	`customer_id` text,
	`account_no` text,
	`name` text NOT NULL,
	`phone` text NOT NULL,
	`address` text NOT NULL,
	`meter_no` text,
	`description` text NOT NULL,
	`operator_id` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `work_orders_no_idx` ON `work_orders` (`no`);--> statement-breakpoint
CREATE INDEX `work_orders_customer_idx` ON `work_orders` (`customer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `work_orders_source_idx` ON `work_orders` (`source_id`);--> statement-breakpoint
CREATE TABLE `inspection_rectifications` (
	`id` text PRIMARY KEY NOT NULL,
	`inspection_id` text NOT NULL,
	`rectified_on` text NOT NULL,
	`checker` text NOT NULL,
	`note` text NOT NULL,
	`operator_id` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`inspection_id`) REFERENCES `inspections`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inspection_rectifications_once_idx` ON `inspection_rectifications` (`inspection_id`);--> statement-breakpoint
CREATE TABLE `inspections` (
	`id` text PRIMARY KEY NOT NULL,
	`no` text NOT NULL,
	`customer_id` text NOT NULL,
	`account_no` text NOT NULL,
	`name` text NOT NULL,
	`phone` text NOT NULL,
	`address` text NOT NULL,
	`date` text NOT NULL,
	`inspector` text NOT NULL,
	`result` text NOT NULL,
	`items` text NOT NULL,
	`hazards` text NOT NULL,
	`deadline` text,
	`work_order_id` text,
	`notes` text NOT NULL,
	`operator_id` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inspections_no_idx` ON `inspections` (`no`);--> statement-breakpoint
CREATE INDEX `inspections_customer_idx` ON `inspections` (`customer_id`,`date`);--> statement-breakpoint
CREATE TRIGGER `work_orders_no_update` BEFORE UPDATE ON `work_orders` BEGIN SELECT RAISE(ABORT, 'work_orders are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `work_orders_no_delete` BEFORE DELETE ON `work_orders` BEGIN SELECT RAISE(ABORT, 'work_orders are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `work_order_steps_no_update` BEFORE UPDATE ON `work_order_steps` BEGIN SELECT RAISE(ABORT, 'work_order_steps are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `work_order_steps_no_delete` BEFORE DELETE ON `work_order_steps` BEGIN SELECT RAISE(ABORT, 'work_order_steps are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `meter_faults_no_update` BEFORE UPDATE ON `meter_faults` BEGIN SELECT RAISE(ABORT, 'meter_faults are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `meter_faults_no_delete` BEFORE DELETE ON `meter_faults` BEGIN SELECT RAISE(ABORT, 'meter_faults are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `inspections_no_update` BEFORE UPDATE ON `inspections` BEGIN SELECT RAISE(ABORT, 'inspections are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `inspections_no_delete` BEFORE DELETE ON `inspections` BEGIN SELECT RAISE(ABORT, 'inspections are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `inspection_rectifications_no_update` BEFORE UPDATE ON `inspection_rectifications` BEGIN SELECT RAISE(ABORT, 'inspection_rectifications are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `inspection_rectifications_no_delete` BEFORE DELETE ON `inspection_rectifications` BEGIN SELECT RAISE(ABORT, 'inspection_rectifications are append-only'); END;
