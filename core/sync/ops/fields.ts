/**
 * The field types sync operation payloads are made of (core/sync/ops). Integers are the safe ones; those head
 * office stores in `integer` columns are bounded to them. Every string is held to the text rule
 * (core/validation/text.ts) as a whole payload (ops/index.ts `payloadTextProblem`), not field by field: one walk
 * catches every field, and a stricter check on the same shape changes no version. Runtime: any.
 */
import { z } from 'zod';

export const INT4_MIN = -2_147_483_648;
export const INT4_MAX = 2_147_483_647;

export const int = z.number().int();
/** Stored by head office in an `integer` column. */
export const int4 = int.min(INT4_MIN).max(INT4_MAX);
export const count = int4.min(0);
export const nint = int.nullable();
export const str = z.string();
export const nstr = z.string().nullable();
/** A record id (UUIDv7 at the counter; up to 64 characters from an imported system). */
export const id = z.string().min(1).max(64);
export const nid = id.nullable();
export const isoTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/);
export const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const cardNo = z.string().min(1).max(32);
