CREATE TABLE `visiting_customers` (
	`customer_id` text PRIMARY KEY NOT NULL,
	`hall_code` text NOT NULL,
	`hall_name` text NOT NULL,
	`fetched_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
