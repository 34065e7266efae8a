/**
 * Master data head office publishes to every counter through the feed: price versions, the fee catalogue,
 * purchase limits, a hall's staff (the password is hashed here; only the hash travels) and blocked cards.
 * Each write and its feed entry commit together, under the feed lock. Runtime: Node.
 */
import { randomBytes, scrypt } from 'node:crypto';
import type { z } from 'zod';
import { uuidv7 } from '../../core/ids';
import { AppError } from '../../core/errors';
import type { Limits, PriceVersion } from '../../core/contract/prices';
import type { CardFeed } from '../../core/sync/feed';
import type { adminSchemas, feeItemInputSchema, staffInputSchema } from '../../core/sync/wire-admin';
import type { Store } from '../pg/store';
import { lockFeed, publish } from '../feed';
import type { CardState } from '../push/world';
import { cardFeedData } from '../push/feed-rows';

/** The counter's password format (services/auth/password.ts): scrypt N=2^15, r=8, p=1, 16-byte salt. */
export function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFC'),
      salt,
      32,
      { N: 2 ** 15, r: 8, p: 1, maxmem: 256 * 2 ** 15 * 8 },
      (err, key) =>
        err ? reject(err) : resolve(`scrypt$15$8$1$${salt.toString('base64')}$${key.toString('base64')}`),
    ),
  );
}

export async function createPriceVersion(
  store: Store,
  input: z.output<typeof adminSchemas.priceVersionInput>,
  nowMs: number,
): Promise<PriceVersion & { createdBy: string }> {
  const pv = {
    id: uuidv7(nowMs),
    ...input,
    tiers: input.tiers.map((t) => ({ width: t.width, priceLi: t.priceLi, extraPerPerson: t.extraPerPerson })),
    createdAt: new Date(nowMs).toISOString(),
    createdBy: 'headoffice',
  };
  return store.tx(async (q) => {
    await lockFeed(q);
    const clash = await q.query(
      `SELECT 1 FROM price_versions WHERE data->>'userClass' = $1 AND data->>'effectiveFrom' = $2`,
      [pv.userClass, pv.effectiveFrom],
    );
    if (clash.length > 0) throw new AppError('PRICE_VERSION_OVERLAP');
    await q.query('INSERT INTO price_versions (id, data) VALUES ($1, $2)', [pv.id, JSON.stringify(pv)]);
    await publish(q, [{ hallId: '', kind: 'price_version', key: pv.id, data: pv, originCounterId: null }]);
    return pv;
  });
}

export async function saveFeeItem(store: Store, input: z.output<typeof feeItemInputSchema>, nowMs: number) {
  return store.tx(async (q) => {
    await lockFeed(q);
    const [old] = await q.query<{ id: string }>('SELECT id FROM fee_items WHERE code = $1', [input.code]);
    const item = { id: old?.id ?? uuidv7(nowMs), ...input };
    await q.query(
      `INSERT INTO fee_items (code, id, data) VALUES ($1, $2, $3) ON CONFLICT (code) DO UPDATE SET data = excluded.data`,
      [item.code, item.id, JSON.stringify(item)],
    );
    await publish(q, [{ hallId: '', kind: 'fee_item', key: item.code, data: item, originCounterId: null }]);
    return item;
  });
}

export async function saveLimits(store: Store, input: Limits): Promise<Limits> {
  return store.tx(async (q) => {
    await lockFeed(q);
    await publish(q, [
      { hallId: '', kind: 'purchase_limits', key: input.userClass, data: input, originCounterId: null },
    ]);
    return input;
  });
}

export async function createStaff(
  store: Store,
  hallCode: string,
  input: z.output<typeof staffInputSchema>,
  nowMs: number,
) {
  const passwordHash = await hashPassword(input.password);
  return store.tx(async (q) => {
    const [hall] = await q.query<{ id: string }>('SELECT id FROM halls WHERE code = $1', [hallCode]);
    if (!hall) throw new AppError('NOT_FOUND', { detail: `hall ${hallCode}` });
    await lockFeed(q);
    const taken = await q.query('SELECT 1 FROM staff WHERE hall_id = $1 AND lower(username) = lower($2)', [
      hall.id,
      input.username,
    ]);
    if (taken.length > 0) throw new AppError('DUPLICATE_USERNAME');
    const s = {
      id: uuidv7(nowMs),
      username: input.username,
      displayName: input.displayName,
      roles: input.roles,
      active: true,
    };
    await q.query('INSERT INTO staff (id, hall_id, username, data) VALUES ($1, $2, $3, $4)', [
      s.id,
      hall.id,
      s.username,
      JSON.stringify(s),
    ]);
    await publish(q, [
      {
        hallId: hall.id,
        kind: 'staff',
        key: s.id,
        // `role` for counters that know one role only: the most senior (roles are in ROLES order).
        data: { ...s, role: s.roles[s.roles.length - 1]!, passwordHash },
        originCounterId: null,
      },
    ]);
    return { ...s, hallCode };
  });
}

export async function blockCard(
  store: Store,
  cardNo: string,
  reason: string,
  nowMs: number,
): Promise<CardFeed> {
  return store.tx(async (q) => {
    await lockFeed(q);
    const rows = await q.query<Record<string, unknown>>(
      `UPDATE cards SET status = CASE WHEN status = 'active' THEN 'lost' ELSE status END,
         blocked_at = COALESCE(blocked_at, $2), blocked_reason = COALESCE(blocked_reason, $3)
       WHERE card_no = $1
       RETURNING card_no AS "cardNo", id, hall_id AS "hallId", customer_id AS "customerId", format_id AS "formatId", region,
         status, issued_at AS "issuedAt", issued_by AS "issuedBy", counter_id AS "counterId", blocked_at AS "blockedAt",
         blocked_reason AS "blockedReason"`,
      [cardNo, new Date(nowMs).toISOString(), reason],
    );
    const row = rows[0];
    if (!row) throw new AppError('NOT_FOUND', { detail: `card ${cardNo}` });
    const data = cardFeedData({ ...(row as unknown as CardState), dirty: false }) as CardFeed;
    await publish(q, [
      { hallId: row.hallId as string, kind: 'card', key: cardNo, data, originCounterId: null },
    ]);
    return data;
  });
}
