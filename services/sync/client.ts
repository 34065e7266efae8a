/**
 * The signed client of this counter to head office, as every sync request uses it (transport.ts): the device
 * key, the server address and the clock offset last learned. Runtime: Node.
 */
import { AppError } from '../../core/errors';
import { getSyncState } from '../../db';
import type { App } from '../app';
import type { KeyProtector } from '../cards/key-vault';
import { loadDeviceKey } from './device-key';
import { type ClientOptions, SyncClient } from './transport';

export interface CounterClientOptions extends Pick<ClientOptions, 'signal' | 'onProgress' | 'timeoutMs'> {
  readonly protector?: KeyProtector;
}

/** Throws SYNC_NOT_ENROLLED on a counter not enrolled with head office. */
export function counterClient(app: App, opts: CounterClientOptions = {}): SyncClient {
  const state = getSyncState(app.gdb.sqlite);
  if (!state) throw new AppError('SYNC_NOT_ENROLLED');
  return new SyncClient({
    baseUrl: state.serverUrl,
    counterId: app.counter()!.counterId,
    key: loadDeviceKey(app, state.publicKey, opts.protector ?? app.keyProtector),
    now: () => app.clock.nowMs(),
    clockOffsetMs: state.clockOffsetMs ?? 0,
    signal: opts.signal,
    onProgress: opts.onProgress,
    timeoutMs: opts.timeoutMs,
  });
}
