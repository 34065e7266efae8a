CREATE TABLE `request_results` (
	`request_id` text PRIMARY KEY NOT NULL,
	`ok` integer NOT NULL,
	`body` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`request_id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `requests` (
	`request_id` text PRIMARY KEY NOT NULL,
	`op` text NOT NULL,
	`input_hash` text NOT NULL,
	`staff_id` text,
	`first_seq` integer,
	`entity_type` text,
	`entity_id` text,
	`at` text NOT NULL
);
--> statement-breakpoint
-- Both are append-only: a request is recorded once, and so is its answer.
CREATE TRIGGER `requests_no_update` BEFORE UPDATE ON `requests` BEGIN SELECT RAISE(ABORT, 'requests are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `requests_no_delete` BEFORE DELETE ON `requests` BEGIN SELECT RAISE(ABORT, 'requests are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `request_results_no_update` BEFORE UPDATE ON `request_results` BEGIN SELECT RAISE(ABORT, 'answers are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `request_results_no_delete` BEFORE DELETE ON `request_results` BEGIN SELECT RAISE(ABORT, 'answers are append-only'); END;
