-- 核表请求 (usage referrals) pulled from head office, append-only; one work order per request.
CREATE TABLE `usage_referrals` (
	`id` text PRIMARY KEY NOT NULL,
	`no` text NOT NULL,
	`customer_id` text NOT NULL,
	`account_no` text NOT NULL,
	`name` text NOT NULL,
	`address` text NOT NULL,
	`month` text NOT NULL,
	`flags` text NOT NULL,
	`description` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `usage_referrals_created_idx` ON `usage_referrals` (`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `work_orders_referral_once_idx` ON `work_orders` (`source_id`) WHERE source_type = 'referral';--> statement-breakpoint
CREATE TRIGGER `usage_referrals_no_update` BEFORE UPDATE ON `usage_referrals` BEGIN SELECT RAISE(ABORT, 'usage_referrals are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `usage_referrals_no_delete` BEFORE DELETE ON `usage_referrals` BEGIN SELECT RAISE(ABORT, 'usage_referrals are append-only'); END;
