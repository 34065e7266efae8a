/**
 * 培训面板 (demo only, F9 or the header button): the trainee's hands — blank cards, the reader slot, the
 * customers' meters at home — beside the counter screen, usable with the keyboard (Tab, Enter; Esc closes
 * and gives the focus back). It stays above dialogs so a card can be inserted while one asks for it.
 * Runtime: browser.
 */
import { Button, Space, Typography } from 'antd';
import { type KeyboardEvent, useEffect, useRef } from 'react';
import { api } from '../../api/client';
import { useT } from '../../i18n';
import { TrainingCards } from './training-cards';
import { TrainingMeters } from './training-meters';
import { useTrainingWorld } from './use-training';

export function TrainingPanel({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useT();
  const { state, busy, act } = useTrainingWorld(open);
  const panel = useRef<HTMLElement>(null);

  // Opening takes the focus into the panel; closing gives it back.
  useEffect(() => {
    if (!open) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const timer = window.setTimeout(() => panel.current?.querySelector<HTMLElement>('button')?.focus());
    return () => {
      window.clearTimeout(timer);
      if (returnTo?.isConnected) returnTo.focus();
    };
  }, [open]);

  if (!open) return null;
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    onClose();
  };

  return (
    <aside
      ref={panel}
      className="training-panel"
      aria-label={t.training.title}
      aria-busy={busy}
      onKeyDown={onKeyDown}
    >
      <div className="training-head">
        <Typography.Title level={4}>{t.training.title}</Typography.Title>
        <Button size="small" onClick={onClose} aria-keyshortcuts="Escape F9">
          {t.training.close}
        </Button>
      </div>
      <Typography.Paragraph type="secondary">{t.training.intro}</Typography.Paragraph>
      <p className="training-event" aria-live="polite" data-testid="training-last-event">
        {t.training.lastEvent}
        {state?.lastEvent ?? t.training.noEvent}
      </p>
      <section aria-label={t.training.cards}>
        <Space className="training-section-head">
          <Typography.Title level={5}>{t.training.cards}</Typography.Title>
          <Button size="small" onClick={() => void act(() => api['training.newCard']({}))}>
            {t.training.newCard}
          </Button>
          <Button size="small" onClick={() => void act(() => api['training.insert']({ cardId: 'foreign' }))}>
            {t.training.insertForeign}
          </Button>
        </Space>
        {state && <TrainingCards state={state} act={act} />}
      </section>
      <section aria-label={t.training.meters}>
        <Typography.Title level={5}>{t.training.meters}</Typography.Title>
        {state && <TrainingMeters state={state} act={act} />}
      </section>
    </aside>
  );
}
