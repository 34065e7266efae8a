/**
 * 业务记录 on the customer's file (sales.list): receipts, kind, status, volume, amount, paid, operator,
 * time and corrections, with 预览/补打, 写卡 / 重新写卡 and 掉气补气 for every counter role, and 冲正 and 退款
 * for a cashier; a 冲正 or 退款 just done shows its receipt (printed by itself when the counter does so). `refreshKey` reloads it (after card work elsewhere on the file); `onChanged` tells the file.
 * Runtime: browser.
 */
import { Card, Table, type TableColumnsType, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Sale } from '../../../core/contract';
import { saleStanding } from '../../../core/domain/cash';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { BigAmount } from '../../shell/big-amount';
import { useReportError } from '../../shell/errors';
import { formatDateTime } from '../../shell/format';
import { m3, yuan } from '../../shell/money';
import { TopUpModal } from '../cards/top-up-modal';
import { ReceiptModal } from '../printing/receipt-modal';
import { RefundModal } from './refund-modal';
import { ReverseModal } from './reverse-modal';
import { type SaleDialog, SaleRowActions } from './sale-row-actions';
import { topUpCandidate } from './sales-model';

const KIND_COLORS = { gas: 'blue', fee: 'cyan', reversal: 'red', refund: 'orange' } as const;
const STATUS_COLORS = { pending_card_write: 'gold', completed: 'green', card_write_failed: 'red' } as const;

interface Props {
  customerId: string;
  canSell: boolean;
  refreshKey?: number;
  onChanged?(): void;
}

export function SalesSection({ customerId, canSell, refreshKey = 0, onChanged }: Props) {
  const t = useT();
  const report = useReportError();
  const [items, setItems] = useState<Sale[]>([]);
  const [loading, setLoading] = useState(true);
  const [dialog, setDialog] = useState<SaleDialog | null>(null);

  const load = useCallback(async () => {
    void refreshKey;
    setLoading(true);
    try {
      setItems((await api['sales.list']({ customerId, limit: 100 })).items);
    } catch (e) {
      report(e);
    } finally {
      setLoading(false);
    }
  }, [customerId, report, refreshKey]);

  useEffect(() => {
    void load();
  }, [load]);

  const topUpId = topUpCandidate(items);
  // The file reloads every section (this one through refreshKey) when told; alone, this one reloads itself.
  const changed = () => (onChanged ? onChanged() : void load());
  const receiptOf = (id: string | null) => items.find((s) => s.id === id)?.receiptNo ?? t.common.none;
  const columns: TableColumnsType<Sale> = [
    {
      title: t.records.receiptNo,
      dataIndex: 'receiptNo',
      // A receipt number is read and compared whole: never broken across lines.
      render: (v: string) => <span className="mono nowrap">{v}</span>,
    },
    {
      title: t.records.kind,
      dataIndex: 'kind',
      render: (k: Sale['kind']) => <Tag color={KIND_COLORS[k]}>{t.saleKinds[k]}</Tag>,
    },
    {
      title: t.records.status,
      dataIndex: 'status',
      // A reversal or refund shows instead of the sale's own state, with its receipt number.
      render: (s: Sale['status'], r) => {
        const st = saleStanding(r);
        if (st.by.length > 0)
          return (
            <span data-testid="sale-standing">
              <Tag color={st.code === 'reversed' ? 'red' : 'orange'}>{t.saleStandings[st.code]}</Tag>
              <span className="mono">{fmt(t.records.correctedByNo, { receiptNo: st.by.join('、') })}</span>
            </span>
          );
        return r.kind === 'gas' ? <Tag color={STATUS_COLORS[s]}>{t.saleStatuses[s]}</Tag> : t.common.none;
      },
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
    {
      title: t.common.actions,
      render: (_v: unknown, r: Sale) => (
        <SaleRowActions
          sale={r}
          canSell={canSell}
          topUp={r.id === topUpId}
          onOpen={setDialog}
          onChanged={changed}
        />
      ),
    },
  ];

  const done = () => {
    setDialog(null);
    changed();
  };
  const corrected = (title: string) => (r: Sale) => {
    setDialog({ kind: 'printed', sale: r, title });
    changed();
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
        <ReverseModal
          sale={dialog.sale}
          onDone={corrected(t.print.reversalDone)}
          onCancel={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'preview' && (
        <ReceiptModal sale={dialog.sale} mode="preview" onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'printed' && (
        <ReceiptModal
          sale={dialog.sale}
          mode="result"
          title={fmt(t.print.resultTitle, { what: dialog.title, receiptNo: dialog.sale.receiptNo })}
          onClose={() => setDialog(null)}
        >
          <BigAmount label={t.print.paidBack} fen={Math.abs(dialog.sale.amountPaid)} capitals />
        </ReceiptModal>
      )}
      {dialog?.kind === 'topUp' && (
        <TopUpModal sale={dialog.sale} onDone={done} onCancel={() => setDialog(null)} />
      )}
      {dialog?.kind === 'refund' && (
        <RefundModal
          sale={dialog.sale}
          refundable={dialog.max}
          onDone={corrected(t.print.refundDone)}
          onCancel={() => setDialog(null)}
        />
      )}
    </Card>
  );
}
