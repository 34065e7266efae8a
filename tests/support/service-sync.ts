/**
 * Test support for the service desk's records at head office (acceptances, complaints, appointments, work
 * orders, inspections): one counter of hall 0101 enrolled at a head office on a fixed clock (`realTime` lets
 * a test move head office to real time, for a forged push's signature), its sync that must come back clean, and
 * an operation forged outside the counter's ledger (its payload encoded by the contract).
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { uuidv7 } from '../../core/ids';
import { encodeOp, type OpPayload, type OpType } from '../../core/sync/ops';
import { SimCounter } from '../sim/sim-counter';
import { tempDir } from './app';
import { registerCounter, startHeadOffice, type TestHeadOffice } from './head-office';

export const SERVICE_SYNC_NOW = Date.parse('2026-03-02T09:00:00+08:00');

export interface ServiceSyncRig {
  ho: TestHeadOffice;
  A: SimCounter;
  /** Head office's clock: the fixed one, or real time. */
  realTime: boolean;
  /** The counter's sync, which must answer ok with nothing quarantined. */
  sync(): Promise<void>;
  rows<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

/**
 * Registers the hooks that start and stop the head office and its counter; fields are set in beforeAll. Head
 * office runs on PostgreSQL when it answers, or on PGlite (`pglite`, or when it does not).
 */
export function serviceSyncRig(dirPrefix: string, opts: { pglite?: boolean } = {}): ServiceSyncRig {
  const rig = {
    realTime: false,
    async sync() {
      const r = await rig.A.ok('sync.now', {}, rig.A.adminSid);
      expect(r).toMatchObject({ ok: true, error: null, quarantined: 0, mismatches: 0 });
    },
    rows: <T>(sql: string, params: unknown[] = []) => rig.ho.store.query<T>(sql, params),
  } as ServiceSyncRig;
  beforeAll(async () => {
    rig.ho = await startHeadOffice({
      now: () => (rig.realTime ? Date.now() : SERVICE_SYNC_NOW),
      pglite: opts.pglite,
    });
    rig.A = await SimCounter.create(0, tempDir(dirPrefix, { shared: true }), () => SERVICE_SYNC_NOW);
    const code = await registerCounter(rig.ho, '0101', rig.A.code);
    await rig.A.ok('sync.enroll', { server: rig.ho.url, code }, rig.A.adminSid);
    await rig.sync();
  }, 60_000);
  afterAll(async () => {
    rig.A?.close();
    await rig.ho?.close();
  });
  return rig;
}

/** One forged operation of `type` (its payload encoded by the contract), a minute ago. */
export function forgedOp<T extends OpType>(
  type: T,
  payload: OpPayload<T>,
  operatorId: string,
  counterId: string,
) {
  const e = encodeOp(type, payload);
  const at = Date.now() - 60_000;
  return {
    id: uuidv7(at),
    type,
    entityType: e.entityType,
    entityId: e.entityId,
    payload: e.json,
    operatorId,
    approverId: null,
    hlc: `${String(at).padStart(15, '0')}-00000-${counterId.slice(-12)}`,
    createdAt: new Date(at).toISOString(),
  };
}
