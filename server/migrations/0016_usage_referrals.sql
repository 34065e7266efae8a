-- 核表请求 (usage referrals): a usage-analysis suspect sent to its hall for a work order, once per household and month.
CREATE TABLE "usage_referrals" (
	"id" text PRIMARY KEY NOT NULL,
	"no" text NOT NULL,
	"hall_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"account_no" text NOT NULL,
	"month" text NOT NULL,
	"flags" jsonb NOT NULL,
	"description" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "usage_referrals_once_idx" ON "usage_referrals" USING btree ("customer_id","month");--> statement-breakpoint
CREATE INDEX "usage_referrals_hall_idx" ON "usage_referrals" USING btree ("hall_id","month");