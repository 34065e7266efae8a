/**
 * Head office's administration API under /admin. Its gate (server/http/gates.ts) counted the address's rate
 * and checked the bearer token before the body was read. Runtime: Node.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { limitsSchema } from '../../core/contract/prices';
import {
  adminSchemas,
  blockCardInputSchema,
  conflictListQuerySchema,
  counterInputSchema,
  feeItemInputSchema,
  hallInputSchema,
  resolveInputSchema,
  revokeInputSchema,
  staffInputSchema,
} from '../../core/sync/wire-admin';
import { SYNC_ROUTES as R } from '../../core/sync/routes';
import type { HeadOffice } from '../context';
import { parseBody, validate } from '../http/errors';
import {
  createCounter,
  createHall,
  listCounters,
  listHalls,
  newEnrollmentCode,
  revokeCounter,
} from '../admin/org';
import { blockCard, createPriceVersion, createStaff, saveFeeItem, saveLimits } from '../admin/master-data';
import { listConflicts, listQuarantine, listReconciliation, resolveConflict } from '../admin/review';
import { listCounterOps, revertCounter } from '../admin/revert';
import { verifyReceipt } from '../admin/receipts';
import { receiptVerifyInputSchema } from '../../core/receipts/receipt-qr';
import { counterOpsQuerySchema, revertInputSchema } from '../../core/sync/wire-revert';

const params = z.object({
  hallCode: z
    .string()
    .regex(/^\d{4}$/, { error: '网点编号为 4 位数字' })
    .optional(),
  slotId: z.string().max(64).optional(),
  id: z.string().max(64).optional(),
  cardNo: z
    .string()
    .regex(/^\d{4,32}$/, { error: '卡号格式不正确' })
    .optional(),
});

export function registerAdminRoutes(app: FastifyInstance, ho: HeadOffice): void {
  const paramsOf = (req: FastifyRequest) => validate(params, req.params ?? {});
  const now = () => ho.now();

  app.post(R.createHall.path, async (req) => {
    return createHall(ho.store, parseBody(hallInputSchema, req.body), now());
  });
  app.get(R.listHalls.path, async () => {
    return { halls: await listHalls(ho.store) };
  });
  app.post(R.createCounter.path, async (req) => {
    const p = paramsOf(req);
    return createCounter(ho.store, p.hallCode!, parseBody(counterInputSchema, req.body), now());
  });
  app.get(R.listCounters.path, async () => {
    return { counters: await listCounters(ho.store) };
  });
  app.post(R.newEnrollmentCode.path, async (req) => {
    const p = paramsOf(req);
    return newEnrollmentCode(ho.store, p.slotId!, now());
  });
  app.post(R.revokeCounter.path, async (req) => {
    const p = paramsOf(req);
    const { reason } = parseBody(revokeInputSchema, req.body);
    req.log.warn({ slot: p.slotId, reason }, 'counter revoked');
    return revokeCounter(ho.store, p.slotId!, reason, now());
  });
  app.get(R.listCounterOps.path, async (req) => {
    const query = validate(counterOpsQuerySchema, req.query);
    return listCounterOps(ho.store, paramsOf(req).slotId!, query.since, query.limit);
  });
  app.post(R.revertCounter.path, async (req) => {
    const p = paramsOf(req);
    const input = parseBody(revertInputSchema, req.body);
    req.log.warn(
      { slot: p.slotId, sinceSeq: input.sinceSeq, by: input.by, reason: input.reason },
      'counter reverted',
    );
    return revertCounter(ho.store, p.slotId!, input, now());
  });
  app.get(R.listConflicts.path, async (req) => {
    const { status } = validate(conflictListQuerySchema, req.query ?? {});
    return { conflicts: await listConflicts(ho.store, status) };
  });
  app.post(R.resolveConflict.path, async (req) => {
    const p = paramsOf(req);
    return resolveConflict(ho.store, p.id!, parseBody(resolveInputSchema, req.body), now());
  });
  app.get(R.listQuarantine.path, async () => {
    return { ops: await listQuarantine(ho.store) };
  });
  app.get(R.listReconciliation.path, async () => {
    return { issues: await listReconciliation(ho.store) };
  });
  app.post(R.createPriceVersion.path, async (req) => {
    return createPriceVersion(ho.store, parseBody(adminSchemas.priceVersionInput, req.body), now());
  });
  app.post(R.saveFeeItem.path, async (req) => {
    return saveFeeItem(ho.store, parseBody(feeItemInputSchema, req.body), now());
  });
  app.post(R.saveLimits.path, async (req) => {
    return saveLimits(ho.store, parseBody(limitsSchema, req.body));
  });
  app.post(R.createStaff.path, async (req) => {
    const p = paramsOf(req);
    return createStaff(ho.store, p.hallCode!, parseBody(staffInputSchema, req.body), now());
  });
  app.post(R.blockCard.path, async (req) => {
    const p = paramsOf(req);
    const { reason } = parseBody(blockCardInputSchema, req.body);
    return blockCard(ho.store, p.cardNo!, reason, now());
  });
  app.post(R.verifyReceipt.path, async (req) => {
    return verifyReceipt(ho.store, parseBody(receiptVerifyInputSchema, req.body).qr);
  });
}
