ALTER TABLE `customers` ADD `phone_digits` text GENERATED ALWAYS AS (replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '+86', '')) VIRTUAL;--> statement-breakpoint
ALTER TABLE `customers` ADD `alt_phone_digits` text GENERATED ALWAYS AS (replace(replace(replace(replace(replace(alt_phone, ' ', ''), '-', ''), '(', ''), ')', ''), '+86', '')) VIRTUAL;--> statement-breakpoint
CREATE INDEX `customers_phone_digits_idx` ON `customers` (`phone_digits`);--> statement-breakpoint
CREATE INDEX `customers_alt_phone_digits_idx` ON `customers` (`alt_phone_digits`);