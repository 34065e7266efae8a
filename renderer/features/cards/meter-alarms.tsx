/** A meter's status bits as tags: 正常, or each alarm in red. Runtime: browser. */
import { Space, Tag } from 'antd';
import type { MeterReading } from '../../../core/contract';
import { useT } from '../../i18n';
import { alarmsOf } from './card-model';

export function MeterAlarms({ status }: { status: MeterReading['status'] }) {
  const t = useT();
  const alarms = alarmsOf(status);
  if (alarms.length === 0) return <Tag color="green">{t.cardRead.normal}</Tag>;
  return (
    <Space size={4} wrap>
      {alarms.map((a) => (
        <Tag key={a} color="red" className="meter-alarm">
          {t.cardRead.alarms[a]}
        </Tag>
      ))}
    </Space>
  );
}
