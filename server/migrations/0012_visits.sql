CREATE TABLE "company_settings" (
	"id" text PRIMARY KEY NOT NULL,
	"pull_scope" text DEFAULT 'hall' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_visits" (
	"counter_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"hall_id" text NOT NULL,
	"first_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_visits_counter_id_customer_id_pk" PRIMARY KEY("counter_id","customer_id")
);
--> statement-breakpoint
CREATE INDEX "customer_visits_customer_idx" ON "customer_visits" USING btree ("customer_id");