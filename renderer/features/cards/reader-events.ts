/**
 * "What is in the reader may have changed": announced after every card operation and every training-panel
 * action, so that each reader line on screen reads the card again and the panel shows the card's new
 * contents. Runtime: browser.
 */
import { useEffect } from 'react';

const EVENT = 'gasdesk:reader-changed';

export function announceReaderChange(): void {
  window.dispatchEvent(new Event(EVENT));
}

export function useReaderChange(onChange: () => void): void {
  useEffect(() => {
    window.addEventListener(EVENT, onChange);
    return () => window.removeEventListener(EVENT, onChange);
  }, [onChange]);
}
