CREATE TABLE `customer_id_photos` (
	`customer_id` text PRIMARY KEY NOT NULL,
	`photo` blob NOT NULL,
	`mime` text NOT NULL,
	`taken_at` text NOT NULL,
	`operator_id` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
