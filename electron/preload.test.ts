import { beforeEach, describe, expect, it, vi } from 'vitest';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, result: 'done' }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: { invoke: (...args: unknown[]) => invoke(...args), send: vi.fn(), on: vi.fn() },
}));

type Bridge = { invoke(op: unknown, input: unknown, sessionId: unknown): Promise<unknown> };

describe('the preload', () => {
  beforeEach(async () => {
    invoke.mockClear();
    for (const k of Object.keys(exposed)) delete exposed[k];
    vi.resetModules();
    await import('./preload');
  });

  it('exposes exactly one object with two methods, and no raw ipcRenderer', () => {
    expect(Object.keys(exposed)).toEqual(['gasdesk']);
    expect(Object.keys(exposed.gasdesk as object)).toEqual(['invoke', 'print']);
  });

  it('sends an office-print request (a document name, never HTML) on its own channel', async () => {
    const bridge = exposed.gasdesk as { print(req: unknown, sessionId: unknown): Promise<unknown> };
    await bridge.print({ kind: 'sale', id: 'S1', toPdf: true }, 's1');
    expect(invoke).toHaveBeenCalledWith('gasdesk:print-html', { kind: 'sale', id: 'S1', toPdf: true }, 's1');
  });

  it('forwards a contract call on the one channel', async () => {
    const bridge = exposed.gasdesk as Bridge;
    expect(await bridge.invoke('customers.search', { query: '阳光' }, 's1')).toEqual({
      ok: true,
      result: 'done',
    });
    expect(invoke).toHaveBeenCalledWith('gasdesk:invoke', 'customers.search', { query: '阳光' }, 's1');
  });

  it('refuses anything that is not an operation name, without touching IPC', async () => {
    const bridge = exposed.gasdesk as Bridge;
    for (const bad of ['gasdesk:invoke', '../x', 'a.b.c', 42, '', 'customers.search; drop']) {
      await expect(bridge.invoke(bad, {}, undefined)).rejects.toThrow(/invalid operation name/);
    }
    expect(invoke).not.toHaveBeenCalled();
  });
});
