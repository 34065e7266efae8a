/**
 * Search results: one row per household; the highlighted row follows ↑ ↓. Memoised: a keystroke in the search
 * box changes none of its props, so the table (50 rows and more) is not rendered again. Runtime: browser.
 */
import { Table, type TableColumnsType } from 'antd';
import { memo, useEffect, useMemo, useRef } from 'react';
import type { CustomerSummary } from '../../../core/contract';
import { useT } from '../../i18n';
import { StatusTag } from './status-tag';

interface Props {
  items: CustomerSummary[];
  active: number | null;
  onOpen(item: CustomerSummary): void;
}

export const ResultsTable = memo(function ResultsTable({ items, active, onOpen }: Props) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  // The rows scroll inside the table: that region must be reachable by keyboard too (↑ ↓ work from the box).
  useEffect(() => {
    const body = box.current?.querySelector<HTMLElement>('.ant-table-body');
    body?.setAttribute('tabindex', '0');
    body?.setAttribute('aria-label', t.search.resultsLabel);
  });
  const columns = useMemo<TableColumnsType<CustomerSummary>>(
    () => [
      { title: t.fields.accountNo, dataIndex: 'accountNo', width: 140 },
      { title: t.fields.name, dataIndex: 'name', width: 110 },
      {
        title: t.fields.idNumberMasked,
        dataIndex: 'idNumberMasked',
        width: 190,
        render: (v: string | null) => v ?? t.common.none,
      },
      { title: t.fields.phone, dataIndex: 'phone', width: 130 },
      { title: t.fields.address, dataIndex: 'fullAddress' },
      {
        title: t.fields.userClass,
        dataIndex: 'userClass',
        width: 90,
        render: (v: CustomerSummary['userClass']) => t.userClasses[v],
      },
      {
        title: t.fields.status,
        dataIndex: 'status',
        width: 80,
        render: (v: CustomerSummary['status']) => <StatusTag status={v} />,
      },
      {
        title: t.fields.meterNos,
        dataIndex: 'meterNos',
        width: 150,
        render: (v: string[]) => v.join(t.common.listSep) || t.common.none,
      },
    ],
    [t],
  );
  return (
    <div ref={box}>
      <Table<CustomerSummary>
        size="middle"
        rowKey="id"
        columns={columns}
        dataSource={items}
        pagination={false}
        // Narrower than its columns (125 % scaling): the table scrolls sideways inside itself, the address keeps
        // its room.
        scroll={{ x: 1100, y: 'calc(100vh - 330px)' }}
        rowClassName={(_r, i) => (i === active ? 'row-active' : 'row-link')}
        onRow={(record, i) => ({
          onClick: () => onOpen(record),
          'aria-selected': i === active,
          ref:
            i === active ? (el: HTMLElement | null) => el?.scrollIntoView({ block: 'nearest' }) : undefined,
        })}
      />
    </div>
  );
});
