/**
 * Test support: an enrolled counter driven by hand — it signs and pushes correctly chained operations whose
 * payloads the test writes, honest (checked by the sync contract, as a counter's ledger checks them) or
 * forged (sent as they are), with the time and HLC the test chooses. What a hostile counter with a stolen
 * device key could send.
 */
import { GENESIS_HASH } from '../../core/sync/canonical';
import { uuidv7 } from '../../core/ids';
import { encodeOp, OPS, type OpPayload, type OpType } from '../../core/sync/ops';
import type { PushResponse, WireOp } from '../../core/sync/wire';
import { enrollDevice } from '../sim/bench-push';
import { chainOps } from '../sim/synthetic-ops';
import type { HeadOfficeApi } from './head-office';
import { signed } from './signed';

/** An operation as the test writes it: its type and payload; an op's other fields default sensibly. */
export interface ScriptedOp {
  readonly type: string;
  readonly payload: unknown;
  /** Sent as written, not checked by the contract (a forgery); the entity must then be given. */
  readonly forged?: boolean;
  readonly entityType?: string;
  readonly entityId?: string;
  readonly operatorId?: string;
  readonly approverId?: string | null;
  /** The op's time (its HLC's and createdAt); the counter's running clock otherwise. */
  readonly atMs?: number;
}

/** An honest operation, encoded as a counter's ledger encodes it. */
export const op = <T extends OpType>(type: T, payload: OpPayload<T>, more: Partial<ScriptedOp> = {}) => ({
  type,
  payload,
  ...more,
});

export class ScriptedCounter {
  head = { seq: 0, hash: GENESIS_HASH };
  /** The counter's running clock: each op one second after the one before. */
  clockMs = Date.now() - 3_600_000;

  private constructor(
    readonly ho: HeadOfficeApi,
    readonly hallCode: string,
    readonly dev: Awaited<ReturnType<typeof enrollDevice>>,
    readonly operatorId: string,
  ) {}

  /** Enrols a counter, with `code` when an administrator registered it, else registering it first. */
  static async enroll(
    ho: HeadOfficeApi,
    hallCode: string,
    counterCode: string,
    code?: string,
  ): Promise<ScriptedCounter> {
    const dev = await enrollDevice(ho, hallCode, counterCode, uuidv7(Date.now()), code);
    return new ScriptedCounter(ho, hallCode, dev, uuidv7(Date.now()));
  }

  get counterId(): string {
    return this.dev.counterId;
  }

  /** The ops chained after this counter's head, as its outbox would hold them. */
  chain(ops: readonly ScriptedOp[]): WireOp[] {
    return chainOps(
      ops.map((o) => {
        if (o.atMs === undefined) this.clockMs += 1_000;
        const t = o.atMs ?? this.clockMs;
        const e = o.forged
          ? {
              entityType: o.entityType ?? OPS[o.type as OpType]?.entityType ?? 'x',
              entityId: o.entityId ?? 'x',
              json: JSON.stringify({ v: 2, ...(o.payload as object) }),
            }
          : encodeOp(o.type as OpType, o.payload as never);
        return {
          id: uuidv7(t),
          type: o.type,
          entityType: o.entityType ?? e.entityType,
          entityId: o.entityId ?? e.entityId,
          payload: e.json,
          operatorId: o.operatorId ?? this.operatorId,
          approverId: o.approverId ?? null,
          hlc: `${String(t).padStart(15, '0')}-00000-${this.counterId.slice(-12)}`,
          createdAt: new Date(t).toISOString(),
        };
      }),
      this.counterId,
      this.head,
    );
  }

  /** Pushes the ops (signed, chained); the answer must be 200. */
  async push(ops: readonly ScriptedOp[]): Promise<PushResponse & { chained: WireOp[] }> {
    const chained = this.chain(ops);
    const r = await signed(this.ho.url, this.dev, 'POST', '/v1/push', { ops: chained });
    if (r.status !== 200) throw new Error(`push refused: ${r.status} ${JSON.stringify(r.body)}`);
    this.head = { seq: chained.at(-1)!.seq, hash: chained.at(-1)!.hash };
    return { ...(r.body as PushResponse), chained };
  }

  /** Everything head office's feed holds for this counter's hall (one page). */
  async pull(): Promise<{ kind: string; key: string; data: Record<string, unknown> }[]> {
    const r = await signed(this.ho.url, this.dev, 'GET', '/v1/pull?cursor=0&limit=20000');
    if (r.status !== 200) throw new Error(`pull refused: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.entries;
  }
}
