-- Search by the start of a name, and of the address from each of its parts (community, building, unit) and by
-- room: prefix ranges on these indexes answer what a clerk types (db/search.ts).
-- The generated columns are derived, never written.
ALTER TABLE `customers` ADD `address_from_community` text GENERATED ALWAYS AS (substr(full_address, length(district) + 1)) VIRTUAL;--> statement-breakpoint
ALTER TABLE `customers` ADD `address_from_building` text GENERATED ALWAYS AS (substr(full_address, length(district) + length(community) + 1)) VIRTUAL;--> statement-breakpoint
ALTER TABLE `customers` ADD `address_from_unit` text GENERATED ALWAYS AS (substr(full_address, length(district) + length(community) + length(building) +
  CASE WHEN substr(building, -1) IN ('栋', '幢', '号', '楼') THEN 1 ELSE 2 END)) VIRTUAL;--> statement-breakpoint
CREATE INDEX `customers_name_idx` ON `customers` (`name`);--> statement-breakpoint
CREATE INDEX `customers_full_address_idx` ON `customers` (`full_address`);--> statement-breakpoint
CREATE INDEX `customers_address_from_community_idx` ON `customers` (`address_from_community`);--> statement-breakpoint
CREATE INDEX `customers_address_from_building_idx` ON `customers` (`address_from_building`);--> statement-breakpoint
CREATE INDEX `customers_address_from_unit_idx` ON `customers` (`address_from_unit`);--> statement-breakpoint
CREATE INDEX `customers_room_idx` ON `customers` (`room`);