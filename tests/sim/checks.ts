/**
 * What the simulation must prove, computed from the counters' own files and head office's database: every
 * operation of every outbox is at head office exactly once, in the counter's order and with its chain
 * intact; every counter holds head office's merged customer file; the conflicts head office surfaced are
 * exactly the injected ones; every ledger verifies and no day's digest disagrees.
 */
import { verifyLedger } from '../../db';
import type { TestHeadOffice } from '../support/head-office';
import type { SimWorld } from './simulation';

export interface SimReport {
  counters: number;
  opsAtCounters: number;
  opsAtHeadOffice: number;
  lost: number;
  duplicated: number;
  orderViolations: number;
  brokenChains: number;
  notConverged: number;
  customers: number;
  /** Customers holding a balance (结余) at head office: the counters must agree on it too. */
  withBalance: number;
  conflictsInjected: number;
  conflictsSurfaced: number;
  /** Injected conflicts found among the surfaced ones. */
  injectedFound: number;
  unexpectedConflicts: string[];
  digestMismatches: number;
  quarantined: number;
  quarantineReasons: string[];
  ledgersOk: boolean;
  /** Acceptances, complaints, appointments, work orders, inspections and 零散报装 recorded at the counters, and those head office holds (service_records). */
  serviceAtCounters: number;
  serviceAtHeadOffice: number;
  /** Work orders head office holds completed, and inspections whose hazards it holds rectified. */
  workOrdersCompletedAtHeadOffice: number;
  inspectionsRectifiedAtHeadOffice: number;
  /** Complaints head office holds closed with their 回访. */
  complaintsClosedAtHeadOffice: number;
  /** 零散报装 applications and their steps at the counters and at head office (its step_count). */
  installationsAtCounters: number;
  installationStepsAtCounters: number;
  installationsAtHeadOffice: number;
  installationStepsAtHeadOffice: number;
  /** Attachment files the counters' applications name, those the counters hold confirmed, and those head office keeps. */
  attachmentsAtCounters: number;
  attachmentsConfirmed: number;
  attachmentsAtHeadOffice: number;
}

const FIELDS = ['name', 'phone', 'householdSize', 'status', 'userClass', 'fullAddress'] as const;

