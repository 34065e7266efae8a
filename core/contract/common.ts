/**
 * Building blocks of the API contract: every operation the UI may call is a name → { input, output, access }.
 * Services implement it once; Electron IPC and `gasdesk serve` HTTP both expose it. Runtime: any.
 */
import { z } from 'zod';
import { APPROVER_ROLES, type Role } from '../domain/roles';
import { fieldMessage } from './field-messages';
import {
  normaliseText,
  TEXT_ISSUE_CODES,
  type TextOptions,
  textMessage,
  textProblem,
} from '../validation/text';

z.config(z.locales.zhCN());
// A field without a message of its own is refused in the clerk's words, naming the field (field-messages.ts).
z.config({ customError: fieldMessage });

/** public: no login (setup, login); session: any logged-in staff; or the roles allowed. */
export type Access = 'public' | 'session' | readonly Role[];

export interface OperationDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  readonly access: Access;
  /** A short Chinese description for docs/api.md. */
  readonly summary: string;
  /** Whether the operation writes (business operations append an outbox row and an audit entry). */
  readonly writes: boolean;
}

export function op<I extends z.ZodType, O extends z.ZodType>(def: OperationDef<I, O>): OperationDef<I, O> {
  return def;
}

/**
 * Free text a person typed: NFC, trimmed, and held to the one text rule (core/validation/text.ts: no control
 * characters, unpaired surrogates, direction overrides or invisible-only values), each refusal with its own
 * issue code and a message naming the field. Empty is allowed here; `trimmed` requires a value.
 */
export const freeText = (max: number, label: string, opts: TextOptions = {}) =>
  z
    .string({ error: `请填写${label}` })
    .overwrite((s) => normaliseText(s, opts))
    .trim()
    .superRefine((s, ctx) => {
      const problem = textProblem(s, opts);
      if (problem)
        ctx.addIssue({
          code: 'custom',
          message: textMessage(problem, label),
          params: { code: TEXT_ISSUE_CODES[problem] },
          input: s,
        });
    })
    .max(max, { error: `${label}最多 ${max} 个字` });

export const trimmed = (max: number, label: string, opts?: TextOptions) =>
  freeText(max, label, opts).min(1, { error: `请填写${label}` });

/** Absent or blank → undefined. */
export const optionalTrimmed = (max: number, label: string, opts?: TextOptions) =>
  freeText(max, label, opts)
    .transform((s) => (s ? s : undefined))
    .optional();

export const isoDate = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}格式应为 年-月-日` })
    .refine(
      (s) =>
        !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
      {
        error: `${label}不是有效日期`,
      },
    );

export const idSchema = z.string().uuid({ error: '记录编号格式不正确' });

/**
 * The caller's id of one writing request (a UUID made once per user action and reused on retry): the same id
 * gets one effect and the first answer, however often it arrives (docs/api.md).
 */
export const requestIdSchema = z.uuid({ error: '请求编号（requestId）缺失或不是 UUID，请刷新页面后重试' });

export const reasonSchema = trimmed(200, '办理原因');

/** A supervisor's credentials typed on the clerk's screen (the approval primitive). */
export const approvalSchema = z.object({
  username: trimmed(40, '审批人账号'),
  password: z.string().min(1, { error: '请填写审批人密码' }).max(200),
});
export type Approval = z.infer<typeof approvalSchema>;
export const APPROVERS = APPROVER_ROLES;

export const staffRefSchema = z.object({ id: z.string(), username: z.string(), displayName: z.string() });

export const okSchema = z.object({ ok: z.literal(true) });
