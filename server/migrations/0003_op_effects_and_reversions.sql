CREATE TABLE "op_effects" (
	"op_id" text PRIMARY KEY NOT NULL,
	"counter_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"effects" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reversions" (
	"op_id" text PRIMARY KEY NOT NULL,
	"counter_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"request_id" text NOT NULL,
	"reason" text NOT NULL,
	"by" text NOT NULL,
	"result" jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "op_effects_counter_seq_idx" ON "op_effects" USING btree ("counter_id","seq");--> statement-breakpoint
CREATE INDEX "sales_corrects_idx" ON "sales" USING btree ("corrects_sale_id");