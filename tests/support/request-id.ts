/** Test support: a writing operation's input gets a fresh requestId unless it has one, as the UI's client does. */
import { randomUUID } from 'node:crypto';
import { isOpName, WRITING_OPS } from '../../core/contract';

export function withRequestId(op: string, input: unknown): unknown {
  if (!isOpName(op) || !WRITING_OPS.has(op) || typeof input !== 'object' || input === null) return input;
  return 'requestId' in input ? input : { ...input, requestId: randomUUID() };
}
