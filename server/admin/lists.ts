/**
 * The lists the console shows of what head office holds: price versions, fee items, the purchase limits in
 * the feed, a hall's staff (the password hash stays in the feed), cards, and the service desk's records.
 * Each is cut to one hall when asked or when the caller may see only some (a hall manager). Runtime: Node.
 */
import type { z } from 'zod';
import { AppError } from '../../core/errors';
import type { FeeItem, Limits } from '../../core/contract/prices';
import type { PriceVersionFeed } from '../../core/sync/feed';
import type {
  cardListQuerySchema,
  cardListSchema,
  serviceRecordListSchema,
  serviceRecordQuerySchema,
  staffListSchema,
} from '../../core/sync/routes-lists';
import type { Queryable } from '../pg/store';

type Halls = ReadonlySet<string> | null;

/** The halls (id → code) a list covers: `hall` when named, else those in scope (every hall when null). */
export async function hallsOf(
  q: Queryable,
  hall: string | undefined,
  scope: Halls,
): Promise<Map<string, string>> {
  if (hall !== undefined && scope && !scope.has(hall)) throw new AppError('CONSOLE_FORBIDDEN');
  const rows = await q.query<{ id: string; code: string }>('SELECT id, code FROM halls ORDER BY code');
  const out = new Map<string, string>();
  for (const r of rows)
    if ((hall === undefined || r.code === hall) && (!scope || scope.has(r.code))) out.set(r.id, r.code);
  if (hall !== undefined && out.size === 0) throw new AppError('NOT_FOUND', { detail: `hall ${hall}` });
  return out;
}

export async function listPriceVersions(q: Queryable): Promise<PriceVersionFeed[]> {
  const rows = await q.query<{ data: PriceVersionFeed }>(
    'SELECT data FROM price_versions ORDER BY created_at DESC',
  );
  return rows.map((r) => r.data);
}

export async function listFeeItems(q: Queryable): Promise<FeeItem[]> {
  const rows = await q.query<{ data: FeeItem }>('SELECT data FROM fee_items ORDER BY code');
  return rows.map((r) => r.data);
}

export async function listLimits(q: Queryable): Promise<Limits[]> {
  const rows = await q.query<{ data: string }>(
    `SELECT data FROM feed WHERE hall_id = '' AND kind = 'purchase_limits' ORDER BY key`,
  );
  return rows.map((r) => JSON.parse(r.data) as Limits);
}

export async function listStaff(
  q: Queryable,
  hall: string | undefined,
  scope: Halls,
): Promise<z.infer<typeof staffListSchema>['staff']> {
  const halls = await hallsOf(q, hall, scope);
  const rows = await q.query<{ hall_id: string; data: z.infer<typeof staffListSchema>['staff'][number] }>(
    'SELECT hall_id, data FROM staff WHERE hall_id = ANY($1::text[]) ORDER BY hall_id, username',
    [[...halls.keys()]],
  );
  return rows.map((r) => ({
    id: r.data.id,
    hallCode: halls.get(r.hall_id) ?? '',
    username: r.data.username,
    displayName: r.data.displayName,
    roles: r.data.roles,
    active: r.data.active,
  }));
}

export async function listCards(
  q: Queryable,
  query: z.output<typeof cardListQuerySchema>,
  scope: Halls,
): Promise<z.infer<typeof cardListSchema>['cards']> {
  const halls = await hallsOf(q, query.hall, scope);
  const find = query.q ? "AND (c.card_no = $3 OR cu.account_no LIKE $3 || '%')" : '';
  const rows = await q.query<{
    card_no: string;
    hall_id: string;
    account_no: string | null;
    name: string | null;
    status: string;
    issued_at: string;
    blocked_at: string | null;
    blocked_reason: string | null;
  }>(
    `SELECT c.card_no, c.hall_id, cu.account_no, cu.data->>'name' AS name, c.status, c.issued_at, c.blocked_at,
        c.blocked_reason
       FROM cards c LEFT JOIN customers cu ON cu.id = c.customer_id
      WHERE c.hall_id = ANY($1::text[]) ${find}
      ORDER BY c.issued_at DESC LIMIT $2`,
    [[...halls.keys()], query.limit, ...(query.q ? [query.q] : [])],
  );
  return rows.map((r) => ({
    cardNo: r.card_no,
    hallCode: halls.get(r.hall_id) ?? '',
    accountNo: r.account_no,
    customerName: r.name,
    status: r.status,
    issuedAt: r.issued_at,
    blockedAt: r.blocked_at,
    blockedReason: r.blocked_reason,
  }));
}

export async function listServiceRecords(
  q: Queryable,
  query: z.output<typeof serviceRecordQuerySchema>,
  scope: Halls,
): Promise<z.infer<typeof serviceRecordListSchema>['records']> {
  const halls = await hallsOf(q, query.hall, scope);
  const rows = await q.query<{
    id: string;
    hall_id: string;
    counter_id: string;
    kind: z.infer<typeof serviceRecordListSchema>['records'][number]['kind'];
    no: string;
    customer_id: string | null;
    status: string | null;
    step_count: number;
    data: Record<string, unknown>;
    created_at: string;
    updated_at: string;
  }>(
    `SELECT id, hall_id, counter_id, kind, no, customer_id, status, step_count, data, created_at, updated_at
       FROM service_records WHERE hall_id = ANY($1::text[]) ${query.kind ? 'AND kind = $3' : ''}
      ORDER BY created_at DESC LIMIT $2`,
    [[...halls.keys()], query.limit, ...(query.kind ? [query.kind] : [])],
  );
  return rows.map((r) => ({
    id: r.id,
    hallCode: halls.get(r.hall_id) ?? '',
    counterId: r.counter_id,
    kind: r.kind,
    no: r.no,
    customerId: r.customer_id,
    status: r.status,
    stepCount: Number(r.step_count),
    data: r.data,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}
