/**
 * The counter's HTTP client to head office: every request signed with the device key (core/sync/signing.ts),
 * with a timeout and the caller's abort signal (the watchdog), the clock offset learned from head office's
 * replies (a counter with a wrong clock still signs within the window: one retry after a stale answer), and
 * every failure turned into an AppError with a stable code. Runtime: Node.
 */
import { createHash, randomBytes } from 'node:crypto';
import { AppError, isErrorCode } from '../../core/errors';
import { HEADERS, signingString, SKEW_FLAG_MS } from '../../core/sync/signing';
import { errorResponseSchema } from '../../core/sync/wire';
import type { DeviceKey } from './device-key';
import { type HttpAnswer, httpRequest } from './http';

export interface ClientOptions {
  readonly baseUrl: string;
  readonly counterId: string;
  readonly key: DeviceKey;
  /** The counter's wall clock (ms). */
  readonly now: () => number;
  /** Counter clock minus head office clock, as last measured. */
  clockOffsetMs: number;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** Called after every answer from head office (the watchdog's heartbeat). */
  readonly onProgress?: () => void;
}

export interface Reply<T> {
  readonly status: number;
  readonly body: T;
}

/** Socket errors of a connection closed by the other side (no answer came: the request may be sent again). */
const CLOSED_UNDER_US = new Set(['ECONNRESET', 'EPIPE']);
/** A request whose connection was closed under it before any answer came: it may be sent again. */
class DroppedError extends AppError {}

function toError(status: number, text: string): AppError {
  try {
    const b = errorResponseSchema.safeParse(JSON.parse(text));
    if (b.success && isErrorCode(b.data.code))
      return new AppError(b.data.code, { detail: b.data.detail, fields: b.data.fields });
  } catch {
    // not our JSON: a proxy or a broken connection answered
  }
  return new AppError(status >= 500 ? 'SYNC_UNREACHABLE' : 'INTERNAL', { detail: `HTTP ${status}` });
}

export class SyncClient {
  constructor(readonly o: ClientOptions) {}

  async request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Reply<T>> {
    const reply = await this.requestText(method, path, body);
    try {
      return { status: reply.status, body: JSON.parse(reply.body) as T };
    } catch {
      throw new AppError('SYNC_UNREACHABLE', {
        detail: 'head office answered with something that is not JSON',
      });
    }
  }

  /**
   * The same signed request, answered with the body's text (a caller that parses it elsewhere). A body given
   * as EncodedJson (a push batch, push-pipeline.ts) is sent as its bytes, piece by piece.
   */
  async requestText(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Reply<string>> {
    // Encoded once: the same bytes are hashed for the signature and sent.
    const text =
      body instanceof EncodedJson
        ? body.chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength))
        : [Buffer.from(body === undefined ? '' : JSON.stringify(body))];
    try {
      return await this.once(method, path, text);
    } catch (e) {
      // Sent once more, signed afresh (every sync request is safe to repeat: head office recognises what it
      // already stored): after learning head office's clock, or when a kept-alive connection was closed under
      // the request (head office closes one idle for 72 s; a request leaving just then meets a closed socket).
      if (e instanceof AppError && e.code === 'SYNC_STALE_REQUEST') return this.once(method, path, text);
      if (e instanceof DroppedError) return this.once(method, path, text);
      throw e;
    }
  }

  private async once(method: 'GET' | 'POST', path: string, text: readonly Buffer[]): Promise<Reply<string>> {
    const timestamp = String(Math.round(this.o.now() - this.o.clockOffsetMs));
    const nonce = randomBytes(18).toString('base64url');
    const sig = this.o.key.sign(
      signingString({
        method,
        path,
        timestamp,
        nonce,
        counterId: this.o.counterId,
        bodySha256: text.reduce((h, c) => h.update(c), createHash('sha256')).digest('hex'),
      }),
    );
    const signals = [
      AbortSignal.timeout(this.o.timeoutMs ?? 60_000),
      ...(this.o.signal ? [this.o.signal] : []),
    ];
    let res: HttpAnswer;
    try {
      res = await httpRequest(new URL(path, this.o.baseUrl), {
        method,
        headers: {
          ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
          [HEADERS.counter]: this.o.counterId,
          [HEADERS.timestamp]: timestamp,
          [HEADERS.nonce]: nonce,
          [HEADERS.signature]: sig,
          [HEADERS.clockOffset]: String(Math.round(this.o.clockOffsetMs)),
        },
        body: method === 'POST' ? text : undefined,
        signal: AbortSignal.any(signals),
      });
    } catch (e) {
      const detail =
        e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e);
      const code = (e as { code?: unknown } | undefined)?.code;
      const Unreachable = typeof code === 'string' && CLOSED_UNDER_US.has(code) ? DroppedError : AppError;
      throw new Unreachable('SYNC_UNREACHABLE', { detail });
    }
    this.learnClock(res.header(HEADERS.serverTime));
    this.o.onProgress?.();
    if (!res.ok) throw toError(res.status, res.text);
    return { status: res.status, body: res.text };
  }

  /** Keeps the offset within a second of what head office's clock says (network delay aside). */
  private learnClock(serverTime: string | null): void {
    const t = Number(serverTime);
    if (!serverTime || !Number.isFinite(t)) return;
    const offset = this.o.now() - t;
    if (Math.abs(offset - this.o.clockOffsetMs) > 1000) this.o.clockOffsetMs = offset;
  }

  /** Whether this counter's clock is off by more than head office tolerates without flagging. */
  get skewed(): boolean {
    return Math.abs(this.o.clockOffsetMs) > SKEW_FLAG_MS;
  }
}

/**
 * A request body that is JSON already encoded, in pieces sent one after the other as they are (a push batch:
 * the operations as the outbox gave them, between the object's opening and its end), never joined or re-encoded.
 */
export class EncodedJson {
  constructor(readonly chunks: readonly Uint8Array[]) {}
}

/** An unsigned request (enrollment, health probe). */
export async function plainRequest<T>(
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  opts: { timeoutMs?: number } = {},
): Promise<T> {
  let res: HttpAnswer;
  try {
    res = await httpRequest(new URL(path, baseUrl), {
      method,
      headers: method === 'POST' ? { 'content-type': 'application/json' } : {},
      body: body === undefined ? undefined : [Buffer.from(JSON.stringify(body))],
      signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000),
    });
  } catch (e) {
    throw new AppError('SYNC_UNREACHABLE', { detail: e instanceof Error ? e.message : String(e) });
  }
  if (!res.ok) throw toError(res.status, res.text);
  return JSON.parse(res.text) as T;
}
