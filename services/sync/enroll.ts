/**
 * 登记本柜台: makes the device key pair, proves to head office that it holds it, sends the one-time code and
 * this counter's identity, and — once head office accepted — stores the sealed private key and the sync
 * state in one transaction. A counter is enrolled once. Runtime: Node.
 */
import { requireTimeZone } from '../../core/business-day';
import { AppError } from '../../core/errors';
import { enrollmentProofString } from '../../core/sync/signing';
import { SYNC_ROUTES } from '../../core/sync/routes';
import { type EnrollResponse, enrollResponseSchema } from '../../core/sync/wire';
import { getSyncState, insertSyncState, setCounterTimeZone } from '../../db';
import type { App } from '../app';
import type { KeyProtector } from '../cards/key-vault';
import { newDeviceKey, storeDeviceKey } from './device-key';
import { plainRequest } from './transport';

export interface EnrollOptions {
  readonly server: string;
  readonly code: string;
  readonly protector?: KeyProtector;
}

export async function enrollCounter(
  app: App,
  opts: EnrollOptions,
  operatorId: string | null = null,
): Promise<EnrollResponse> {
  const c = app.counter();
  if (!c) throw new AppError('SETUP_REQUIRED');
  if (getSyncState(app.gdb.sqlite)) throw new AppError('COUNTER_ALREADY_ENROLLED');
  const server = opts.server.replace(/\/+$/, '');
  const code = opts.code.trim().toUpperCase();
  const key = newDeviceKey();
  const raw = await enrollRequest(server, {
    code,
    counterId: c.counterId,
    hallCode: c.hallCode,
    counterCode: c.counterCode,
    counterName: c.counterName,
    publicKey: key.publicKey,
    proof: key.sign(enrollmentProofString(code, c.counterId, key.publicKey)),
  });
  const res = enrollResponseSchema.parse(raw);
  if (res.counterId !== c.counterId)
    throw new AppError('ENROLLMENT_MISMATCH', { detail: 'head office confirmed another counter' });
  // The hall's zone decides this counter's business days from now on; one this runtime does not know cannot.
  const timeZone = requireTimeZone(res.timeZone);
  const protector = opts.protector ?? app.keyProtector;
  app.transaction(() => {
    storeDeviceKey(app, key.pkcs8, protector);
    insertSyncState(app.gdb.sqlite, {
      serverUrl: server,
      slotId: res.slotId,
      publicKey: key.publicKey,
      enrolledAt: res.enrolledAt,
    });
    setCounterTimeZone(app.db, timeZone);
    const zone = timeZone === c.timeZone ? '' : `；营业日时区 ${c.timeZone} → ${timeZone}`;
    app.ledger().auditOnly(
      {
        action: 'sync.enrolled',
        summary: `登记到总部：${res.hallName} ${res.counterName}（${server}）${zone}`,
      },
      { entityType: 'counter', entityId: c.counterId, operatorId },
    );
  });
  app.counterChanged();
  return res;
}

/** Not yet enrolled, nothing waits to upload: an unreachable head office is said in those words. */
async function enrollRequest(server: string, body: unknown): Promise<unknown> {
  try {
    return await plainRequest<unknown>(server, 'POST', SYNC_ROUTES.enroll.path, body);
  } catch (e) {
    if (e instanceof AppError && e.code === 'SYNC_UNREACHABLE')
      throw new AppError('ENROLL_UNREACHABLE', { detail: e.detail });
    throw e;
  }
}
