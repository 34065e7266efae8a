/**
 * What makes two writing requests "the same" (one request, one effect): their input in a canonical form —
 * object keys sorted, the request id itself and every password left out (the form is hashed and stored).
 * Used by the counter (services/requests) and head office (server/admin/once.ts). Runtime: any.
 */
const LEFT_OUT = /password|^requestId$/i;

export function canonicalInput(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonicalInput);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) {
    if (!LEFT_OUT.test(k)) out[k] = canonicalInput((v as Record<string, unknown>)[k]);
  }
  return out;
}
