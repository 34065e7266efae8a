/**
 * The counter's local printing habit: print the receipt by itself after each payment (default on). Kept in
 * this browser's localStorage, like the interface language. Runtime: browser.
 */
import { useCallback, useState } from 'react';

const KEY = 'gasdesk.autoPrint';

export function autoPrintEnabled(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}

export function useAutoPrint(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(autoPrintEnabled);
  const set = useCallback((value: boolean) => {
    setOn(value);
    try {
      localStorage.setItem(KEY, value ? 'on' : 'off');
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, []);
  return [on, set];
}
