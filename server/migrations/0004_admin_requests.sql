CREATE TABLE "admin_requests" (
	"request_id" text PRIMARY KEY NOT NULL,
	"route" text NOT NULL,
	"input_hash" text NOT NULL,
	"result" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
