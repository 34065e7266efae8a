CREATE TABLE `customer_peer_use` (
	`customer_id` text PRIMARY KEY NOT NULL,
	`by_day` text NOT NULL
);
