/** 办理记录: every operation on the file — time, business, operator, approver, reason, before → after. */
import { Table, type TableColumnsType, Tag } from 'antd';
import type { HistoryEntry } from '../../../core/contract';
import { maskIdNumber } from '../../../core/domain/customer';
import type { Dict } from '../../i18n';
import { fmt, useT } from '../../i18n';
import { formatDateTime } from '../../shell/format';

type FieldKey = keyof Dict['fields'];
const FIELD_KEYS: Record<string, FieldKey> = {
  'inspection.status': 'inspectionStatus',
  'inspection.date': 'inspectionDate',
  'contract.no': 'contractNo',
  'contract.signedOn': 'contractSignedOn',
};

function fieldLabel(t: Dict, field: string): string {
  const key = FIELD_KEYS[field] ?? field;
  return key in t.fields ? t.fields[key as FieldKey] : field;
}

function valueText(t: Dict, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t.common.empty;
  const s = String(value);
  if (field === 'idNumber') return maskIdNumber(s) ?? s;
  if (field === 'userClass' && s in t.userClasses) return t.userClasses[s as keyof Dict['userClasses']];
  if (field === 'status' && s in t.customerStatuses)
    return t.customerStatuses[s as keyof Dict['customerStatuses']];
  if (field === 'inspection.status' && s in t.inspectionStatuses)
    return t.inspectionStatuses[s as keyof Dict['inspectionStatuses']];
  return s;
}

export function HistoryTable({ items, loading }: { items: HistoryEntry[]; loading: boolean }) {
  const t = useT();
  const columns: TableColumnsType<HistoryEntry> = [
    {
      title: t.history.time,
      dataIndex: 'at',
      width: 170,
      render: (v: string) => <time dateTime={v}>{formatDateTime(v)}</time>,
    },
    {
      title: t.history.action,
      dataIndex: 'action',
      width: 100,
      render: (v: string) => <Tag color="blue">{t.history.actions[v] ?? v}</Tag>,
    },
    { title: t.history.operator, width: 90, render: (_v, r) => r.operator.displayName },
    { title: t.history.approver, width: 90, render: (_v, r) => r.approver?.displayName ?? t.common.none },
    { title: t.history.summary, dataIndex: 'summary' },
    {
      title: t.history.reason,
      dataIndex: 'reason',
      width: 150,
      render: (v: string | null) => v ?? t.common.none,
    },
    {
      title: t.history.changes,
      render: (_v, r) =>
        r.changes.length === 0 ? (
          t.common.none
        ) : (
          <ul className="change-list">
            {r.changes.map((c) => (
              <li key={c.field}>
                {fmt(t.common.change, {
                  field: fieldLabel(t, c.field),
                  before: valueText(t, c.field, c.before),
                  after: valueText(t, c.field, c.after),
                })}
              </li>
            ))}
          </ul>
        ),
    },
  ];
  return (
    <Table<HistoryEntry>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      locale={{ emptyText: t.history.empty }}
    />
  );
}
