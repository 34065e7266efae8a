CREATE TABLE "service_records" (
	"id" text PRIMARY KEY NOT NULL,
	"hall_id" text NOT NULL,
	"counter_id" text NOT NULL,
	"kind" text NOT NULL,
	"no" text NOT NULL,
	"customer_id" text,
	"status" text,
	"step_count" integer DEFAULT 0 NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "service_records_hall_idx" ON "service_records" USING btree ("hall_id","kind","status");