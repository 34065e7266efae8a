-- Reports (core/reports): per counter and business day, the figures every period report sums, kept by
-- statement-level triggers in the transaction that writes the sales, lines, tenders and operations, so a
-- report reads a few rows per counter-day instead of the ledger. Keys: dim names the figure, key its group.
--   class / operator: gas net of reversals (n ±1, volume, amount), card_write_failed left out
--   tier: the same gas, from its gas lines; fee: fee lines of fee sales (n = qty)
--   tender: n tenders, amount taken (> 0), amount2 paid back (< 0, as a positive sum)
--   kind: kind|status of every sale (n, volume, amount = amount_paid)
--   opened, reprint: operations counted; acceptance: typeCode|typeName; deposit: n, amount
CREATE TABLE "report_days" (
	"dim" text NOT NULL,
	"business_date" text NOT NULL,
	"counter_id" text NOT NULL,
	"key" text NOT NULL,
	"n" bigint DEFAULT 0 NOT NULL,
	"volume" bigint DEFAULT 0 NOT NULL,
	"amount" bigint DEFAULT 0 NOT NULL,
	"amount2" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "report_days_dim_business_date_counter_id_key_pk" PRIMARY KEY("dim","business_date","counter_id","key")
);
--> statement-breakpoint
CREATE INDEX "shifts_date_idx" ON "shifts" USING btree ("business_date","counter_id");
--> statement-breakpoint
CREATE INDEX "ops_ledger_idx" ON "ops" USING btree ("created_at") WHERE "ops"."type" IN ('customer.opened', 'customer.transferred', 'meter.changed', 'customer.meterAdded', 'card.replaced', 'card.blocked', 'customer.suspended', 'customer.resumed', 'customer.closed');
--> statement-breakpoint
CREATE INDEX "ops_staff_idx" ON "ops" USING btree ("entity_id") WHERE "ops"."type" = 'staff.created';
--> statement-breakpoint
-- The trigger functions are PL/pgSQL with their statements written out (no SQL-function helpers): PL/pgSQL
-- keeps each statement's plan for the session, where a SQL function is planned again at every call.
CREATE FUNCTION report_sales() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
  WITH x AS (SELECT n.*, 1 AS sg FROM new_rows n),
  g AS (SELECT x.*, CASE WHEN x.kind = 'gas' THEN x.sg ELSE -x.sg END AS s FROM x
        WHERE x.kind IN ('gas', 'reversal') AND x.status <> 'card_write_failed'),
  t AS (
    SELECT 'class' AS dim, business_date, counter_id, coalesce(user_class, '') AS key, s AS n,
      s * abs(volume) AS v, s * abs(amount) AS a, 0 AS a2 FROM g
    UNION ALL SELECT 'operator', business_date, counter_id, operator_id, s, s * abs(volume), s * abs(amount), 0 FROM g
    UNION ALL SELECT 'kind', business_date, counter_id, kind || '|' || status, sg, sg * volume, sg * amount_paid, 0 FROM x)
  INSERT INTO report_days AS r (dim, business_date, counter_id, key, n, volume, amount, amount2)
  SELECT dim, business_date, counter_id, key, sum(n), sum(v), sum(a), sum(a2) FROM t
  GROUP BY dim, business_date, counter_id, key
  ON CONFLICT (dim, business_date, counter_id, key) DO UPDATE SET n = r.n + excluded.n,
    volume = r.volume + excluded.volume, amount = r.amount + excluded.amount, amount2 = r.amount2 + excluded.amount2;
  ELSE
  WITH x AS (SELECT o.*, -1 AS sg FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.status IS DISTINCT FROM n.status OR o.kind IS DISTINCT FROM n.kind
    UNION ALL SELECT n.*, 1 FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.status IS DISTINCT FROM n.status OR o.kind IS DISTINCT FROM n.kind),
  g AS (SELECT x.*, CASE WHEN x.kind = 'gas' THEN x.sg ELSE -x.sg END AS s FROM x
        WHERE x.kind IN ('gas', 'reversal') AND x.status <> 'card_write_failed'),
  t AS (
    SELECT 'class' AS dim, business_date, counter_id, coalesce(user_class, '') AS key, s AS n,
      s * abs(volume) AS v, s * abs(amount) AS a, 0 AS a2 FROM g
    UNION ALL SELECT 'operator', business_date, counter_id, operator_id, s, s * abs(volume), s * abs(amount), 0 FROM g
    UNION ALL SELECT 'kind', business_date, counter_id, kind || '|' || status, sg, sg * volume, sg * amount_paid, 0 FROM x)
  INSERT INTO report_days AS r (dim, business_date, counter_id, key, n, volume, amount, amount2)
  SELECT dim, business_date, counter_id, key, sum(n), sum(v), sum(a), sum(a2) FROM t
  GROUP BY dim, business_date, counter_id, key
  ON CONFLICT (dim, business_date, counter_id, key) DO UPDATE SET n = r.n + excluded.n,
    volume = r.volume + excluded.volume, amount = r.amount + excluded.amount, amount2 = r.amount2 + excluded.amount2;
  WITH l AS (SELECT * FROM sale_lines WHERE sale_id IN (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.status IS DISTINCT FROM n.status OR o.kind IS DISTINCT FROM n.kind)), s AS (SELECT o.*, -1 AS sg FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.status IS DISTINCT FROM n.status OR o.kind IS DISTINCT FROM n.kind
    UNION ALL SELECT n.*, 1 FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.status IS DISTINCT FROM n.status OR o.kind IS DISTINCT FROM n.kind),
  t AS (
    SELECT 'tier' AS dim, s.business_date, s.counter_id, coalesce(l.tier, 0)::text AS key, 0 AS n,
      (CASE WHEN s.kind = 'gas' THEN s.sg ELSE -s.sg END) * abs(coalesce(l.volume, 0)) AS v,
      (CASE WHEN s.kind = 'gas' THEN s.sg ELSE -s.sg END) * abs(l.amount) AS a, 0 AS a2
    FROM l JOIN s ON s.id = l.sale_id
    WHERE s.kind IN ('gas', 'reversal') AND s.status <> 'card_write_failed' AND l.kind = 'gas'
    UNION ALL SELECT 'fee', s.business_date, s.counter_id, l.name, s.sg * coalesce(l.qty, 1), 0, s.sg * l.amount, 0
    FROM l JOIN s ON s.id = l.sale_id WHERE s.kind = 'fee' AND l.kind = 'fee')
  INSERT INTO report_days AS r (dim, business_date, counter_id, key, n, volume, amount, amount2)
  SELECT dim, business_date, counter_id, key, sum(n), sum(v), sum(a), sum(a2) FROM t
  GROUP BY dim, business_date, counter_id, key
  ON CONFLICT (dim, business_date, counter_id, key) DO UPDATE SET n = r.n + excluded.n,
    volume = r.volume + excluded.volume, amount = r.amount + excluded.amount, amount2 = r.amount2 + excluded.amount2;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION report_lines_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH l AS (SELECT * FROM new_rows), s AS (SELECT x.*, 1 AS sg FROM sales x WHERE x.id IN (SELECT sale_id FROM new_rows)),
  t AS (
    SELECT 'tier' AS dim, s.business_date, s.counter_id, coalesce(l.tier, 0)::text AS key, 0 AS n,
      (CASE WHEN s.kind = 'gas' THEN s.sg ELSE -s.sg END) * abs(coalesce(l.volume, 0)) AS v,
      (CASE WHEN s.kind = 'gas' THEN s.sg ELSE -s.sg END) * abs(l.amount) AS a, 0 AS a2
    FROM l JOIN s ON s.id = l.sale_id
    WHERE s.kind IN ('gas', 'reversal') AND s.status <> 'card_write_failed' AND l.kind = 'gas'
    UNION ALL SELECT 'fee', s.business_date, s.counter_id, l.name, s.sg * coalesce(l.qty, 1), 0, s.sg * l.amount, 0
    FROM l JOIN s ON s.id = l.sale_id WHERE s.kind = 'fee' AND l.kind = 'fee')
  INSERT INTO report_days AS r (dim, business_date, counter_id, key, n, volume, amount, amount2)
  SELECT dim, business_date, counter_id, key, sum(n), sum(v), sum(a), sum(a2) FROM t
  GROUP BY dim, business_date, counter_id, key
  ON CONFLICT (dim, business_date, counter_id, key) DO UPDATE SET n = r.n + excluded.n,
    volume = r.volume + excluded.volume, amount = r.amount + excluded.amount, amount2 = r.amount2 + excluded.amount2;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION report_tenders_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_days AS r (dim, business_date, counter_id, key, n, volume, amount, amount2)
  SELECT 'tender', s.business_date, s.counter_id, t.method, count(*), 0, sum(greatest(t.amount, 0)),
    sum(greatest(-t.amount, 0))
  FROM new_rows t JOIN sales s ON s.id = t.sale_id
  GROUP BY s.business_date, s.counter_id, t.method
  ON CONFLICT (dim, business_date, counter_id, key) DO UPDATE SET n = r.n + excluded.n,
    amount = r.amount + excluded.amount, amount2 = r.amount2 + excluded.amount2;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION report_ops() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
  WITH o AS (SELECT x.counter_id, x.type, x.created_at, x.payload::jsonb AS p, x.sg FROM (SELECT n.*, 1 AS sg FROM new_rows n) AS x
             WHERE x.state <> 'quarantined' AND x.type IN ('customer.opened', 'acceptance.recorded', 'receipt.reprinted', 'deposit.recorded')),
  d AS (SELECT o.*, coalesce(o.p->>'businessDate',
          to_char(o.created_at::timestamptz AT TIME ZONE coalesce(h.time_zone, 'Asia/Shanghai'), 'YYYY-MM-DD')) AS day
        FROM o LEFT JOIN counters c ON c.counter_id = o.counter_id LEFT JOIN halls h ON h.id = c.hall_id),
  t AS (SELECT CASE type WHEN 'customer.opened' THEN 'opened' WHEN 'acceptance.recorded' THEN 'acceptance'
      WHEN 'receipt.reprinted' THEN 'reprint' ELSE 'deposit' END AS dim, day AS business_date, counter_id,
    CASE type WHEN 'acceptance.recorded' THEN (p->>'typeCode') || '|' || (p->>'typeName') ELSE '' END AS key,
    sg AS n, 0 AS v, sg * coalesce((p->>'amount')::bigint, 0) AS a, 0 AS a2 FROM d)
  INSERT INTO report_days AS r (dim, business_date, counter_id, key, n, volume, amount, amount2)
  SELECT dim, business_date, counter_id, key, sum(n), sum(v), sum(a), sum(a2) FROM t
  GROUP BY dim, business_date, counter_id, key
  ON CONFLICT (dim, business_date, counter_id, key) DO UPDATE SET n = r.n + excluded.n,
    volume = r.volume + excluded.volume, amount = r.amount + excluded.amount, amount2 = r.amount2 + excluded.amount2;
  ELSE
  WITH o AS (SELECT x.counter_id, x.type, x.created_at, x.payload::jsonb AS p, x.sg FROM (SELECT o.*, -1 AS sg FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.state IS DISTINCT FROM n.state UNION ALL SELECT n.*, 1 FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.state IS DISTINCT FROM n.state) AS x
             WHERE x.state <> 'quarantined' AND x.type IN ('customer.opened', 'acceptance.recorded', 'receipt.reprinted', 'deposit.recorded')),
  d AS (SELECT o.*, coalesce(o.p->>'businessDate',
          to_char(o.created_at::timestamptz AT TIME ZONE coalesce(h.time_zone, 'Asia/Shanghai'), 'YYYY-MM-DD')) AS day
        FROM o LEFT JOIN counters c ON c.counter_id = o.counter_id LEFT JOIN halls h ON h.id = c.hall_id),
  t AS (SELECT CASE type WHEN 'customer.opened' THEN 'opened' WHEN 'acceptance.recorded' THEN 'acceptance'
      WHEN 'receipt.reprinted' THEN 'reprint' ELSE 'deposit' END AS dim, day AS business_date, counter_id,
    CASE type WHEN 'acceptance.recorded' THEN (p->>'typeCode') || '|' || (p->>'typeName') ELSE '' END AS key,
    sg AS n, 0 AS v, sg * coalesce((p->>'amount')::bigint, 0) AS a, 0 AS a2 FROM d)
  INSERT INTO report_days AS r (dim, business_date, counter_id, key, n, volume, amount, amount2)
  SELECT dim, business_date, counter_id, key, sum(n), sum(v), sum(a), sum(a2) FROM t
  GROUP BY dim, business_date, counter_id, key
  ON CONFLICT (dim, business_date, counter_id, key) DO UPDATE SET n = r.n + excluded.n,
    volume = r.volume + excluded.volume, amount = r.amount + excluded.amount, amount2 = r.amount2 + excluded.amount2;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_sales_ins AFTER INSERT ON sales REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_sales();
--> statement-breakpoint
CREATE TRIGGER report_sales_upd AFTER UPDATE ON sales REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_sales();
--> statement-breakpoint
CREATE TRIGGER report_lines_ins AFTER INSERT ON sale_lines REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_lines_inserted();
--> statement-breakpoint
CREATE TRIGGER report_tenders_ins AFTER INSERT ON sale_tenders REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_tenders_inserted();
--> statement-breakpoint
CREATE TRIGGER report_ops_ins AFTER INSERT ON ops REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_ops();
--> statement-breakpoint
CREATE TRIGGER report_ops_upd AFTER UPDATE ON ops REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_ops();
