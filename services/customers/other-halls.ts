/**
 * Any hall serves any customer (issue #23 item 5). Online, the counter looks up customers of other halls at head
 * office (signed, like push and pull) and fetches one's file, balance and cards on demand, stored like the hall's
 * own customers — the sale path is unchanged — with a row naming the customer's hall (visiting_customers). Head
 * office then believes this counter's sales and card purchase writes for that customer; anything else about the
 * file stays with its hall (refused here with CUSTOMER_OF_OTHER_HALL, and FOREIGN_HALL at head office).
 * Offline, the answer says so plainly: OTHER_HALL_OFFLINE. Runtime: Node.
 */
import type { z } from 'zod';
import type { OtherHallCustomer } from '../../core/contract';
import { AppError } from '../../core/errors';
import { SYNC_ROUTES } from '../../core/sync/routes';
import { type FetchResponse, fetchResponseSchema, lookupResponseSchema } from '../../core/sync/wire-visit';
import { putVisiting } from '../../db';
import type { App } from '../app';
import type { Handlers } from '../call';
import { operatorOf } from '../call';
import { CustomerApplier } from '../sync/apply-customers';
import { MasterApplier } from '../sync/apply-master';
import { counterClient } from '../sync/client';
import { loadCustomer } from './customer-rows';

/** Head office is asked with this timeout: a clerk waits for the answer. */
const TIMEOUT_MS = 10_000;

/** Head office could not be reached: the customer may be another hall's, and cannot be served now. */
function offline(e: unknown): unknown {
  return e instanceof AppError && e.code === 'SYNC_UNREACHABLE'
    ? new AppError('OTHER_HALL_OFFLINE', { detail: e.detail })
    : e;
}

async function ask<S extends z.ZodType>(
  app: App,
  path: string,
  body: unknown,
  schema: S,
): Promise<z.output<S>> {
  let answer: unknown;
  try {
    answer = (await counterClient(app, { timeoutMs: TIMEOUT_MS }).request<unknown>('POST', path, body)).body;
  } catch (e) {
    throw offline(e);
  }
  const read = schema.safeParse(answer);
  if (!read.success)
    throw new AppError('INTERNAL', {
      detail: `head office's answer to ${path} is not what the protocol says`,
    });
  return read.data;
}

export async function lookupOtherHalls(
  app: App,
  query: string,
): Promise<{ items: OtherHallCustomer[]; truncated: boolean }> {
  return ask(app, SYNC_ROUTES.lookupCustomers.path, { query, limit: 20 }, lookupResponseSchema);
}

/** Stores what head office gave: the file (as a pull applies it), the cards, and whose hall it is. */
export function storeOtherHall(app: App, operatorId: string | null, f: FetchResponse): void {
  const db = app.gdb.sqlite;
  const own = f.hallCode === app.counter()!.hallCode;
  app.transaction(() => {
    new CustomerApplier(db, app.counter()!.counterId).apply(f.customer);
    const master = new MasterApplier(db);
    for (const card of f.cards) master.cardRecord(card);
    if (!own)
      putVisiting(db, {
        customerId: f.customer.id,
        hallCode: f.hallCode,
        hallName: f.hallName,
        fetchedAt: app.nowIso(),
      });
    app.ledger().auditOnly(
      {
        action: 'customers.fetchedOtherHall',
        summary: `从总部取得${f.hallName}（${f.hallCode}）用户 ${f.customer.accountNo} ${f.customer.name} 的档案、结余与卡 ${f.cards.length} 张`,
      },
      { entityType: 'customer', entityId: f.customer.id, operatorId },
    );
  });
}

export async function fetchOtherHall(app: App, operatorId: string | null, customerId: string) {
  const f = await ask(app, SYNC_ROUTES.fetchCustomer.path, { customerId }, fetchResponseSchema);
  storeOtherHall(app, operatorId, f);
  return { ...loadCustomer(app, f.customer.id), otherHall: { code: f.hallCode, name: f.hallName } };
}

/** Online, the customer whose card this is, fetched from head office; null when head office knows no such card. */
export async function fetchByCardNo(app: App, operatorId: string, cardNo: string): Promise<boolean> {
  const found = await lookupOtherHalls(app, cardNo);
  const hit = found.items.find((c) => c.cardNos.includes(cardNo));
  if (!hit) return false;
  await fetchOtherHall(app, operatorId, hit.customerId);
  return true;
}

export const customersLookupOtherHalls: Handlers['customers.lookupOtherHalls'] = (input, { app }) =>
  lookupOtherHalls(app, input.query);

export const customersFetchOtherHall: Handlers['customers.fetchOtherHall'] = (input, call) =>
  fetchOtherHall(call.app, operatorOf(call).staffId, input.customerId);
