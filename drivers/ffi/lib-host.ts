/**
 * A generic library host: a child process that loads one maker library with koffi and calls the function each
 * request names (lib-call.ts), declared from the request's argument kinds (lib-messages.ts). Like the termb host, it only
 * loads and calls; a hang or a crash ends only this process (host-process.ts). Runtime: Node (a child process
 * with an IPC channel, advanced serialization).
 */
import { callLibrary } from './lib-call';
import type { LibReply, LibRequest } from './lib-messages';

process.on('message', (raw) => {
  const req = raw as LibRequest & { id: number };
  let reply: LibReply;
  try {
    reply = callLibrary(req);
  } catch (e) {
    reply = { ok: false, kind: 'call-failed', detail: String((e as Error).message ?? e).slice(0, 300) };
  }
  process.send?.({ ...reply, id: req.id });
});
process.on('disconnect', () => process.exit(0));
process.send?.({ ready: true });
