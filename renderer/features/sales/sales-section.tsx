/**
 * 业务记录 on the customer's file (sales.list): receipts, kind, status, volume, amount, paid, operator,
 * time and corrections, with 冲正 and 退款 for a cashier. Runtime: browser.
 */
import { Button, Card, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Sale } from '../../../core/contract';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useReportError } from '../../shell/errors';
import { formatDateTime } from '../../shell/format';
import { m3, yuan } from '../../shell/money';
import { RefundModal } from './refund-modal';
import { ReverseModal } from './reverse-modal';
import { canReverse, refundable } from './sales-model';

const KIND_COLORS = { gas: 'blue', fee: 'cyan', reversal: 'red', refund: 'orange' } as const;
const STATUS_COLORS = { pending_card_write: 'gold', completed: 'green', card_write_failed: 'red' } as const;

type Dialog = { kind: 'reverse'; sale: Sale } | { kind: 'refund'; sale: Sale; max: number } | null;

export function SalesSection({ customerId, canSell }: { customerId: string; canSell: boolean }) {
  const t = useT();
  const report = useReportError();
  const [items, setItems] = useState<Sale[]>([]);
  const [loading, setLoading] = useState(true);
  const [dialog, setDialog] = useState<Dialog>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setItems((await api['sales.list']({ customerId, limit: 100 })).items);
    } catch (e) {
      report(e);
    } finally {
      setLoading(false);
    }
  }, [customerId, report]);

  useEffect(() => {
    void load();
  }, [load]);

  const receiptOf = (id: string | null) => items.find((s) => s.id === id)?.receiptNo ?? t.common.none;
  const columns: TableColumnsType<Sale> = [
    {
      title: t.records.receiptNo,
      dataIndex: 'receiptNo',
      render: (v: string) => <span className="mono">{v}</span>,
    },
    {
      title: t.records.kind,
      dataIndex: 'kind',
      render: (k: Sale['kind']) => <Tag color={KIND_COLORS[k]}>{t.saleKinds[k]}</Tag>,
    },
    {
      title: t.records.status,
      dataIndex: 'status',
      render: (s: Sale['status'], r) =>
        r.kind === 'gas' ? <Tag color={STATUS_COLORS[s]}>{t.saleStatuses[s]}</Tag> : t.common.none,
    },
    {
      title: t.records.volume,
      dataIndex: 'volume',
      align: 'right',
      render: (v: number) => (v ? m3(v) : t.common.none),
    },
    { title: t.records.amount, dataIndex: 'amount', align: 'right', render: (v: number) => yuan(v) },
    { title: t.records.paid, dataIndex: 'amountPaid', align: 'right', render: (v: number) => yuan(v) },
    { title: t.records.operator, render: (_v, r) => r.operator.displayName },
    { title: t.records.time, dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
    {
      title: t.records.corrections,
      render: (_v, r) =>
        r.correctsSaleId ? (
          fmt(t.records.corrects, { receiptNo: receiptOf(r.correctsSaleId) })
        ) : r.correctedBy.length ? (
          <ul className="change-list">
            {r.correctedBy.map((c) => (
              <li key={c.id}>
                {t.saleKinds[c.kind]} {c.receiptNo} {yuan(c.amountPaid)}
              </li>
            ))}
          </ul>
        ) : (
          t.common.none
        ),
    },
    ...(canSell
      ? [
          {
            title: t.common.actions,
            render: (_v: unknown, r: Sale) => {
              const max = refundable(r);
              return (
                <Space size={4}>
                  {canReverse(r) && (
                    <Button size="small" danger onClick={() => setDialog({ kind: 'reverse', sale: r })}>
                      {t.records.reverse}
                    </Button>
                  )}
                  {max > 0 && (
                    <Button size="small" onClick={() => setDialog({ kind: 'refund', sale: r, max })}>
                      {t.records.refund}
                    </Button>
                  )}
                </Space>
              );
            },
          },
        ]
      : []),
  ];

  const done = () => {
    setDialog(null);
    void load();
  };

  return (
    <Card title={t.records.title} size="small" className="form-section" data-testid="customer-sales">
      <Table<Sale>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={items}
        loading={loading}
        pagination={false}
        locale={{ emptyText: t.records.empty }}
      />
      {dialog?.kind === 'reverse' && (
        <ReverseModal sale={dialog.sale} onDone={done} onCancel={() => setDialog(null)} />
      )}
      {dialog?.kind === 'refund' && (
        <RefundModal
          sale={dialog.sale}
          refundable={dialog.max}
          onDone={done}
          onCancel={() => setDialog(null)}
        />
      )}
    </Card>
  );
}
