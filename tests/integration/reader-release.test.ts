import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openSerial } from '../../drivers/card-reader/serial-transport';
import { tempDir } from '../support/app';
import { ptyPair } from '../support/socat';
import { RELEASE_DEADLINE_MS, releaseOnQuit, type Signals } from '../../electron/device-release';
import type { ElectronApi } from '../../electron/shell';

/** Electron's app as far as quitting goes: quit() emits will-quit, and quits unless a handler prevents it. */
function fakeApp() {
  const app = Object.assign(new EventEmitter(), {
    quitted: false,
    exit: vi.fn(),
    quit: vi.fn(() => {
      let prevented = false;
      app.emit('will-quit', { preventDefault: () => (prevented = true) });
      if (!prevented) app.quitted = true;
    }),
  });
  return app;
}

let pair: Awaited<ReturnType<typeof ptyPair>>;
beforeAll(async () => {
  pair = await ptyPair(tempDir('gasdesk-release-', { shared: true }));
});
afterAll(() => pair?.stop());

describe('the desktop counter lets its devices go when it quits', () => {
  for (const how of ['SIGTERM', 'SIGINT', 'window-all-closed'] as const)
    it(`on ${how}: the reader's port is closed before the app quits, and opens again at once`, async () => {
      const port = await openSerial({ path: pair.b });
      await expect(openSerial({ path: pair.b })).rejects.toMatchObject({ problem: 'BUSY' });
      const app = fakeApp();
      const signals = new EventEmitter();
      releaseOnQuit(app as unknown as ElectronApi['app'], () => port.close(), signals as unknown as Signals);
      if (how === 'window-all-closed') app.emit(how);
      else signals.emit(how);
      await vi.waitFor(() => expect(app.quitted).toBe(true));
      const again = await openSerial({ path: pair.b });
      await again.close();
      expect(app.exit).not.toHaveBeenCalled();
      expect(signals.listenerCount('SIGTERM') + signals.listenerCount('SIGINT')).toBe(0);
    });

  it('a release that hangs does not keep the app: it exits at the deadline', async () => {
    vi.useFakeTimers();
    try {
      const app = fakeApp();
      releaseOnQuit(
        app as unknown as ElectronApi['app'],
        () => new Promise(() => {}),
        new EventEmitter() as never,
      );
      app.quit();
      expect(app.quitted).toBe(false);
      vi.advanceTimersByTime(RELEASE_DEADLINE_MS);
      expect(app.exit).toHaveBeenCalledWith(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
