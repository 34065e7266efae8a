/**
 * The import API at head office (bringing a company in; server/import): a file sent as base64 in JSON, its dry
 * run, the run (its requestId is the batch: a repeat resumes or answers it), the batches, their revert, and the
 * column mapping saved per kind. Runtime: any.
 */
import { z } from 'zod';

export const IMPORT_KINDS = [
  'customers',
  'meters',
  'cards',
  'tier_use',
  'balances',
  'inspections',
  'staff',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const KIND_ZH: Record<ImportKind, string> = {
  customers: '用户档案',
  meters: '表具',
  cards: 'IC 卡',
  tier_use: '本年度阶梯用量',
  balances: '结余与欠费',
  inspections: '安检状态与隐患',
  staff: '营业厅人员',
};

/** The largest file the HTTP API takes (bigger ones: `gasdesk server import` on the head-office machine). */
export const IMPORT_BODY_LIMIT = 128 * 1024 * 1024;

export const importMappingSchema = z.record(z.string().max(40), z.string().min(1).max(80));

export const importFileInputSchema = z.object({
  kind: z.enum(IMPORT_KINDS, { error: '导入类别不正确' }),
  fileName: z
    .string()
    .max(200)
    .regex(/\.(xlsx|csv|txt)$/i, { error: '请上传 .xlsx 或 .csv 文件' }),
  contentBase64: z.string().min(1, { error: '文件是空的' }),
  hallCode: z
    .string()
    .regex(/^\d{4}$/, { error: '网点编号为 4 位数字' })
    .optional(),
  mapping: importMappingSchema.optional(),
  encoding: z.enum(['utf8', 'gb18030']).optional(),
  skipBadRows: z.boolean().default(false),
});

export const importIssueSchema = z.object({
  rowNo: z.number().int(),
  column: z.string(),
  code: z.string(),
  message: z.string(),
});

export const importDryRunSchema = z.object({
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string(),
  sha256: z.string(),
  rows: z.number().int(),
  valid: z.number().int(),
  badRows: z.number().int(),
  wouldCreate: z.number().int(),
  wouldUpdate: z.number().int(),
  unchanged: z.number().int(),
  issueCount: z.number().int(),
  /** The first 10,000 problems. */
  issues: z.array(importIssueSchema),
});

export const importBatchSchema = z.object({
  id: z.string(),
  requestId: z.string(),
  kind: z.string(),
  fileName: z.string(),
  fileSha256: z.string(),
  status: z.enum(['running', 'done', 'reverted']),
  summary: z.record(z.string(), z.number()),
  skipped: z.array(importIssueSchema),
  rowsDone: z.number().int(),
  revertOf: z.string().nullable(),
  revertedBy: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const importBatchListSchema = z.object({ batches: z.array(importBatchSchema) });
export const importMappingInputSchema = z.object({ mapping: importMappingSchema });
export const importMappingResponseSchema = z.object({
  kind: z.enum(IMPORT_KINDS),
  mapping: importMappingSchema,
});
