/** The training panel's meters: display (剩余, 累计用气, 阀门) and a 用气 control in m³. Runtime: browser. */
import { Button, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { TrainingState } from '../../../core/contract';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { m3, volumeOf } from '../../shell/money';

type Meter = TrainingState['meters'][number];
type Act = (op: () => Promise<TrainingState>) => Promise<TrainingState | undefined>;

function MeterRow({ meter, act }: { meter: Meter; act: Act }) {
  const t = useT();
  const [text, setText] = useState('');
  const volume = volumeOf(text);
  const ok = volume !== undefined && volume > 0;
  const use = async () => {
    if (!ok) return;
    if (await act(() => api['training.useGas']({ meterNo: meter.meterNo, volume }))) setText('');
  };
  return (
    <li className="training-item" data-testid={`training-meter-${meter.meterNo}`}>
      <div>
        <strong className="mono">{meter.meterNo}</strong>{' '}
        <Tag color={meter.valveOpen ? 'green' : 'red'}>
          {t.training.valve} {meter.valveOpen ? t.training.valveOpen : t.training.valveClosed}
        </Tag>
      </div>
      <Space size={16}>
        <span>
          {t.training.remaining} <strong data-testid="training-meter-remaining">{m3(meter.remaining)}</strong>
        </span>
        <span>
          {t.training.used} <strong data-testid="training-meter-used">{m3(meter.cumulativeUsed)}</strong>
        </span>
      </Space>
      <Space wrap size={4}>
        <Input
          size="small"
          className="training-input"
          inputMode="decimal"
          aria-label={fmt(t.training.useGasFor, { meterNo: meter.meterNo })}
          placeholder="m³"
          value={text}
          status={text && !ok ? 'error' : undefined}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={() => void use()}
        />
        <Button size="small" disabled={!ok} onClick={() => void use()}>
          {t.training.useGas}
        </Button>
      </Space>
    </li>
  );
}

export function TrainingMeters({ state, act }: { state: TrainingState; act: Act }) {
  const t = useT();
  if (state.meters.length === 0)
    return <Typography.Paragraph type="secondary">{t.training.noMeters}</Typography.Paragraph>;
  return (
    <ul className="training-list">
      {state.meters.map((m) => (
        <MeterRow key={m.meterNo} meter={m} act={act} />
      ))}
    </ul>
  );
}
