/**
 * What head office holds and the console lists (read-only), part of head office's one route table
 * (core/sync/routes.ts): the price versions, the fee catalogue and the purchase limits it published, a hall's
 * staff (never a password hash), the cards it knows, and the service desk's records the counters pushed.
 * A hall manager names one of their halls (`hall`) where the list is a hall's. Runtime: any.
 */
import { z } from 'zod';
import { feeItemSchema, limitsSchema } from '../contract/prices';
import { ROLES } from '../domain/roles';
import { priceVersionFeedSchema } from './feed';

const hall = z
  .string()
  .regex(/^\d{4}$/, { error: '网点编号为 4 位数字' })
  .optional();
const limit = z.coerce.number().int().min(1).max(1000).default(200);

export const hallListQuerySchema = z.object({ hall });
export const cardListQuerySchema = z.object({
  hall,
  /** A card number, or the start of an account number. */
  q: z.string().trim().max(32).optional(),
  limit,
});
export const SERVICE_KINDS = ['acceptance', 'complaint', 'appointment', 'work_order', 'inspection'] as const;
export const serviceRecordQuerySchema = z.object({
  hall,
  kind: z.enum(SERVICE_KINDS, { error: '没有这种服务台记录' }).optional(),
  limit,
});

export const staffListSchema = z.object({
  staff: z.array(
    z.object({
      id: z.string(),
      hallCode: z.string(),
      username: z.string(),
      displayName: z.string(),
      roles: z.array(z.enum(ROLES)),
      active: z.boolean(),
    }),
  ),
});
export const cardListSchema = z.object({
  cards: z.array(
    z.object({
      cardNo: z.string(),
      hallCode: z.string(),
      accountNo: z.string().nullable(),
      customerName: z.string().nullable(),
      status: z.string(),
      issuedAt: z.string(),
      blockedAt: z.string().nullable(),
      blockedReason: z.string().nullable(),
    }),
  ),
});
export const serviceRecordListSchema = z.object({
  records: z.array(
    z.object({
      id: z.string(),
      hallCode: z.string(),
      counterId: z.string(),
      kind: z.enum(SERVICE_KINDS),
      no: z.string(),
      customerId: z.string().nullable(),
      status: z.string().nullable(),
      stepCount: z.number().int(),
      data: z.record(z.string(), z.unknown()),
      createdAt: z.string(),
      updatedAt: z.string(),
    }),
  ),
});

export const LIST_ROUTES = {
  listPriceVersions: {
    method: 'GET',
    path: '/admin/price-versions',
    auth: 'admin',
    summary: '已发布的气价版本（新的在前）',
    response: z.object({ priceVersions: z.array(priceVersionFeedSchema) }),
  },
  listFeeItems: {
    method: 'GET',
    path: '/admin/fee-items',
    auth: 'admin',
    summary: '收费项目目录',
    response: z.object({ feeItems: z.array(feeItemSchema) }),
  },
  listPurchaseLimits: {
    method: 'GET',
    path: '/admin/purchase-limits',
    auth: 'admin',
    summary: '现行限购规定（按用气性质）',
    response: z.object({ limits: z.array(limitsSchema) }),
  },
  listStaff: {
    method: 'GET',
    path: '/admin/staff',
    auth: 'admin',
    summary: '营业厅员工（不含密码）；营业厅经理须指定所管网点',
    query: hallListQuerySchema,
    response: staffListSchema,
  },
  listCards: {
    method: 'GET',
    path: '/admin/cards',
    auth: 'admin',
    summary: '燃气卡（按卡号或户号开头查找；状态、挂失原因）；营业厅经理须指定所管网点',
    query: cardListQuerySchema,
    response: cardListSchema,
  },
  listServiceRecords: {
    method: 'GET',
    path: '/admin/service-records',
    auth: 'admin',
    summary: '服务台记录（受理、投诉、预约、工单、安检），新的在前；营业厅经理须指定所管网点',
    query: serviceRecordQuerySchema,
    response: serviceRecordListSchema,
  },
} as const;
