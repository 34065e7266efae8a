-- A push's sales, with their lines and tenders, are added to report_days by the push itself, summed in Node in
-- the same statement that writes them under the counter's lock (server/push/report-days.ts; head office's
-- correcting sales by server/admin/revert.ts), no longer by statement triggers: the triggers re-read each
-- statement's transition tables and upserted once per table, about a fifth of a push's time
-- (`npm run bench -- sync push1`). The update trigger on sales stays: a sale's later change of status
-- (a card-write outcome) moves its figures as before.
DROP TRIGGER report_sales_ins ON sales;
--> statement-breakpoint
DROP TRIGGER report_lines_ins ON sale_lines;
--> statement-breakpoint
DROP TRIGGER report_tenders_ins ON sale_tenders;
--> statement-breakpoint
DROP FUNCTION report_lines_inserted();
--> statement-breakpoint
DROP FUNCTION report_tenders_inserted();
