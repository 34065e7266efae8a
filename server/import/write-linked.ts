/**
 * The kinds that hang on a customer (meters, cards, tier use, balances, inspections) and staff: each written in
 * the shape the counter already serves — a meter in the customer's file, a card in `cards` with the account's
 * purchase count raised to the card's (so the next sale on it is count + 1), a balance added to the customer's
 * 结余 (belonging to no counter, so every counter shows it), an inspection status in the file, this period's
 * tier use as the household's gas use by the old system (core/sync/gas-use.ts: every counter's tiers count it).
 * What the counter cannot use yet is kept in the import record only: the cumulative purchased of a card,
 * arrears, hazard descriptions. Runtime: Node.
 */
import { addGasUse, IMPORTED_USE } from '../../core/sync/gas-use';
import { uuidv7 } from '../../core/ids';
import type { FeedWrite } from '../feed';
import type { Queryable } from '../pg/store';
import type { CheckedRow } from './scan';
import type { ImportKind } from './templates';
import type { Applied, Change } from './write';
import { type CustomerNow, IMPORT_ORIGIN, readCustomers, type Rec, updateCustomers } from './write-customers';
import { applyMeters, lockCustomers, publishCustomers, raisePurchaseCounts } from './write-sql';

const CARD_COLS = `card_no AS "cardNo", id, hall_id AS "hallId", customer_id AS "customerId", format_id AS "formatId",
  region, status, issued_at AS "issuedAt", issued_by AS "issuedBy", blocked_at AS "blockedAt", blocked_reason AS "blockedReason"`;

export const cardFeed = (c: Rec): Rec => {
  const { hallId: _h, ...rest } = c;
  return rest;
};

async function applyCards(q: Queryable, rows: CheckedRow[], nowMs: number) {
  const at = new Date(nowMs).toISOString();
  const before = new Map(
    (
      await q.query<Rec>(`SELECT ${CARD_COLS} FROM cards WHERE card_no = ANY($1)`, [
        rows.map((r) => r.legacyId),
      ])
    ).map((c) => [c.cardNo as string, c]),
  );
  const cards = rows.map((r) => {
    const v = r.value;
    const old = before.get(r.legacyId);
    const blocked = v.status !== 'active';
    return {
      cardNo: r.legacyId,
      id: (old?.id as string | undefined) ?? uuidv7(nowMs),
      hallId: r.hallId,
      customerId: r.customerId!,
      formatId: v.formatId as string,
      region: v.region as number,
      status: v.status as string,
      issuedAt: v.issuedOn
        ? `${v.issuedOn as string}T00:00:00.000Z`
        : ((old?.issuedAt as string | undefined) ?? at),
      issuedBy: IMPORT_ORIGIN,
      blockedAt: blocked ? ((old?.blockedAt as string | null | undefined) ?? at) : null,
      blockedReason: blocked ? `旧系统导入：${v.status === 'lost' ? '挂失' : '已换卡'}` : null,
    };
  });
  await q.query(
    `INSERT INTO cards (card_no, id, hall_id, customer_id, format_id, region, status, issued_at, issued_by, counter_id, blocked_at, blocked_reason)
     SELECT x."cardNo", x.id, x."hallId", x."customerId", x."formatId", x.region, x.status, x."issuedAt", x."issuedBy", '${IMPORT_ORIGIN}', x."blockedAt", x."blockedReason"
       FROM json_to_recordset($1::json) AS x("cardNo" text, id text, "hallId" text, "customerId" text, "formatId" text, region int,
         status text, "issuedAt" text, "issuedBy" text, "blockedAt" text, "blockedReason" text)
     ON CONFLICT (card_no) DO UPDATE SET customer_id = excluded.customer_id, format_id = excluded.format_id, region = excluded.region,
       status = excluded.status, issued_at = excluded.issued_at, blocked_at = excluded.blocked_at, blocked_reason = excluded.blocked_reason`,
    [JSON.stringify(cards)],
  );
  const feed: FeedWrite[] = cards.map((c) => ({
    hallId: c.hallId,
    kind: 'card',
    key: c.cardNo,
    data: cardFeed(c),
    originCounterId: null,
  }));
  return {
    changes: rows.map((r) => ({ row: r, entityId: r.legacyId, before: before.get(r.legacyId) ?? null })),
    feed,
  };
}

