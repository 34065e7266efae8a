/**
 * Global shortcuts: F1 or ? (when not typing) → the list of shortcuts, F2 → 购气, F3 or / (when not typing) →
 * search box, F4 → open account, F5 → 读卡, F6 → 收费项目, F7 → 服务台, F8 → 交班, F9 → the training panel (demo only, also
 * over a dialog); and `useEscape` for a
 * page's "go back" on Esc when no dialog or drop-down takes it. Runtime: browser.
 */
import { useEffect } from 'react';

const NOT_TEXT = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'range',
  'color',
  'file',
  'image',
]);

/** Typing into a text field, where "/" is a character and not a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !NOT_TEXT.has(target.type);
  return (
    target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement
  );
}

export interface ShortcutHandlers {
  search(): void;
  openAccount(): void;
  sale(): void;
  fees(): void;
  service(): void;
  shift(): void;
  readCard(): void;
  training(): void;
  help(): void;
}

const F_KEYS: Record<string, keyof ShortcutHandlers> = {
  F1: 'help',
  F2: 'sale',
  F3: 'search',
  F4: 'openAccount',
  F5: 'readCard',
  F6: 'fees',
  F7: 'service',
  F8: 'shift',
  F9: 'training',
};

export function useGlobalShortcuts(handlers: ShortcutHandlers, enabled: boolean) {
  const { search, openAccount, sale, fees, service, shift, readCard, training, help } = handlers;
  useEffect(() => {
    if (!enabled) return;
    const all: ShortcutHandlers = {
      search,
      openAccount,
      sale,
      fees,
      service,
      shift,
      readCard,
      training,
      help,
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing || e.altKey || e.ctrlKey || e.metaKey) return;
      // F5 never reloads the counter page (a half-typed form would be lost), even over a dialog.
      if (e.key === 'F5') e.preventDefault();
      const typed = !isTyping(e.target) && ({ '/': 'search', '?': 'help' } as const)[e.key as '/' | '?'];
      const name = F_KEYS[e.key] ?? (typed || undefined);
      if (!name) return;
      // The training panel is the trainee's card reader: it must stay reachable while a dialog asks for a card.
      if (name === 'training' ? document.querySelector('.lock-overlay') : dialogOpen()) return;
      e.preventDefault();
      all[name]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [search, openAccount, sale, fees, service, shift, readCard, training, help, enabled]);
}

/**
 * A modal dialog or the lock screen is showing (it takes Esc and the function keys for itself); the dialog
 * that holds `inside`, if given, does not count (a form within a dialog asks about dialogs over it).
 */
export function dialogOpen(inside?: Element | null): boolean {
  if (document.querySelector('.lock-overlay')) return true;
  return Array.from(document.querySelectorAll('.ant-modal-wrap')).some(
    (el) => el.getClientRects().length > 0 && !(inside && el.contains(inside)),
  );
}

/** Calls `onEscape` on Esc, unless a dialog is open or an open drop-down takes the key. */
export function useEscape(onEscape: () => void, enabled = true) {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.isComposing || e.defaultPrevented || dialogOpen()) return;
      const target = e.target as HTMLElement | null;
      if (target?.getAttribute?.('aria-expanded') === 'true') return;
      onEscape();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onEscape, enabled]);
}
