-- The IANA time zone of a hall's business day (core/business-day.ts): the days of its counters' reconciliation
-- digests. Halls registered before it are in China's zone, the UTC+8 every digest day was computed in until now.
ALTER TABLE "halls" ADD COLUMN "time_zone" text DEFAULT 'Asia/Shanghai' NOT NULL;
