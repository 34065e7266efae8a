/**
 * Every head-office HTTP route with its schemas: the server validates with them and the OpenAPI document
 * (and docs/sync-protocol.md) is generated from them, so the three never drift. Runtime: any.
 */
import {
  counterOpsQuerySchema,
  counterOpsSchema,
  revertInputSchema,
  revertResultSchema,
} from './wire-revert';
import { z } from 'zod';
import {
  fetchRequestSchema,
  fetchResponseSchema,
  lookupRequestSchema,
  lookupResponseSchema,
  pullScopeInputSchema,
  pullScopeSchema,
} from './wire-visit';
import { reportQuerySchema, reportSchema } from '../reports/definitions';
import { usageAnalysisSchema, usageQuerySchema } from '../usage/thresholds';
import {
  usageReferralInputSchema,
  usageReferralListSchema,
  usageReferralQuerySchema,
  usageReferralSchema,
} from './wire-referral';
import {
  IMPORT_BODY_LIMIT,
  importBatchListSchema,
  importBatchSchema,
  importDryRunSchema,
  importFileInputSchema,
  importMappingInputSchema,
  importMappingResponseSchema,
} from './wire-import';
import { limitsSchema } from '../contract/prices';
import { CONSOLE_ROUTES } from './routes-console';
import { LIST_ROUTES } from './routes-lists';
import {
  ATTACHMENT_BODY_LIMIT,
  attachmentUploadResponseSchema,
  attachmentUploadSchema,
} from './wire-attachments';
import { serviceStepInputSchema, serviceStepSchema } from './wire-service-steps';
import { receiptVerdictSchema, receiptVerifyInputSchema } from '../receipts/receipt-qr';
import {
  adminSchemas,
  blockCardInputSchema,
  conflictListQuerySchema,
  counterInputSchema,
  counterViewSchema,
  enrollmentCodeSchema,
  feeItemInputSchema,
  hallInputSchema,
  hallSchema,
  newCounterResponseSchema,
  resolveInputSchema,
  revokeInputSchema,
  staffInputSchema,
  staffViewSchema,
} from './wire-admin';
import {
  enrollRequestSchema,
  enrollResponseSchema,
  healthResponseSchema,
  pullQuerySchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
  reconcileRequestSchema,
  reconcileResponseSchema,
  statusResponseSchema,
} from './wire';

/**
 * none: public; enroll: a one-time enrollment code in the body; counter: Ed25519-signed; admin: the
 * administrator's bearer token or a console session whose role allows the route (server/console/permissions.ts);
 * login: public, counted per address; console: a console session.
 */
export type RouteAuth = 'none' | 'enroll' | 'counter' | 'admin' | 'login' | 'console';

export interface RouteDef {
  readonly method: 'GET' | 'POST';
  /** Fastify-style path (`:name` parameters). */
  readonly path: string;
  readonly auth: RouteAuth;
  readonly summary: string;
  readonly body?: z.ZodType;
  /** An administrator's write: its body carries a requestId, one effect per id (server/admin/once.ts). */
  readonly writes?: true;
  readonly query?: z.ZodType;
  readonly response: z.ZodType;
  /** Largest accepted body, bytes. */
  readonly bodyLimit?: number;
}

