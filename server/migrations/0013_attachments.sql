-- Attachment files uploaded by counters (POST /v1/attachments), kept by SHA-256.
CREATE TABLE "attachments" (
	"sha256" text PRIMARY KEY NOT NULL,
	"hall_id" text NOT NULL,
	"counter_id" text NOT NULL,
	"size" integer NOT NULL,
	"mime" text NOT NULL,
	"data" "bytea" NOT NULL,
	"received_at" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "attachments_hall_idx" ON "attachments" USING btree ("hall_id");