export async function checkWorld(w: SimWorld, ho: TestHeadOffice): Promise<SimReport> {
  let opsAtCounters = 0;
  let lost = 0;
  let orderViolations = 0;
  let brokenChains = 0;
  let ledgersOk = true;
  for (const c of w.counters) {
    const counterId = c.app.counter()!.counterId;
    const local = c.app.gdb.sqlite.prepare('SELECT seq, id, hash FROM outbox ORDER BY seq').all() as {
      seq: number;
      id: string;
      hash: string;
    }[];
    const remote = await ho.store.query<{ seq: number; id: string; hash: string; prev_hash: string }>(
      'SELECT seq, id, hash, prev_hash FROM ops WHERE counter_id = $1 ORDER BY seq',
      [counterId],
    );
    opsAtCounters += local.length;
    const byId = new Map(remote.map((r) => [r.id, r]));
    for (const l of local) {
      const r = byId.get(l.id);
      if (!r) lost++;
      else if (r.seq !== l.seq || r.hash !== l.hash) orderViolations++;
    }
    remote.forEach((r, i) => {
      if (i > 0 && r.prev_hash !== remote[i - 1]!.hash) brokenChains++;
      if (r.seq !== i + 1) orderViolations++;
    });
    if (!verifyLedger(c.app.gdb.sqlite).ok) ledgersOk = false;
  }
  const ids = w.counters.map((c) => c.app.counter()!.counterId);
  const [{ n: opsAtHeadOffice, distinct }] = (await ho.store.query<{ n: number; distinct: number }>(
    'SELECT count(*)::int AS n, count(DISTINCT id)::int AS distinct FROM ops WHERE counter_id = ANY($1)',
    [ids],
  )) as [{ n: number; distinct: number }];
  const hoCustomers = await ho.store.query<{ id: string; data: Record<string, unknown>; balance: number }>(
    "SELECT c.id, c.data, c.balance FROM customers c JOIN halls h ON h.id = c.hall_id WHERE h.code = '0101'",
  );
  let notConverged = 0;
  for (const c of w.counters) {
    const rows = c.app.gdb.sqlite
      .prepare(
        `SELECT id, name, phone, household_size AS householdSize, status, user_class AS userClass, full_address AS fullAddress,
           coalesce((SELECT balance FROM customer_balances b WHERE b.customer_id = customers.id), 0) AS balance
         FROM customers`,
      )
      .all() as Record<string, unknown>[];
    const mine = new Map(rows.map((r) => [r.id as string, r]));
    for (const h of hoCustomers) {
      const m = mine.get(h.id);
      // Every field, and the balance (结余) made by every counter's sales.
      if (!m || FIELDS.some((f) => m[f] !== h.data[f]) || m.balance !== h.balance) notConverged++;
    }
    if (rows.length !== hoCustomers.length) notConverged += Math.abs(rows.length - hoCustomers.length);
  }
  const conflicts = await ho.store.query<{ kind: string; entity_id: string; field: string }>(
    'SELECT kind, entity_id, field FROM conflicts WHERE incoming_counter_id = ANY($1)',
    [ids],
  );
  const expected = new Set(w.injections.map((i) => `${i.customerId}:${i.field}`));
  const surfaced = conflicts.filter(
    (x) => x.kind === 'customer_field' && expected.has(`${x.entity_id}:${x.field}`),
  );
  const unexpected = conflicts.filter(
    (x) => !(x.kind === 'customer_field' && expected.has(`${x.entity_id}:${x.field}`)),
  );
  const count = async (table: string) =>
    (
      await ho.store.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${table} WHERE counter_id = ANY($1)`,
        [ids],
      )
    )[0]!.n;
  const digestMismatches = await count('reconciliation_issues');
  const quarantined = await count('quarantine');
  // Why, by code and operation type (printed with the report when GASDESK_SIM_LOG is set).
  const reasons = await ho.store.query<{ code: string; type: string; reason: string; n: number }>(
    `SELECT code, type, min(reason) AS reason, count(*)::int AS n FROM quarantine WHERE counter_id = ANY($1)
     GROUP BY code, type ORDER BY code, type`,
    [ids],
  );
  let serviceAtCounters = 0;
  const desk = { installations: 0, steps: 0, files: 0, confirmed: 0 };
  for (const c of w.counters) {
    const db = c.app.gdb.sqlite;
    serviceAtCounters += (
      db
        .prepare(
          `SELECT (SELECT count(*) FROM acceptances) + (SELECT count(*) FROM complaints) + (SELECT count(*) FROM appointments)
            + (SELECT count(*) FROM work_orders) + (SELECT count(*) FROM inspections)
            + (SELECT count(*) FROM installations) AS n`,
        )
        .get() as { n: number }
    ).n;
    const x = db
      .prepare(
        `SELECT (SELECT count(*) FROM installations) AS installations, (SELECT count(*) FROM installation_steps) AS steps,
           (SELECT count(DISTINCT j.value ->> 'sha256') FROM installations i, json_each(i.attachments) j) AS files,
           (SELECT count(DISTINCT sha256) FROM attachment_uploads) AS confirmed`,
      )
      .get() as typeof desk;
    for (const k of Object.keys(desk) as (keyof typeof desk)[]) desk[k] += x[k];
  }
  const [install] = await ho.store.query<{ n: number; steps: number; files: number }>(
    `SELECT count(*)::int AS n, COALESCE(sum(step_count), 0)::int AS steps,
       (SELECT count(*)::int FROM attachments WHERE counter_id = ANY($1)) AS files
     FROM service_records WHERE kind = 'installation' AND counter_id = ANY($1)`,
    [ids],
  );
  const [service] = await ho.store.query<{ n: number; closed: number; done: number; rectified: number }>(
    `SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'closed'
       AND jsonb_array_length(data->'followups') = 1)::int AS closed,
       count(*) FILTER (WHERE kind = 'work_order' AND status = 'completed')::int AS done,
       count(*) FILTER (WHERE kind = 'inspection' AND status = 'rectified')::int AS rectified
     FROM service_records WHERE counter_id = ANY($1)`,
    [ids],
  );
  return {
    serviceAtCounters,
    serviceAtHeadOffice: service!.n,
    complaintsClosedAtHeadOffice: service!.closed,
    workOrdersCompletedAtHeadOffice: service!.done,
    inspectionsRectifiedAtHeadOffice: service!.rectified,
    installationsAtCounters: desk.installations,
    installationStepsAtCounters: desk.steps,
    installationsAtHeadOffice: install!.n,
    installationStepsAtHeadOffice: install!.steps,
    attachmentsAtCounters: desk.files,
    attachmentsConfirmed: desk.confirmed,
    attachmentsAtHeadOffice: install!.files,
    counters: w.counters.length,
    opsAtCounters,
    opsAtHeadOffice,
    lost,
    duplicated: opsAtHeadOffice - distinct + Math.max(0, opsAtHeadOffice - opsAtCounters),
    orderViolations,
    brokenChains,
    notConverged,
    withBalance: hoCustomers.filter((h) => h.balance !== 0).length,
    customers: hoCustomers.length,
    conflictsInjected: w.injections.length,
    conflictsSurfaced: conflicts.length,
    injectedFound: new Set(surfaced.map((x) => `${x.entity_id}:${x.field}`)).size,
    unexpectedConflicts: unexpected.map((x) => `${x.kind}:${x.entity_id}:${x.field}`),
    digestMismatches,
    quarantined,
    quarantineReasons: reasons.map((r) => `${r.code} ${r.type} ×${r.n}: ${r.reason}`),
    ledgersOk,
  };
}
