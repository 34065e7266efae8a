/**
 * F5 (读卡) normally opens the 读卡 screen. A screen that reads the card in place — the 购气 screen with its
 * customer's card line — claims the key while it shows, and F5 reads there instead. Runtime: browser.
 */
import { useEffect } from 'react';

let claimed: (() => void) | null = null;

/** While mounted and enabled, F5 calls `read` instead of opening the 读卡 screen. */
export function useLocalRead(read: () => void, enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    claimed = read;
    return () => {
      if (claimed === read) claimed = null;
    };
  }, [read, enabled]);
}

/** Reads in place if a screen claimed F5; false when nothing did. */
export function readInPlace(): boolean {
  if (!claimed) return false;
  claimed();
  return true;
}
