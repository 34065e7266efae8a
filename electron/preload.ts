/**
 * The preload: exposes exactly one object, `window.gasdesk`, with one method that invokes a contract
 * operation. No raw ipcRenderer, no other channel. Runtime: Electron preload (sandboxed).
 */
import { contextBridge, ipcRenderer } from 'electron';

const OP_NAME = /^[a-z]+\.[A-Za-z]+$/;

contextBridge.exposeInMainWorld('gasdesk', {
  invoke(op: string, input: unknown, sessionId: string | undefined) {
    if (typeof op !== 'string' || !OP_NAME.test(op))
      return Promise.reject(new Error('invalid operation name'));
    return ipcRenderer.invoke('gasdesk:invoke', op, input, sessionId);
  },
});
