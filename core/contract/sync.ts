/** 与总部同步: the counter's sync state, sync on demand, and enrollment with head office. Runtime: any. */
import { z } from 'zod';
import { op } from './common';

const errorRef = z.object({ code: z.string(), message: z.string(), at: z.string() });

export const syncStatusSchema = z.object({
  enrolled: z.boolean(),
  server: z.string().nullable(),
  /** Operations written here that head office has not acknowledged yet. */
  pendingOps: z.number().int(),
  lastSeq: z.number().int(),
  ackedSeq: z.number().int(),
  pullCursor: z.number().int(),
  running: z.boolean(),
  lastAttemptAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  nextRunAt: z.string().nullable(),
  lastError: errorRef.nullable(),
  /** This counter's clock minus head office's, as last measured (ms). */
  clockOffsetMs: z.number().int().nullable(),
  quarantined: z.array(
    z.object({
      seq: z.number().int(),
      opId: z.string(),
      type: z.string(),
      code: z.string(),
      reason: z.string(),
      at: z.string(),
    }),
  ),
  digestMismatches: z.array(z.object({ day: z.string(), field: z.string(), at: z.string() })),
  conflicts: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      entityId: z.string(),
      field: z.string().nullable(),
      status: z.string(),
    }),
  ),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const syncRunResultSchema = z.object({
  ok: z.boolean(),
  pushed: z.number().int(),
  pulled: z.number().int(),
  quarantined: z.number().int(),
  mismatches: z.number().int(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type SyncRunResult = z.infer<typeof syncRunResultSchema>;

export const syncEnrollInput = z.object({
  server: z
    .string({ error: '请填写总部地址' })
    .trim()
    .regex(/^https?:\/\/[^\s/]+(:\d+)?\/?$/, { error: '总部地址格式如 https://hq.example.com:8443' }),
  code: z
    .string({ error: '请填写登记码' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/, { error: '登记码格式为 XXXX-XXXX-XXXX' }),
});

export const syncOps = {
  'sync.status': op({
    summary: '同步状态：待上传笔数、最近成功、被隔离的流水、对账差异、冲突',
    access: 'session',
    writes: false,
    input: z.object({}),
    output: syncStatusSchema,
  }),
  'sync.now': op({
    summary: '立即与总部同步一次（上传、下载、对账）',
    access: 'session',
    writes: true,
    input: z.object({}),
    output: syncRunResultSchema,
  }),
  'sync.enroll': op({
    summary: '用总部发的一次性登记码登记本柜台（生成设备密钥）',
    access: ['admin'],
    writes: true,
    input: syncEnrollInput,
    output: z.object({
      counterId: z.string(),
      hallName: z.string(),
      counterName: z.string(),
      /** The hall's IANA time zone: the counter's business days are in it from now on. */
      timeZone: z.string(),
      enrolledAt: z.string(),
    }),
  }),
} as const;
