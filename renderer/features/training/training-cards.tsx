/**
 * The training panel's cards: each with its contents, 插入读卡器 / 取出, and 带回家插表 to a meter number (by
 * default the meter last used with the card, or the card owner's meter). Enter in the meter box carries the
 * card. An issued card takes training faults: one PSC try left, a PSC that does not match, pulled on the next
 * write. Runtime: browser.
 */
import { Button, Input, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { TrainingState } from '../../../core/contract';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { guessMeter, rememberMeter } from './meter-guess';

type TrainingCard = TrainingState['cards'][number];
type Act = (op: () => Promise<TrainingState>) => Promise<TrainingState | undefined>;

const METER_NO = /^[A-Z0-9-]{1,20}$/;
/** The world's default label, which stays on a card after it is issued: the summary says what it is now. */
const BLANK_LABEL = '空白卡';

function CardRow({ card, slot, act }: { card: TrainingCard; slot: string | null; act: Act }) {
  const t = useT();
  const [meterNo, setMeterNo] = useState('');
  const [typed, setTyped] = useState(false);
  const valid = METER_NO.test(meterNo);

  useEffect(() => {
    if (typed) return;
    let alive = true;
    void guessMeter(card.id, card.accountNo).then((m) => {
      if (alive && m) setMeterNo(m);
    });
    return () => {
      alive = false;
    };
  }, [card.id, card.accountNo, typed]);

  const insert = () =>
    act(async () => {
      if (slot && slot !== card.id) await api['training.remove']({});
      return api['training.insert']({ cardId: card.id });
    });
  const remove = () => act(() => api['training.remove']({}));
  const fault = (f: { triesLeft?: number; wrongPsc?: boolean; pullOnNextWrite?: boolean }) =>
    act(() => api['training.cardFault']({ cardId: card.id, ...f }));
  const toMeter = () => {
    if (!valid) return;
    rememberMeter(card.id, meterNo);
    return act(async () => {
      if (card.inReader) await api['training.remove']({});
      return api['training.toMeter']({ cardId: card.id, meterNo });
    });
  };

  return (
    <li className="training-item" data-testid={`training-card-${card.id}`}>
      <div>
        <strong className="mono">{card.id}</strong>{' '}
        {card.label !== BLANK_LABEL && <span className="training-label">{card.label}</span>}{' '}
        {card.inReader && <Tag color="blue">{t.training.inReader}</Tag>}
        {card.locked && <Tag color="red">{t.training.locked}</Tag>}
        {!card.locked && card.triesLeft < 3 && (
          <Tag color="orange">{fmt(t.training.triesLeft, { n: card.triesLeft })}</Tag>
        )}
      </div>
      <Typography.Text type="secondary" className="training-summary">
        {card.summary}
      </Typography.Text>
      <Space wrap size={4}>
        {card.inReader ? (
          <Button size="small" onClick={() => void remove()}>
            {t.training.remove}
          </Button>
        ) : (
          <Button size="small" type="primary" onClick={() => void insert()}>
            {t.training.insert}
          </Button>
        )}
        <Input
          size="small"
          className="training-input"
          aria-label={fmt(t.training.meterNoFor, { card: card.id })}
          placeholder={t.training.meterNo}
          value={meterNo}
          status={meterNo && !valid ? 'error' : undefined}
          title={meterNo && !valid ? t.training.meterNoInvalid : undefined}
          onChange={(e) => {
            setTyped(true);
            setMeterNo(e.target.value.toUpperCase().trim());
          }}
          onPressEnter={() => void toMeter()}
        />
        <Button size="small" disabled={!valid} onClick={() => void toMeter()}>
          {t.training.toMeter}
        </Button>
      </Space>
      {card.cardNo && !card.locked && (
        <Space wrap size={4} aria-label={`${card.id} ${t.trainingFaults.title}`}>
          <Typography.Text type="secondary">{t.trainingFaults.title}</Typography.Text>
          <Button size="small" onClick={() => void fault({ triesLeft: 1 })}>
            {t.trainingFaults.lastTry}
          </Button>
          <Button size="small" onClick={() => void fault({ wrongPsc: true })}>
            {t.trainingFaults.wrongPsc}
          </Button>
          <Button size="small" onClick={() => void fault({ pullOnNextWrite: true })}>
            {t.trainingFaults.pull}
          </Button>
        </Space>
      )}
    </li>
  );
}

export function TrainingCards({ state, act }: { state: TrainingState; act: Act }) {
  return (
    <ul className="training-list">
      {state.cards.map((c) => (
        <CardRow key={c.id} card={c} slot={state.slot} act={act} />
      ))}
    </ul>
  );
}
