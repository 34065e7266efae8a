CREATE SEQUENCE "public"."feed_cursor_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "cards" (
	"card_no" text PRIMARY KEY NOT NULL,
	"id" text NOT NULL,
	"hall_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"format_id" text NOT NULL,
	"region" integer NOT NULL,
	"status" text NOT NULL,
	"issued_at" text NOT NULL,
	"issued_by" text NOT NULL,
	"counter_id" text NOT NULL,
	"blocked_at" text,
	"blocked_reason" text
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" text PRIMARY KEY NOT NULL,
	"hall_id" text NOT NULL,
	"account_no" text NOT NULL,
	"data" jsonb NOT NULL,
	"field_meta" jsonb NOT NULL,
	"updated_hlc" text NOT NULL,
	"origin_counter_id" text NOT NULL,
	"balance" bigint DEFAULT 0 NOT NULL,
	"purchase_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meter_readings" (
	"id" text PRIMARY KEY NOT NULL,
	"counter_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"card_no" text NOT NULL,
	"meter_no" text NOT NULL,
	"loaded_count" integer NOT NULL,
	"remaining" bigint NOT NULL,
	"cumulative_used" bigint NOT NULL,
	"status" jsonb NOT NULL,
	"read_at" bigint NOT NULL,
	"recorded_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "purchase_counts" (
	"customer_id" text NOT NULL,
	"count" integer NOT NULL,
	"card_no" text NOT NULL,
	"counter_id" text NOT NULL,
	"op_id" text NOT NULL,
	CONSTRAINT "purchase_counts_customer_id_count_pk" PRIMARY KEY("customer_id","count")
);
--> statement-breakpoint
CREATE TABLE "sale_lines" (
	"sale_id" text NOT NULL,
	"line_no" integer NOT NULL,
	"kind" text NOT NULL,
	"tier" integer,
	"fee_item_id" text,
	"name" text NOT NULL,
	"volume" bigint,
	"price_li" bigint,
	"qty" integer,
	"amount" bigint NOT NULL,
	CONSTRAINT "sale_lines_sale_id_line_no_pk" PRIMARY KEY("sale_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "sale_tenders" (
	"sale_id" text NOT NULL,
	"line_no" integer NOT NULL,
	"method" text NOT NULL,
	"amount" bigint NOT NULL,
	"received" bigint,
	"change" bigint NOT NULL,
	"reference" text,
	CONSTRAINT "sale_tenders_sale_id_line_no_pk" PRIMARY KEY("sale_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "sales" (
	"id" text PRIMARY KEY NOT NULL,
	"counter_id" text NOT NULL,
	"op_seq" bigint NOT NULL,
	"receipt_no" text NOT NULL,
	"invoice_no" text,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"customer_id" text,
	"user_class" text,
	"shift_id" text NOT NULL,
	"business_date" text NOT NULL,
	"operator_id" text NOT NULL,
	"approver_id" text,
	"volume" bigint NOT NULL,
	"amount" bigint NOT NULL,
	"balance_used" bigint NOT NULL,
	"balance_added" bigint NOT NULL,
	"amount_paid" bigint NOT NULL,
	"price_version_id" text,
	"corrects_sale_id" text,
	"reason" text,
	"created_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shifts" (
	"id" text PRIMARY KEY NOT NULL,
	"counter_id" text NOT NULL,
	"operator_id" text NOT NULL,
	"business_date" text NOT NULL,
	"opened_at" text NOT NULL,
	"float" bigint NOT NULL,
	"status" text NOT NULL,
	"closed_at" text,
	"counted" bigint,
	"expected" bigint,
	"difference" bigint,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "conflicts" (
	"id" text PRIMARY KEY NOT NULL,
	"hall_id" text NOT NULL,
	"kind" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"field" text,
	"current" jsonb,
	"incoming" jsonb,
	"current_counter_id" text,
	"incoming_counter_id" text NOT NULL,
	"op_id" text NOT NULL,
	"status" text NOT NULL,
	"resolution" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fee_items" (
	"code" text PRIMARY KEY NOT NULL,
	"id" text NOT NULL,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feed" (
	"hall_id" text NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"cursor" bigint NOT NULL,
	"data" text NOT NULL,
	"origin_counter_id" text,
	CONSTRAINT "feed_hall_id_kind_key_pk" PRIMARY KEY("hall_id","kind","key"),
	CONSTRAINT "feed_cursor_unique" UNIQUE("cursor")
);
--> statement-breakpoint
CREATE TABLE "price_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff" (
	"id" text PRIMARY KEY NOT NULL,
	"hall_id" text NOT NULL,
	"username" text NOT NULL,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "day_digests" (
	"counter_id" text NOT NULL,
	"day" text NOT NULL,
	"count" integer NOT NULL,
	"amount" bigint NOT NULL,
	"volume" bigint NOT NULL,
	"ids_hash" text NOT NULL,
	"last_seq" bigint NOT NULL,
	CONSTRAINT "day_digests_counter_id_day_pk" PRIMARY KEY("counter_id","day")
);
--> statement-breakpoint
CREATE TABLE "ops" (
	"counter_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"id" text NOT NULL,
	"type" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"payload" text NOT NULL,
	"operator_id" text NOT NULL,
	"approver_id" text,
	"hlc" text NOT NULL,
	"created_at" text NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"state" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ops_counter_id_seq_pk" PRIMARY KEY("counter_id","seq"),
	CONSTRAINT "ops_id_unique" UNIQUE("id")
);
--> statement-breakpoint
CREATE TABLE "quarantine" (
	"op_id" text PRIMARY KEY NOT NULL,
	"counter_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"type" text NOT NULL,
	"code" text NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reconciliation_issues" (
	"counter_id" text NOT NULL,
	"day" text NOT NULL,
	"field" text NOT NULL,
	"detail" jsonb NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reconciliation_issues_counter_id_day_pk" PRIMARY KEY("counter_id","day")
);
--> statement-breakpoint
CREATE TABLE "admin_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "counter_knowledge" (
	"counter_id" text NOT NULL,
	"after_seq" bigint NOT NULL,
	"cursor" bigint NOT NULL,
	CONSTRAINT "counter_knowledge_counter_id_after_seq_pk" PRIMARY KEY("counter_id","after_seq")
);
--> statement-breakpoint
CREATE TABLE "counters" (
	"slot_id" text PRIMARY KEY NOT NULL,
	"hall_id" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"state" text NOT NULL,
	"counter_id" text,
	"public_key" text,
	"enrolled_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"head_seq" bigint DEFAULT 0 NOT NULL,
	"head_hash" text DEFAULT repeat('0', 64) NOT NULL,
	"last_seen_at" timestamp with time zone,
	"clock_skew_ms" bigint,
	"alert" text,
	CONSTRAINT "counters_counter_id_unique" UNIQUE("counter_id")
);
--> statement-breakpoint
CREATE TABLE "enrollment_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"slot_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "halls" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "halls_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "nonces" (
	"counter_id" text NOT NULL,
	"nonce" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "nonces_counter_id_nonce_pk" PRIMARY KEY("counter_id","nonce")
);
--> statement-breakpoint
ALTER TABLE "counters" ADD CONSTRAINT "counters_hall_id_halls_id_fk" FOREIGN KEY ("hall_id") REFERENCES "public"."halls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollment_codes" ADD CONSTRAINT "enrollment_codes_slot_id_counters_slot_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."counters"("slot_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cards_customer_idx" ON "cards" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "customers_hall_account_idx" ON "customers" USING btree ("hall_id","account_no");--> statement-breakpoint
CREATE INDEX "sales_counter_date_idx" ON "sales" USING btree ("counter_id","business_date");--> statement-breakpoint
CREATE INDEX "conflicts_status_idx" ON "conflicts" USING btree ("status");--> statement-breakpoint
CREATE INDEX "conflicts_entity_idx" ON "conflicts" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "feed_hall_cursor_idx" ON "feed" USING btree ("hall_id","cursor");--> statement-breakpoint
CREATE UNIQUE INDEX "counters_hall_code_uq" ON "counters" USING btree ("hall_id","code");--> statement-breakpoint
CREATE INDEX "nonces_expires_idx" ON "nonces" USING btree ("expires_at");