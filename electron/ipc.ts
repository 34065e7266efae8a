/**
 * Registers the contract on Electron IPC: one channel, `gasdesk:invoke`, whose handler refuses calls from any
 * frame other than the app's own top-level page and passes everything else to the services' dispatcher
 * (which validates the operation name and input). Runtime: Electron main.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { AppError } from '../core/errors';
import type { Dispatcher } from '../services/api';
import { isAppUrl } from './app-url';

export const INVOKE_CHANNEL = 'gasdesk:invoke';

/** A call from the app's own top-level page: exactly the app:// origin (app-url.ts). */
export function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

export function registerIpc(ipcMain: IpcMain, dispatcher: Dispatcher): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, op: unknown, input: unknown, sessionId: unknown) => {
    if (!isTrustedSender(event)) {
      const err = new AppError('FORBIDDEN_ORIGIN');
      return { ok: false, status: err.status, error: err.toBody() };
    }
    if (typeof op !== 'string') {
      const err = new AppError('UNKNOWN_OPERATION');
      return { ok: false, status: err.status, error: err.toBody() };
    }
    return dispatcher.invoke(op, input, {
      sessionId: typeof sessionId === 'string' ? sessionId : undefined,
      terminal: `window:${event.sender?.id}`,
    });
  });
}