const KB = 1024;
const IMPORT_ROUTES = {
  importDryRun: {
    method: 'POST',
    path: '/admin/imports/dry-run',
    auth: 'admin',
    summary: '数据迁移：试导入（逐行校验、查重，不写入任何数据），返回汇总与错误明细',
    body: importFileInputSchema,
    response: importDryRunSchema,
    bodyLimit: IMPORT_BODY_LIMIT,
  },
  importRun: {
    method: 'POST',
    writes: true,
    path: '/admin/imports',
    auth: 'admin',
    summary:
      '数据迁移：导入（先试导入；有错误行时不写入，除非 skipBadRows；同一 requestId 续做或返回该批次）',
    body: importFileInputSchema,
    response: importBatchSchema,
    bodyLimit: IMPORT_BODY_LIMIT,
  },
  listImports: {
    method: 'GET',
    path: '/admin/imports',
    auth: 'admin',
    summary: '导入批次列表',
    response: importBatchListSchema,
  },
  getImport: {
    method: 'GET',
    path: '/admin/imports/:id',
    auth: 'admin',
    summary: '一个导入批次（汇总、跳过的错误行）',
    response: importBatchSchema,
  },
  revertImport: {
    method: 'POST',
    writes: true,
    path: '/admin/imports/:id/revert',
    auth: 'admin',
    summary: '撤销导入批次（以冲正方式：新建的档案销户、卡挂失、表拆除、人员停用，改动的恢复原值）',
    response: importBatchSchema,
  },
  saveImportMapping: {
    method: 'POST',
    writes: true,
    path: '/admin/import-mappings/:kind',
    auth: 'admin',
    summary: '保存某类导入文件的列对应关系（模板列 → 文件中的表头）',
    body: importMappingInputSchema,
    response: importMappingResponseSchema,
  },
} as const;

export const PUSH_BODY_LIMIT = 16 * KB * KB;
export const DEFAULT_BODY_LIMIT = 64 * KB;

