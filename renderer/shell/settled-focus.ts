/**
 * Focus for a control that a page mounts while a dialog may still be open (a confirmed 交班 shows the report
 * with 打印交班报表 while its question is closing): the dialog keeps the focus and, closing, gives it back to a
 * control that no longer exists, leaving it on the page body — where Enter does nothing. This focuses the
 * control once no dialog is open, unless the operator has put the focus somewhere meanwhile; it gives up after
 * a few seconds. Runtime: browser.
 */
import { type RefObject, useEffect } from 'react';
import { dialogOpen } from './shortcuts';

export function useSettledFocus(ref: RefObject<HTMLElement | null>, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const until = Date.now() + 5_000;
    const timer = setInterval(() => {
      const el = ref.current;
      if (el && Date.now() <= until && dialogOpen()) return; // wait for the dialog to close
      const now = document.activeElement;
      if (el && Date.now() <= until && (!now || now === document.body)) el.focus();
      clearInterval(timer);
    }, 50);
    return () => clearInterval(timer);
  }, [ref, enabled]);
}
