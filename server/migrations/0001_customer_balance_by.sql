-- Per counter, the part of a customer's balance that counter's sales made: each counter subtracts its own
-- (which it knows from its own sales) from the balance head office publishes.
ALTER TABLE "customers" ADD COLUMN "balance_by" jsonb DEFAULT '{}'::jsonb NOT NULL;