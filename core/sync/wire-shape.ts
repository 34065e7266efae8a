/**
 * A quick exact check of a push request (wire.ts's pushRequestSchema), for head office's prepare worker: zod
 * cost it ~5 ms a batch of 500 and a copy of every operation. It answers true only for what the schema accepts
 * as it is (the schema has no defaults or transforms; keys it does not know are left on the objects, and
 * nothing reads them); anything else goes through the schema, which decides and says why. Runtime: any.
 */
import { UUID_RE } from '../ids';
import {
  HEX64,
  HLC_RE,
  ISO_TIME,
  MAX_PAYLOAD_CHARS,
  MAX_PUSH_OPS,
  type PushRequest,
  storable,
  type WireOp,
} from './wire';
import { isObj } from './shape';

const text = (v: unknown, max: number) =>
  typeof v === 'string' && v.length >= 1 && v.length <= max && storable(v);
const matches = (v: unknown, re: RegExp) => typeof v === 'string' && re.test(v);
const count = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;

export function isWireOp(v: unknown): v is WireOp {
  return (
    isObj(v) &&
    Number.isSafeInteger(v.seq) &&
    (v.seq as number) > 0 &&
    matches(v.id, UUID_RE) &&
    text(v.counterId, 64) &&
    text(v.type, 64) &&
    text(v.entityType, 64) &&
    text(v.entityId, 128) &&
    typeof v.payload === 'string' &&
    v.payload.length <= MAX_PAYLOAD_CHARS &&
    storable(v.payload) &&
    text(v.operatorId, 64) &&
    (v.approverId === null ||
      (typeof v.approverId === 'string' && v.approverId.length <= 64 && storable(v.approverId))) &&
    matches(v.hlc, HLC_RE) &&
    storable(v.hlc as string) &&
    matches(v.createdAt, ISO_TIME) &&
    matches(v.prevHash, HEX64) &&
    matches(v.hash, HEX64)
  );
}

export function isPushRequest(v: unknown): v is PushRequest {
  if (!isObj(v) || !Array.isArray(v.ops) || v.ops.length < 1 || v.ops.length > MAX_PUSH_OPS) return false;
  const k = v.knowledge;
  if (k !== undefined && !(isObj(k) && count(k.cursor) && count(k.afterSeq))) return false;
  for (let i = 0; i < v.ops.length; i++) if (!isWireOp(v.ops[i])) return false; // (every() would skip holes)
  return true;
}
