/** Global shortcuts: F3 or / (when not typing) → search box; F4 → open account. Runtime: browser. */
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

export function useGlobalShortcuts(handlers: { search(): void; openAccount(): void }, enabled: boolean) {
  const { search, openAccount } = handlers;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'F3' || (e.key === '/' && !isTyping(e.target))) {
        e.preventDefault();
        search();
      } else if (e.key === 'F4') {
        e.preventDefault();
        openAccount();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [search, openAccount, enabled]);
}
