/**
 * A push prepare worker (a worker thread of head office, started by prepare-pool.ts): turns a pushed batch's
 * bytes into what its transaction needs (prepare.ts) — the parse, validation, hashes and payload checks that
 * would otherwise hold up the thread serving every request and owning the database connections. It never
 * touches the database. Runtime: Node (worker thread).
 */
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../core/errors';
import { errorShape, preparePush } from './prepare';

export interface PrepareRequest {
  readonly id: number;
  readonly counterId: string;
  readonly bytes: Uint8Array;
}

export type PrepareReply =
  | { readonly id: number; readonly prepared: ReturnType<typeof preparePush> }
  | { readonly id: number; readonly error: ReturnType<typeof errorShape> };

const port = parentPort!;
port.on('message', (m: PrepareRequest) => {
  let reply: PrepareReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const prepared = preparePush(m.counterId, m.bytes);
    reply = { id: m.id, prepared };
    // The column arrays move to the serving thread rather than being copied (each has its own memory).
    transfer = [...prepared.rows, ...prepared.sales.params].map((a) => a.buffer as ArrayBuffer);
  } catch (e) {
    reply = {
      id: m.id,
      error:
        e instanceof AppError
          ? errorShape(e)
          : { code: 'INTERNAL', detail: e instanceof Error ? e.message : String(e) },
    };
  }
  port.postMessage(reply, transfer);
});
