/** The console's read-only lists (core/sync/routes-lists.ts), each cut to the caller's halls. Runtime: Node. */
import type { FastifyInstance } from 'fastify';
import {
  cardListQuerySchema,
  hallListQuerySchema,
  serviceRecordQuerySchema,
} from '../../core/sync/routes-lists';
import { SYNC_ROUTES as R } from '../../core/sync/routes';
import type { HeadOffice } from '../context';
import { validate } from '../http/errors';
import {
  listCards,
  listFeeItems,
  listLimits,
  listPriceVersions,
  listServiceRecords,
  listStaff,
} from '../admin/lists';
import { hallScope } from '../console/permissions';

export function registerListRoutes(app: FastifyInstance, ho: HeadOffice): void {
  app.get(R.listPriceVersions.path, async () => ({ priceVersions: await listPriceVersions(ho.store) }));
  app.get(R.listFeeItems.path, async () => ({ feeItems: await listFeeItems(ho.store) }));
  app.get(R.listPurchaseLimits.path, async () => ({ limits: await listLimits(ho.store) }));
  app.get(R.listStaff.path, async (req) => {
    const { hall } = validate(hallListQuerySchema, req.query ?? {});
    return { staff: await listStaff(ho.store, hall, hallScope(req)) };
  });
  app.get(R.listCards.path, async (req) => ({
    cards: await listCards(ho.store, validate(cardListQuerySchema, req.query ?? {}), hallScope(req)),
  }));
  app.get(R.listServiceRecords.path, async (req) => ({
    records: await listServiceRecords(
      ho.store,
      validate(serviceRecordQuerySchema, req.query ?? {}),
      hallScope(req),
    ),
  }));
}
