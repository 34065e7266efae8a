-- The counted operations (opened, acceptance, reprint, deposit) are added to report_days by the push itself,
-- under the counter's lock (server/push/report-ops.ts), no longer by a trigger when the ops rows go in: that
-- trigger ran before a batch waited for the one ahead of it and held the counter-day's report_days rows until
-- commit, so the next batch of the same counter waited on them and batches stopped overlapping (the push fell
-- to a fifth). The update trigger stays: a state change (quarantine, its release) moves the counts as before.
DROP TRIGGER report_ops_ins ON ops;