function applyToFile(kind: ImportKind, r: CheckedRow, c: CustomerNow): Change {
  const v = r.value;
  if (kind === 'inspections') {
    const old = c.data.inspection;
    c.data = { ...c.data, inspection: { status: v.status, date: v.date ?? null } };
    return { row: r, entityId: c.id, before: old };
  }
  if (kind === 'balances') {
    const delta = (v.balance as number) - ((r.existing?.data.balance as number | undefined) ?? 0);
    c.balance += delta;
    return { row: r, entityId: c.id, before: null, balanceDelta: delta };
  }
  // tier_use: the old system's use in the pricing period from periodStart, counted by every counter's tiers.
  const day = v.periodStart as string;
  const before = c.gasUseBy[IMPORTED_USE]?.[day] ?? 0;
  c.gasUseBy = addGasUse(c.gasUseBy, IMPORTED_USE, day, (v.volume as number) - before);
  return { row: r, entityId: c.id, before };
}

async function applyStaff(
  q: Queryable,
  rows: CheckedRow[],
  nowMs: number,
  hashes: Map<string, string>,
): Promise<Applied> {
  const changes: Change[] = [];
  const feed: FeedWrite[] = [];
  for (const r of rows) {
    const v = r.value;
    const id = r.existing?.entityId ?? uuidv7(nowMs);
    const [old] = await q.query<{ data: Rec }>('SELECT data FROM staff WHERE id = $1', [id]);
    const s = {
      id,
      username: v.username,
      displayName: v.displayName,
      roles: v.roles as string[],
      active: true,
    };
    if (old)
      await q.query('UPDATE staff SET username = $2, hall_id = $3, data = $4 WHERE id = $1', [
        id,
        s.username,
        r.hallId,
        JSON.stringify(s),
      ]);
    else
      await q.query('INSERT INTO staff (id, hall_id, username, data) VALUES ($1, $2, $3, $4)', [
        id,
        r.hallId,
        s.username,
        JSON.stringify(s),
      ]);
    feed.push({
      hallId: r.hallId,
      kind: 'staff',
      key: id,
      data: { ...s, role: s.roles[s.roles.length - 1], passwordHash: hashes.get(r.legacyId) },
      originCounterId: null,
    });
    changes.push({ row: r, entityId: id, before: old?.data ?? null });
  }
  return { changes, feed };
}

export async function applyLinked(
  q: Queryable,
  kind: ImportKind,
  rows: CheckedRow[],
  nowMs: number,
  hashes: Map<string, string>,
): Promise<Applied> {
  if (kind === 'staff') return applyStaff(q, rows, nowMs, hashes);
  const ids = [...new Set(rows.map((r) => r.customerId!))];
  if (kind === 'cards' || kind === 'meters') {
    // Set-based (write-sql.ts): the files change inside PostgreSQL and each customer is published once.
    const hlc = await lockCustomers(q, ids, nowMs);
    if (kind === 'meters') {
      const changes = await applyMeters(q, rows, hlc, nowMs);
      await publishCustomers(q, ids);
      return { changes, feed: [] };
    }
    const done = await applyCards(q, rows, nowMs);
    await raisePurchaseCounts(q, rows, hlc);
    // The customers first: a counter applies a card after its customer.
    await publishCustomers(q, ids);
    return done;
  }
  const customers = await readCustomers(q, ids);
  const changes = rows.map((r) => applyToFile(kind, r, customers.get(r.customerId!)!));
  const feed = await updateCustomers(q, [...customers.values()], nowMs);
  return { changes, feed };
}
