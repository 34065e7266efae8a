CREATE TABLE `sync_conflicts` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`entity_id` text NOT NULL,
	`field` text,
	`status` text NOT NULL,
	`detail` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_digests` (
	`day` text PRIMARY KEY NOT NULL,
	`count` integer NOT NULL,
	`amount` integer NOT NULL,
	`volume` integer NOT NULL,
	`ids_hash` text NOT NULL,
	`last_seq` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_findings` (
	`kind` text NOT NULL,
	`key` text NOT NULL,
	`field` text NOT NULL,
	`detail` text NOT NULL,
	`at` text NOT NULL,
	PRIMARY KEY(`kind`, `key`)
);
--> statement-breakpoint
CREATE TABLE `sync_quarantine` (
	`seq` integer PRIMARY KEY NOT NULL,
	`op_id` text NOT NULL,
	`type` text NOT NULL,
	`code` text NOT NULL,
	`reason` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`server_url` text NOT NULL,
	`slot_id` text NOT NULL,
	`public_key` text NOT NULL,
	`enrolled_at` text NOT NULL,
	`acked_seq` integer DEFAULT 0 NOT NULL,
	`pull_cursor` integer DEFAULT 0 NOT NULL,
	`knowledge_seq` integer DEFAULT 0 NOT NULL,
	`digested_seq` integer DEFAULT 0 NOT NULL,
	`clock_offset_ms` integer,
	`last_attempt_at` text,
	`last_success_at` text,
	`last_error_code` text,
	`last_error_message` text,
	`last_error_at` text,
	`nightly_at` text DEFAULT '22:30' NOT NULL,
	`interval_minutes` integer DEFAULT 5 NOT NULL
);
