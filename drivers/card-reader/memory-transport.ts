/** An in-process link to a reader emulator (training mode in `gasdesk serve --demo`, and tests). Runtime: Node. */
import type { ReaderEmulator } from './emulator';
import type { ReaderTransport } from './transport';

export function memoryTransport(
  emulator: ReaderEmulator,
  opts: { delayMs?: number } = {},
): ReaderTransport & { unplug(): void } {
  let receiver: (chunk: Uint8Array) => void = () => {};
  let onClose: (err?: Error) => void = () => {};
  let open = true;
  return {
    description: 'emulator (in-process)',
    async write(bytes) {
      if (!open) throw new Error('link closed');
      const replies = emulator.handle(bytes);
      setTimeout(
        () => {
          if (open) for (const r of replies) receiver(r);
        },
        opts.delayMs ?? emulator.faults.replyDelayMs ?? 0,
      );
    },
    onData(cb) {
      receiver = cb;
    },
    onClose(cb) {
      onClose = cb;
    },
    async close() {
      open = false;
    },
    unplug() {
      open = false;
      onClose(new Error('unplugged'));
    },
  };
}
