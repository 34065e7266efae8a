/**
 * Ctrl+P on a screen that shows a receipt: print it again (补打) instead of the browser's print dialog.
 * Runtime: browser.
 */
import { useEffect } from 'react';
import { dialogOpen } from '../../shell/shortcuts';

/** While enabled, Ctrl+P calls `print`; a page's handler stands aside when a dialog is open, a dialog's does not. */
export function usePrintKey(print: () => void, enabled = true, inDialog = false): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.key.toLowerCase() !== 'p') return;
      e.preventDefault();
      if (!inDialog && dialogOpen()) return;
      print();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [print, enabled, inDialog]);
}
