/**
 * Counter keyboard habit: Enter moves to the next field, Enter on the last field or Ctrl+Enter submits.
 * Shift+Enter and text areas keep their own Enter; an open drop-down keeps Enter to pick its option; an
 * IME composing Chinese keeps Enter to confirm the pinyin. With `skipToggles`, Enter passes over check
 * boxes and radio buttons (reached with Tab, changed with Space or the arrows). Enter stays in a field that
 * shows an error (aria-invalid), so a refused value is never passed over. Runtime: browser.
 */
import { type KeyboardEvent, useCallback } from 'react';

const TOGGLES = new Set(['checkbox', 'radio']);

function fieldsIn(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')).filter(
    (el) => !el.disabled && el.type !== 'hidden' && el.tabIndex >= 0 && el.getClientRects().length > 0,
  );
}

/** Put the result on the container's onKeyDownCapture. */
export function useEnterNavigation(submit: () => void, opts: { skipToggles?: boolean } = {}) {
  const { skipToggles = false } = opts;
  return useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
      const target = e.target as HTMLElement;
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        e.stopPropagation();
        submit();
        return;
      }
      if (e.shiftKey || !(target instanceof HTMLInputElement)) return;
      if (target.getAttribute('aria-expanded') === 'true') return;
      e.preventDefault();
      e.stopPropagation();
      // A field that shows an error keeps the focus: Enter does not move on past a refused value.
      if (target.getAttribute('aria-invalid') === 'true') {
        target.select();
        return;
      }
      const fields = fieldsIn(e.currentTarget);
      const i = fields.indexOf(target);
      const next =
        i < 0
          ? undefined
          : fields.slice(i + 1).find((el) => !skipToggles || !TOGGLES.has((el as HTMLInputElement).type));
      if (next) next.focus();
      else submit();
    },
    [submit, skipToggles],
  );
}
