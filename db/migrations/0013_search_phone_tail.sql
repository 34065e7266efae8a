ALTER TABLE `customers` ADD `phone_tail` text GENERATED ALWAYS AS (substr(phone, -4)) VIRTUAL;--> statement-breakpoint
ALTER TABLE `customers` ADD `alt_phone_tail` text GENERATED ALWAYS AS (substr(alt_phone, -4)) VIRTUAL;--> statement-breakpoint
CREATE INDEX `customers_phone_tail_idx` ON `customers` (`phone_tail`);--> statement-breakpoint
CREATE INDEX `customers_alt_phone_tail_idx` ON `customers` (`alt_phone_tail`);