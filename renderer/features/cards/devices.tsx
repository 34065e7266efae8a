/**
 * The counter's devices (devices.status), polled every few seconds while the operator is logged in and the
 * screen is not locked: the reader's connection for the status bar, and whether this is the training world.
 * Runtime: browser.
 */
import { createContext, useContext, useEffect, useState } from 'react';
import type { OpOutput } from '../../../core/contract';
import { api } from '../../api/client';

export type DeviceStatus = OpOutput<'devices.status'>;

const POLL_MS = 3000;

export const DevicesContext = createContext<DeviceStatus | undefined>(undefined);

/** The last known device status (undefined until the first answer). */
export function useDevices(): DeviceStatus | undefined {
  return useContext(DevicesContext);
}

/** Demo mode: the reader is the in-process training world. */
export function useTraining(): boolean {
  return useContext(DevicesContext)?.training ?? false;
}

export function useDevicePoll(enabled: boolean): DeviceStatus | undefined {
  const [status, setStatus] = useState<DeviceStatus>();
  useEffect(() => {
    if (!enabled) return;
    let alive = true;
    let timer: number | undefined;
    const tick = async () => {
      try {
        const s = await api['devices.status']({});
        if (alive) setStatus((old) => (JSON.stringify(old) === JSON.stringify(s) ? old : s));
      } catch {
        // The shell reacts to a lock or an expired login; the bar keeps the last known status.
      }
      if (alive) timer = window.setTimeout(() => void tick(), POLL_MS);
    };
    void tick();
    return () => {
      alive = false;
      window.clearTimeout(timer);
    };
  }, [enabled]);
  return status;
}
