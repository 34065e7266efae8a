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
import { adminOnce } from '../admin/once';
import type { Store } from '../pg/store';
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
import { stepServiceRecord } from '../admin/service-steps';
import { serviceStepInputSchema } from '../../core/sync/wire-service-steps';
import { consoleUserOf, hallScope } from '../console/permissions';
import { receiptVerifyInputSchema } from '../../core/receipts/receipt-qr';
import { counterOpsQuerySchema, revertInputSchema } from '../../core/sync/wire-revert';
import { pullScopeInputSchema } from '../../core/sync/wire-visit';
import { pullScopeOf, setPullScope } from '../visits/scope';

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
  /** A write: one effect per requestId (server/admin/once.ts), on the store of its own transaction. */
  const write = <T>(path: string, run: (store: Store, body: unknown, req: FastifyRequest) => Promise<T>) =>
    app.post(path, (req) => adminOnce(ho.store, req, (store, body) => run(store, body, req), ho.now()));

  write(R.createHall.path, async (store, body) => {
    return createHall(store, parseBody(hallInputSchema, body), now());
  });
  app.get(R.getPullScope.path, async () => pullScopeOf(ho.store));
  write(R.setPullScope.path, async (store, body) =>
    setPullScope(store, parseBody(pullScopeInputSchema, body).scope, now()),
  );
  app.get(R.listHalls.path, async (req) => {
    const scope = hallScope(req);
    return { halls: (await listHalls(ho.store)).filter((h) => !scope || scope.has(h.code)) };
  });
  write(R.createCounter.path, async (store, body, req) => {
    const p = paramsOf(req);
    return createCounter(store, p.hallCode!, parseBody(counterInputSchema, body), now());
  });
  app.get(R.listCounters.path, async (req) => {
    const scope = hallScope(req);
    return { counters: (await listCounters(ho.store)).filter((c) => !scope || scope.has(c.hallCode)) };
  });
  write(R.newEnrollmentCode.path, async (store, _body, req) => {
    const p = paramsOf(req);
    return newEnrollmentCode(store, p.slotId!, now());
  });
  write(R.revokeCounter.path, async (store, body, req) => {
    const p = paramsOf(req);
    const { reason } = parseBody(revokeInputSchema, body);
    req.log.warn({ slot: p.slotId, reason }, 'counter revoked');
    return revokeCounter(store, p.slotId!, reason, now());
  });
  app.get(R.listCounterOps.path, async (req) => {
    const query = validate(counterOpsQuerySchema, req.query);
    return listCounterOps(ho.store, paramsOf(req).slotId!, query.since, query.limit);
  });
  write(R.revertCounter.path, async (store, body, req) => {
    const p = paramsOf(req);
    const input = parseBody(revertInputSchema, body);
    req.log.warn(
      { slot: p.slotId, sinceSeq: input.sinceSeq, by: input.by, reason: input.reason },
      'counter reverted',
    );
    return revertCounter(store, p.slotId!, input, now());
  });
  app.get(R.listConflicts.path, async (req) => {
    const { status } = validate(conflictListQuerySchema, req.query ?? {});
    return { conflicts: await listConflicts(ho.store, status) };
  });
  write(R.resolveConflict.path, async (store, body, req) => {
    const p = paramsOf(req);
    const input = parseBody(resolveInputSchema, body);
    // A console user resolves in their own name, whatever the body says.
    const user = consoleUserOf(req);
    const by = user ? `${user.displayName}（${user.username}）` : input.by;
    return resolveConflict(store, p.id!, { ...input, by }, now());
  });
  write(R.stepServiceRecord.path, async (store, body, req) => {
    const p = paramsOf(req);
    const input = parseBody(serviceStepInputSchema, body);
    // A console user acts in their own name, whatever the body says.
    const user = consoleUserOf(req);
    const by = user ? `${user.displayName}（${user.username}）` : input.by;
    return stepServiceRecord(store, p.id!, { ...input, by }, now());
  });
  app.get(R.listQuarantine.path, async () => {
    return { ops: await listQuarantine(ho.store) };
  });
  app.get(R.listReconciliation.path, async () => {
    return { issues: await listReconciliation(ho.store) };
  });
  write(R.createPriceVersion.path, async (store, body) => {
    return createPriceVersion(store, parseBody(adminSchemas.priceVersionInput, body), now());
  });
  write(R.saveFeeItem.path, async (store, body) => {
    return saveFeeItem(store, parseBody(feeItemInputSchema, body), now());
  });
  write(R.saveLimits.path, async (store, body) => {
    return saveLimits(store, parseBody(limitsSchema, body));
  });
  write(R.createStaff.path, async (store, body, req) => {
    const p = paramsOf(req);
    return createStaff(store, p.hallCode!, parseBody(staffInputSchema, body), now());
  });
  write(R.blockCard.path, async (store, body, req) => {
    const p = paramsOf(req);
    const { reason } = parseBody(blockCardInputSchema, body);
    return blockCard(store, p.cardNo!, reason, now());
  });
  app.post(R.verifyReceipt.path, async (req) => {
    return verifyReceipt(ho.store, parseBody(receiptVerifyInputSchema, req.body).qr);
  });
}
