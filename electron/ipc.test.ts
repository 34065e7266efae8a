import { describe, expect, it } from 'vitest';
import type { Dispatcher } from '../services/api';
import { APP_INDEX } from './app-url';
import { INVOKE_CHANNEL, registerIpc } from './ipc';

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

function setup() {
  const handlers = new Map<string, Handler>();
  const ipcMain = { handle: (ch: string, fn: Handler) => handlers.set(ch, fn) };
  const calls: unknown[][] = [];
  const dispatcher: Dispatcher = {
    invoke: async (...args) => {
      calls.push(args);
      return { ok: true, result: 'done' };
    },
  };
  registerIpc(ipcMain as never, dispatcher);
  const invoke = (frame: unknown, ...args: unknown[]) =>
    handlers.get(INVOKE_CHANNEL)!({ senderFrame: frame, sender: { id: 7 } }, ...args);
  return { handlers, calls, invoke };
}

const appFrame = { url: APP_INDEX, parent: null };

describe('Electron IPC registration', () => {
  it('registers exactly one channel and forwards calls from the app’s own page to the dispatcher', async () => {
    const { handlers, calls, invoke } = setup();
    expect([...handlers.keys()]).toEqual([INVOKE_CHANNEL]);
    expect(await invoke(appFrame, 'customers.search', { query: 'x' }, 's1')).toEqual({
      ok: true,
      result: 'done',
    });
    // The window is the terminal (whose wrong passwords slow it down).
    expect(calls).toEqual([['customers.search', { query: 'x' }, { sessionId: 's1', terminal: 'window:7' }]]);
  });

  it('refuses a call from an unexpected frame (another origin, a file, a look-alike host, a subframe, no frame)', async () => {
    const { calls, invoke } = setup();
    for (const frame of [
      { url: 'https://evil.example/', parent: null },
      // Any file, the renderer's own included: only the app:// origin is the app's.
      { url: 'file:///app/out/renderer/index.html', parent: null },
      { url: 'app://gasdesk.evil/index.html', parent: null },
      { url: 'app://evil/index.html', parent: null },
      { url: 'app://user@gasdesk/index.html', parent: null },
      { url: 'app://gasdesk:8080/index.html', parent: null },
      { url: 'apps://gasdesk/index.html', parent: null },
      { url: appFrame.url, parent: {} },
      null,
    ]) {
      const r = (await invoke(frame, 'customers.search', {}, 's1')) as {
        ok: boolean;
        error: { code: string };
      };
      expect(r.ok).toBe(false);
      expect(r.error.code).toBe('FORBIDDEN_ORIGIN');
    }
    expect(calls).toEqual([]);
  });

  it('refuses a non-string operation name and ignores a non-string session', async () => {
    const { calls, invoke } = setup();
    expect(((await invoke(appFrame, 42, {})) as { error: { code: string } }).error.code).toBe(
      'UNKNOWN_OPERATION',
    );
    await invoke(appFrame, 'auth.me', {}, { forged: true });
    expect(calls).toEqual([['auth.me', {}, { sessionId: undefined, terminal: 'window:7' }]]);
  });
});
