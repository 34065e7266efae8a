CREATE TABLE "import_batches" (
	"id" text PRIMARY KEY NOT NULL,
	"request_id" text NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"status" text NOT NULL,
	"options" jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"skipped" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rows_done" integer DEFAULT 0 NOT NULL,
	"revert_of" text,
	"reverted_by" text,
	"created_at" text NOT NULL,
	"finished_at" text,
	CONSTRAINT "import_batches_request_id_unique" UNIQUE("request_id")
);
--> statement-breakpoint
CREATE TABLE "import_changes" (
	"batch_id" text NOT NULL,
	"row_no" integer NOT NULL,
	"kind" text NOT NULL,
	"legacy_id" text NOT NULL,
	"action" text NOT NULL,
	"before" jsonb,
	"balance_delta" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "import_changes_batch_id_row_no_kind_pk" PRIMARY KEY("batch_id","row_no","kind")
);
--> statement-breakpoint
CREATE TABLE "import_mappings" (
	"kind" text PRIMARY KEY NOT NULL,
	"mapping" jsonb NOT NULL,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_records" (
	"kind" text NOT NULL,
	"legacy_id" text NOT NULL,
	"entity_id" text NOT NULL,
	"hall_id" text NOT NULL,
	"row_hash" text NOT NULL,
	"data" jsonb NOT NULL,
	"batch_id" text NOT NULL,
	CONSTRAINT "import_records_kind_legacy_id_pk" PRIMARY KEY("kind","legacy_id")
);
--> statement-breakpoint
CREATE INDEX "import_batches_created_idx" ON "import_batches" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "import_records_entity_idx" ON "import_records" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "customers_account_idx" ON "customers" USING btree ("account_no");