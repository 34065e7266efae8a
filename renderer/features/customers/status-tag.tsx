/** A customer's status as a coloured tag. Runtime: browser. */
import { Tag } from 'antd';
import type { CustomerStatus } from '../../../core/domain/customer';
import { useT } from '../../i18n';

const COLORS: Record<CustomerStatus, string> = { active: 'green', suspended: 'orange', closed: 'default' };

export function StatusTag({ status }: { status: CustomerStatus }) {
  const t = useT();
  return <Tag color={COLORS[status]}>{t.customerStatuses[status]}</Tag>;
}
