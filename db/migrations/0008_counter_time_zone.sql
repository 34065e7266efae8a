-- The IANA time zone of the counter's business day (core/business-day.ts): given at setup, then the hall's as head
-- office answers it at enrollment. Counters set up before it (which used the computer's own zone) are in China's,
-- the zone their halls at head office get too.
ALTER TABLE `counter_info` ADD `time_zone` text DEFAULT 'Asia/Shanghai' NOT NULL;
