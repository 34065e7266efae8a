/**
 * The preload: exposes exactly one object, `window.gasdesk`, with two methods: `invoke` (a contract
 * operation) and `print` (a contract document to an office printer or PDF; the main process fetches the
 * document itself). No raw ipcRenderer, no other channel. Runtime: Electron preload (sandboxed).
 */
import { contextBridge, ipcRenderer } from 'electron';

const OP_NAME = /^[a-z]+\.[A-Za-z]+$/;

contextBridge.exposeInMainWorld('gasdesk', {
  invoke(op: string, input: unknown, sessionId: string | undefined) {
    if (typeof op !== 'string' || !OP_NAME.test(op))
      return Promise.reject(new Error('invalid operation name'));
    return ipcRenderer.invoke('gasdesk:invoke', op, input, sessionId);
  },
  print(request: unknown, sessionId: string | undefined) {
    return ipcRenderer.invoke('gasdesk:print-html', request, sessionId);
  },
});
