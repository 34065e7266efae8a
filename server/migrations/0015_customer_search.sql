-- Customer search at head office (server/visits/lookup.ts, 查询其他营业厅的用户): every reading of a query has an
-- index, so their OR is a BitmapOr of index scans instead of a scan of every customer's file.
--   the search keys (one trigram GIN): name and address lowercased, the digits of the phone and of the other
--   phone, the meter numbers; each reading that looks inside them (phone digits first or last, words of a name
--   or address, a meter number's start) asks `keys LIKE '%…%'` of it first and then its exact condition
--   an ID number or credit code: a btree on each (account numbers and cards already have theirs)
-- One GIN rather than one per field: an import or a push that rewrites a customer updates one trigram index.
-- pg_trgm is a trusted extension (PostgreSQL 13+); PGlite loads it from @electric-sql/pglite/contrib/pg_trgm.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX "customers_search_keys_trgm_idx" ON "customers" USING gin ((lower(
  COALESCE(data->>'name', '') || ' ' || COALESCE(data->>'fullAddress', '') || ' '
  || regexp_replace(COALESCE(data->>'phone', ''), '[^0-9]', '', 'g') || ' '
  || regexp_replace(COALESCE(data->>'altPhone', ''), '[^0-9]', '', 'g') || ' '
  || jsonb_path_query_array(data, '$.meters[*].meterNo')::text)) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "customers_id_number_idx" ON "customers" USING btree ((data->>'idNumber'));
--> statement-breakpoint
CREATE INDEX "customers_credit_code_idx" ON "customers" USING btree ((data->>'creditCode'));
