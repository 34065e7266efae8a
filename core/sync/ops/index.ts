/**
 * The sync operations contract: every operation type a counter writes to its ledger, each with a versioned
 * payload schema, the entity it touches and who may say it (define.ts). The counter's ledger appends only what
 * `encodeOp` accepts; head office reads every pushed operation with `readOp`, whatever version it was stored
 * at; docs/sync-protocol.md's operation reference is generated from OP_SPECS. Runtime: any.
 */
import type { z } from 'zod';
import type { QuarantineCode } from '../quarantine';
import { findTextProblem, textMessage } from '../../validation/text';
import { appointmentOps } from './appointment-ops';
import { installationOps } from './installation-ops';
import { workOrderOps } from './work-order-ops';
import { cardOps } from './card-ops';
import { cashOps } from './cash-ops';
import { customerOps } from './customer-ops';
import type { OpSpec } from './define';
import { localOps } from './local-ops';
import { saleOps } from './sale-ops';
import { serviceOps } from './service-ops';

export const OP_SPECS = [
  ...customerOps,
  ...saleOps,
  ...cardOps,
  ...cashOps,
  ...localOps,
  ...serviceOps,
  ...appointmentOps,
  ...workOrderOps,
  ...installationOps,
] as const;

type Spec = (typeof OP_SPECS)[number];
export type OpType = Spec['type'];
export type OpSpecOf<T extends OpType> = Extract<Spec, { type: T }>;
/** What a use case hands the ledger for an operation of type T. */
export type OpPayload<T extends OpType> = z.input<OpSpecOf<T>['schema']>;
/** An operation's payload as head office reads it (current version). */
export type OpData<T extends OpType> = z.output<OpSpecOf<T>['schema']>;

export const OPS: { readonly [T in OpType]: OpSpecOf<T> } = Object.fromEntries(
  OP_SPECS.map((s) => [s.type, s]),
) as never;

if (Object.keys(OPS).length !== OP_SPECS.length) throw new Error('an operation type is declared twice');

export function isOpType(type: string): type is OpType {
  return Object.hasOwn(OPS, type);
}

/**
 * Why the text of a payload breaks the text rule (core/validation/text.ts, the API contract's), or null: every
 * string and key, `notes` multi-line. NUL and unpaired surrogates cannot be stored at all.
 */
export function payloadTextProblem(v: unknown): string | null {
  const found = findTextProblem(v);
  return found
    ? textMessage(found.problem, found.path.length > 0 ? `${found.path.join('.')} ` : '业务内容')
    : null;
}

function firstIssue(error: z.ZodError): string {
  const i = error.issues[0];
  return i ? `${i.path.length > 0 ? `${i.path.join('.')}：` : ''}${i.message}` : '';
}

/**
 * The payload as the counter's ledger stores it (its JSON text, with `v`), with the ledger's entity. Throws
 * on a payload the contract refuses: that is a defect in the use case, never the operator's input.
 */
export function encodeOp<T extends OpType>(
  type: T,
  payload: OpPayload<T>,
): { entityType: string; entityId: string; json: string } {
  const spec = OPS[type] as OpSpec;
  const r = spec.schema.safeParse(payload);
  if (!r.success)
    throw new Error(`${type}: the payload does not fit the sync contract (${firstIssue(r.error)})`);
  const text = payloadTextProblem(payload);
  if (text) throw new Error(`${type}: the payload holds text the sync contract refuses (${text})`);
  return {
    entityType: spec.entityType,
    entityId: spec.entityId(r.data),
    json: JSON.stringify({ v: spec.version, ...(payload as object) }),
  };
}

/** Why head office cannot read an operation (docs/sync-protocol.md, quarantine reasons). */
export type ReadFailure = Extract<
  QuarantineCode,
  'OP_UNKNOWN_TYPE' | 'OP_VERSION_UNSUPPORTED' | 'PAYLOAD_INVALID' | 'TEXT_REFUSED'
>;

export type ReadOp<T extends OpType = OpType> =
  | { readonly ok: true; readonly type: T; readonly version: number; readonly data: OpData<T> }
  | { readonly ok: false; readonly code: ReadFailure; readonly reason: string };

const fail = (code: ReadFailure, reason: string): ReadOp => ({ ok: false, code, reason });

/**
 * Reads a stored operation as the current version of its type: its payload's JSON, its version (`v`, 1 when
 * absent) upgraded step by step, its text held to the text rule, checked against the schema, and — for an operation head
 * office applies — the entity the op names is the one its payload describes.
 */
export function readOp(op: { type: string; entityType: string; entityId: string; payload: string }): ReadOp {
  if (!isOpType(op.type)) return fail('OP_UNKNOWN_TYPE', `总部不认识业务类型 ${op.type.slice(0, 64)}`);
  const spec = OPS[op.type] as OpSpec;
  let raw: unknown;
  try {
    raw = JSON.parse(op.payload);
  } catch {
    return fail('PAYLOAD_INVALID', '业务内容不是有效的 JSON');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return fail('PAYLOAD_INVALID', '业务内容应为一个对象');
  let { v = 1, ...data } = raw as Record<string, unknown>;
  if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > spec.version)
    return fail(
      'OP_VERSION_UNSUPPORTED',
      `${op.type} 的内容版本 ${String(v).slice(0, 20)} 总部不支持（请升级总部程序）`,
    );
  const version = v as number;
  for (let n = version; n < spec.version; n++) data = spec.upgrades[n]!(data, op);
  const text = payloadTextProblem(data);
  if (text) return fail('TEXT_REFUSED', `业务内容的文字不符合规则：${text}`);
  const r = spec.schema.safeParse(data);
  if (!r.success) return fail('PAYLOAD_INVALID', `业务内容不符合 ${op.type}：${firstIssue(r.error)}`);
  if (spec.headOffice === 'applies') {
    if (op.entityType !== spec.entityType || op.entityId !== spec.entityId(r.data))
      return fail('PAYLOAD_INVALID', '业务流水的对象与业务内容不符');
  }
  return { ok: true, type: op.type, version, data: r.data as never };
}
