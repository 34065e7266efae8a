/** The sync operations of the contract (core/contract/sync.ts). Runtime: Node. */
import type { Handlers } from '../call';
import { operatorOf } from '../call';
import { syncEngine } from './engine';
import { enrollCounter } from './enroll';
import { syncStatus } from './status';

export const syncHandlers: Pick<Handlers, 'sync.status' | 'sync.now' | 'sync.enroll'> = {
  'sync.status': (_input, { app }) => syncStatus(app),
  'sync.now': (_input, { app }) => syncEngine(app).now(),
  'sync.enroll': async (input, call) => {
    const res = await enrollCounter(
      call.app,
      { server: input.server, code: input.code },
      operatorOf(call).staffId,
    );
    return {
      counterId: res.counterId,
      hallName: res.hallName,
      counterName: res.counterName,
      timeZone: res.timeZone,
      enrolledAt: res.enrolledAt,
    };
  },
};
