-- Who closed a shift (a supervisor may close a shift its cashier left open) and who approved a difference above
-- the tolerance; a deposit recorded after its day's close is marked late (补录). Shifts closed before this
-- migration were closed by their own operator: closed_by stays NULL for them and reads as the operator.
ALTER TABLE `bank_deposits` ADD `late` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `shifts` ADD `closed_by` text;--> statement-breakpoint
ALTER TABLE `shifts` ADD `approved_by` text;
