/**
 * Idle auto-lock: after `minutes` without keyboard or mouse activity the screen locks itself. While the
 * operator is active, the server is told now and then (auth.me), so its own idle lock, which only sees
 * API calls, does not lock a clerk who is busy typing a long form. Runtime: browser.
 */
import { useEffect, useRef } from 'react';

const ACTIVITY = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;
const TICK_MS = 5_000;

export function useIdleLock(opts: {
  minutes: number;
  enabled: boolean;
  onIdle: () => void;
  onKeepAlive: () => void;
}) {
  const onIdle = useRef(opts.onIdle);
  const onKeepAlive = useRef(opts.onKeepAlive);
  onIdle.current = opts.onIdle;
  onKeepAlive.current = opts.onKeepAlive;
  const { minutes, enabled } = opts;

  useEffect(() => {
    if (!enabled) return;
    const limitMs = Math.max(1, minutes) * 60_000;
    const pingEveryMs = Math.min(60_000, limitMs / 2);
    let lastActivity = Date.now();
    let lastPing = Date.now();
    let activeSincePing = false;
    const mark = () => {
      lastActivity = Date.now();
      activeSincePing = true;
    };
    for (const e of ACTIVITY) window.addEventListener(e, mark, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      const now = Date.now();
      if (now - lastActivity >= limitMs) {
        onIdle.current();
        return;
      }
      if (activeSincePing && now - lastPing >= pingEveryMs) {
        activeSincePing = false;
        lastPing = now;
        onKeepAlive.current();
      }
    }, TICK_MS);
    return () => {
      window.clearInterval(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, mark, { capture: true });
    };
  }, [minutes, enabled]);
}
