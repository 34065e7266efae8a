/**
 * Focus for a control that a page mounts while something else may still hold or drop the focus: a dialog that
 * is closing (a confirmed 交班 shows the report with 打印交班报表 while its question closes; the dialog, closing,
 * gives the focus back to a control that no longer exists), or a page that was just left (F2 from a customer's
 * file to the sale desk). Either can leave the focus on the page body, where Enter does nothing. This focuses
 * the control once it is there and no dialog is open, unless the operator has put the focus somewhere
 * meanwhile; it gives up after a few seconds. Runtime: browser.
 */
import { type RefObject, useEffect } from 'react';
import { dialogOpen } from './shortcuts';

export function useSettledFocus(
  ref: RefObject<{ focus(): void } | null>,
  enabled: boolean,
  focus: (el: { focus(): void }) => void = (el) => el.focus(),
): void {
  useEffect(() => {
    if (!enabled) return;
    const until = Date.now() + 5_000;
    const timer = setInterval(() => {
      if (Date.now() > until) return clearInterval(timer);
      const el = ref.current;
      if (!el || dialogOpen()) return; // not there yet, or a dialog holds the focus: wait
      const now = document.activeElement;
      if (!now || now === document.body) focus(el);
      clearInterval(timer);
    }, 50);
    return () => clearInterval(timer);
  }, [ref, enabled, focus]);
}
