/**
 * Head office's hybrid-logical-clock stamps: always later than every stamp it is given, derived from those
 * stamps and the wall clock alone, so every instance computes a valid one without shared state. Runtime: Node.
 */
import { decodeHlc, encodeHlc } from '../core/hlc';

export const HEAD_OFFICE_NODE = 'headoffice';

export function hlcAfter(nowMs: number, ...stamps: (string | null | undefined)[]): string {
  let max = { ms: 0, counter: 0 };
  for (const s of stamps) {
    if (!s) continue;
    try {
      const h = decodeHlc(s);
      if (h.ms > max.ms || (h.ms === max.ms && h.counter > max.counter)) max = h;
    } catch {
      // a malformed stamp never reaches here (validated), and never wins
    }
  }
  if (nowMs > max.ms) return encodeHlc({ ms: nowMs, counter: 0, node: HEAD_OFFICE_NODE });
  if (max.counter >= 99_999) return encodeHlc({ ms: max.ms + 1, counter: 0, node: HEAD_OFFICE_NODE });
  return encodeHlc({ ms: max.ms, counter: max.counter + 1, node: HEAD_OFFICE_NODE });
}

export function maxHlc(a: string, b: string): string {
  return a >= b ? a : b;
}
