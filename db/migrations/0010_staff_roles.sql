-- A person may hold several roles (e.g. 客服员 and 收费员 at a one-person window): `roles` is a JSON array in
-- ROLES order (core/domain/roles.ts). Every existing account keeps its one role.
ALTER TABLE `staff` ADD `roles` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
UPDATE `staff` SET `roles` = json_array(`role`);--> statement-breakpoint
ALTER TABLE `staff` DROP COLUMN `role`;