export const SYNC_ROUTES = {
  health: {
    method: 'GET',
    path: '/health',
    auth: 'none',
    summary: '就绪检查：数据库可用时返回 200',
    response: healthResponseSchema,
  },
  enroll: {
    method: 'POST',
    path: '/v1/enroll',
    auth: 'enroll',
    summary: '柜台登记：用一次性登记码换取设备身份（上传 Ed25519 公钥）',
    body: enrollRequestSchema,
    response: enrollResponseSchema,
  },
  push: {
    method: 'POST',
    path: '/v1/push',
    auth: 'counter',
    summary: '上传业务流水（按序号、分批；幂等）',
    body: pushRequestSchema,
    response: pushResponseSchema,
    bodyLimit: PUSH_BODY_LIMIT,
  },
  pull: {
    method: 'GET',
    path: '/v1/pull',
    auth: 'counter',
    summary: '按游标分页下载主数据和本网点档案的变化',
    query: pullQuerySchema,
    response: pullResponseSchema,
  },
  uploadAttachment: {
    method: 'POST',
    path: '/v1/attachments',
    auth: 'counter',
    summary:
      '上传业务附件（照片、扫描件）：总部核对 SHA-256、大小（≤ 2 MB）和类型（JPEG、PNG、PDF），不符即拒收',
    body: attachmentUploadSchema,
    response: attachmentUploadResponseSchema,
    bodyLimit: ATTACHMENT_BODY_LIMIT,
  },
  reconcile: {
    method: 'POST',
    path: '/v1/reconcile',
    auth: 'counter',
    summary: '按日对账：比较条数、金额、气量和流水编号哈希',
    body: reconcileRequestSchema,
    response: reconcileResponseSchema,
    bodyLimit: 1024 * KB,
  },
  lookupCustomers: {
    method: 'POST',
    path: '/v1/customers/lookup',
    auth: 'counter',
    summary:
      '查询其他营业厅的用户（用户编号、卡号、姓名、电话、身份证号、地址、表号，与柜台查询同义），结果注明所属营业厅',
    body: lookupRequestSchema,
    response: lookupResponseSchema,
  },
  fetchCustomer: {
    method: 'POST',
    path: '/v1/customers/fetch',
    auth: 'counter',
    summary:
      '取其他营业厅一户的档案与卡（下发给本柜台：此后本柜台为该户的收费、购气写卡被总部接受；改档、过户、挂失、销户仍属原营业厅）',
    body: fetchRequestSchema,
    response: fetchResponseSchema,
  },
  status: {
    method: 'GET',
    path: '/v1/status',
    auth: 'counter',
    summary: '总部所见本柜台的同步状态',
    response: statusResponseSchema,
  },
  createHall: {
    method: 'POST',
    writes: true,
    path: '/admin/halls',
    auth: 'admin',
    summary: '登记营业厅（网点）',
    body: hallInputSchema,
    response: hallSchema,
  },
  listHalls: {
    method: 'GET',
    path: '/admin/halls',
    auth: 'admin',
    summary: '营业厅列表',
    response: adminSchemas.hallList,
  },
  createCounter: {
    method: 'POST',
    writes: true,
    path: '/admin/halls/:hallCode/counters',
    auth: 'admin',
    summary: '登记柜台并生成一次性登记码',
    body: counterInputSchema,
    response: newCounterResponseSchema,
  },
  listCounters: {
    method: 'GET',
    path: '/admin/counters',
    auth: 'admin',
    summary: '柜台列表（状态、已收序号、时钟偏差、告警）',
    response: adminSchemas.counterList,
  },
  newEnrollmentCode: {
    method: 'POST',
    writes: true,
    path: '/admin/counters/:slotId/enrollment-code',
    auth: 'admin',
    summary: '为尚未登记的柜台重新生成登记码（旧码作废）',
    response: enrollmentCodeSchema,
  },
  revokeCounter: {
    method: 'POST',
    writes: true,
    path: '/admin/counters/:slotId/revoke',
    auth: 'admin',
    summary: '停用柜台：其下一次请求即被拒绝',
    body: revokeInputSchema,
    response: counterViewSchema,
  },
  listCounterOps: {
    method: 'GET',
    path: '/admin/counters/:slotId/ops',
    auth: 'admin',
    summary: '某柜台在总部的业务流水（状态、隔离原因、是否已撤销）',
    query: counterOpsQuerySchema,
    response: counterOpsSchema,
  },
  revertCounter: {
    method: 'POST',
    writes: true,
    path: '/admin/counters/:slotId/revert',
    auth: 'admin',
    summary: '撤销已停用柜台自某序号起已生效的业务（以更正记录冲回，不删除任何记录）',
    body: revertInputSchema,
    response: revertResultSchema,
  },
  listConflicts: {
    method: 'GET',
    path: '/admin/conflicts',
    auth: 'admin',
    summary: '冲突记录',
    query: conflictListQuerySchema,
    response: adminSchemas.conflictList,
  },
  resolveConflict: {
    method: 'POST',
    writes: true,
    path: '/admin/conflicts/:id/resolve',
    auth: 'admin',
    summary: '处理冲突：保留总部现值或采用新值，结果下发到各柜台',
    body: resolveInputSchema,
    response: adminSchemas.conflict,
  },
  stepServiceRecord: {
    method: 'POST',
    writes: true,
    path: '/admin/service-records/:id/steps',
    auth: 'admin',
    summary:
      '总部改派或结案投诉、工单：记为总部的一步（不占柜台的步骤号），随拉取下发到该网点的柜台；已结案的不能再改派或结案',
    body: serviceStepInputSchema,
    response: serviceStepSchema,
  },
  listQuarantine: {
    method: 'GET',
    path: '/admin/quarantine',
    auth: 'admin',
    summary: '被隔离的业务流水及原因',
    response: adminSchemas.quarantineList,
  },
  listReconciliation: {
    method: 'GET',
    path: '/admin/reconciliation',
    auth: 'admin',
    summary: '对账不符的柜台和日期',
    response: adminSchemas.reconciliationList,
  },
  createPriceVersion: {
    method: 'POST',
    writes: true,
    path: '/admin/price-versions',
    auth: 'admin',
    summary: '发布气价版本（下发到全部柜台）',
    body: adminSchemas.priceVersionInput,
    response: adminSchemas.priceVersion,
  },
  saveFeeItem: {
    method: 'POST',
    writes: true,
    path: '/admin/fee-items',
    auth: 'admin',
    summary: '发布收费项目（按代码新建或修改）',
    body: feeItemInputSchema,
    response: adminSchemas.feeItem,
  },
  saveLimits: {
    method: 'POST',
    writes: true,
    path: '/admin/purchase-limits',
    auth: 'admin',
    summary: '发布限购规定',
    body: limitsSchema,
    response: adminSchemas.limits,
  },
  createStaff: {
    method: 'POST',
    writes: true,
    path: '/admin/halls/:hallCode/staff',
    auth: 'admin',
    summary: '新建营业厅员工（密码在总部加密，只下发哈希）',
    body: staffInputSchema,
    response: staffViewSchema,
  },
  blockCard: {
    method: 'POST',
    writes: true,
    path: '/admin/cards/:cardNo/block',
    auth: 'admin',
    summary: '挂失燃气卡（下发到全部柜台）',
    body: blockCardInputSchema,
    response: adminSchemas.card,
  },
  getPullScope: {
    method: 'GET',
    path: '/admin/settings/pull-scope',
    auth: 'admin',
    summary: '柜台下载档案的范围：hall 本营业厅（默认）或 company 全公司',
    response: pullScopeSchema,
  },
  setPullScope: {
    method: 'POST',
    writes: true,
    path: '/admin/settings/pull-scope',
    auth: 'admin',
    summary:
      '设置柜台下载档案的范围（hall 本营业厅 / company 全公司）；改为全公司后各柜台下一次同步起收到其他营业厅的档案',
    body: pullScopeInputSchema,
    response: pullScopeSchema,
  },
  verifyReceipt: {
    method: 'POST',
    path: '/admin/receipts/verify',
    auth: 'admin',
    summary: '验证收据二维码的签名：哪个柜台、收据号、金额，是否有效及原因',
    body: receiptVerifyInputSchema,
    response: receiptVerdictSchema,
  },
  report: {
    method: 'GET',
    path: '/admin/reports/:kind',
    auth: 'admin',
    summary:
      '报表（gas 售气、fees 收费、corrections 冲正退款补打写卡、accounts 开户与受理、cash 现金、ledger 客服业务台帐）：按期间与营业厅/柜台/全公司统计',
    query: reportQuerySchema,
    response: reportSchema,
  },
  reportExport: {
    method: 'GET',
    path: '/admin/reports/:kind/export.xlsx',
    auth: 'admin',
    summary:
      '报表导出为 Excel（.xlsx，流式输出）：顶部注明筛选条件与期间，中文表头，金额为元（两位小数），含合计',
    query: reportQuerySchema,
    response: z.string().describe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
  },
  usageAnalysis: {
    method: 'GET',
    path: '/admin/usage-analysis',
    auth: 'admin',
    summary:
      '燃气用量分析：某月各户用气与本户历史、同类户比较，列出疑似漏气或计量异常的表具及依据（阈值可在查询中调整）',
    query: usageQuerySchema,
    response: usageAnalysisSchema,
  },
  usageAnalysisExport: {
    method: 'GET',
    path: '/admin/usage-analysis/export.xlsx',
    auth: 'admin',
    summary:
      '燃气用量分析导出为 Excel（.xlsx）：顶部注明范围、月份与阈值，每个疑似异常表具一行，含疑点与依据',
    query: usageQuerySchema,
    response: z.string().describe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
  },
  sendUsageReferral: {
    method: 'POST',
    writes: true,
    path: '/admin/halls/:hallCode/usage-referrals',
    auth: 'admin',
    summary:
      '疑似异常表具开工单：把用量分析的一户（疑点与依据）发给其营业厅，柜台同步后在待办中一键开出维修工单（每户每月一次）',
    body: usageReferralInputSchema,
    response: usageReferralSchema,
  },
  listUsageReferrals: {
    method: 'GET',
    path: '/admin/usage-referrals',
    auth: 'admin',
    summary: '某月已发出的核表请求及柜台据此开出的工单号',
    query: usageReferralQuerySchema,
    response: usageReferralListSchema,
  },
  ...CONSOLE_ROUTES,
  ...IMPORT_ROUTES,
  ...LIST_ROUTES,
} as const satisfies Record<string, RouteDef>;

export type RouteName = keyof typeof SYNC_ROUTES;
