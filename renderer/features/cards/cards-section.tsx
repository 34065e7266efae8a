/**
 * 燃气卡 on the customer's file (cards.list): the cards with their status, the purchase count, the meter
 * readings taken from the cards, and 发卡 / 挂失 / 补卡 / 换表. The outcome of the last one stays shown.
 * Runtime: browser.
 */
import { Alert, Button, Card, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Customer, OpOutput } from '../../../core/contract';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useReportError } from '../../shell/errors';
import { formatDateTime } from '../../shell/format';
import { m3 } from '../../shell/money';
import { IssueCardModal } from './issue-card-modal';
import { MeterChangeModal } from './meter-change-modal';
import type { CardNotice } from './notice';
import { ReadingsTable } from './readings-table';
import { ReplaceCardModal } from './replace-card-modal';
import { announceReaderChange } from './reader-events';
import { ReportLostModal } from './report-lost-modal';
import { useFlaggedCardApproval } from './use-flagged-card';
import { useLastTry } from './use-last-try';

type Cards = OpOutput<'cards.list'>;
type CardRow = Cards['cards'][number];
type Dialog = null | 'issue' | 'lost' | 'replace' | 'meter';

const STATUS_COLORS = { active: 'green', lost: 'red', replaced: 'default' } as const;

interface Props {
  customer: Customer;
  refreshKey: number;
  onChanged(): void;
}

export function CardsSection({ customer, refreshKey, onChanged }: Props) {
  const t = useT();
  const report = useReportError();
  const [data, setData] = useState<Cards>();
  const [loading, setLoading] = useState(true);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<CardNotice>();
  const withLastTry = useLastTry();
  const { withApproval, dialog: approvalDialog } = useFlaggedCardApproval();
  const [writingCarry, setWritingCarry] = useState(false);

  const load = useCallback(async () => {
    void refreshKey;
    setLoading(true);
    try {
      setData(await api['cards.list']({ customerId: customer.id }));
    } catch (e) {
      report(e);
    } finally {
      setLoading(false);
    }
  }, [customer.id, report, refreshKey]);

  useEffect(() => {
    void load();
  }, [load]);

  const done = useCallback(
    (n: CardNotice) => {
      setDialog(null);
      setNotice(n);
      onChanged();
    },
    [onChanged],
  );
  const cancel = useCallback(() => setDialog(null), []);

  // 换表结转重新写卡: the carry a meter change could not put on the card (meters.writeCarry).
  const writeCarry = useCallback(async () => {
    setWritingCarry(true);
    try {
      const r = await withApproval((approval) =>
        withLastTry((confirmLastTry) =>
          api['meters.writeCarry']({
            customerId: customer.id,
            confirmLastTry,
            ...(approval ? { approval } : {}),
          }),
        ),
      );
      if (r)
        done({
          type: 'success',
          title: fmt(t.cardSection.carryWritten, { volume: m3(r.carried), count: r.purchaseCount }),
        });
    } catch (e) {
      report(e);
    } finally {
      setWritingCarry(false);
      announceReaderChange();
      void load();
    }
  }, [customer.id, done, load, report, t, withApproval, withLastTry]);

  const cards = data?.cards ?? [];
  const hasActive = cards.some((c) => c.status === 'active');
  const open = customer.status === 'active';
  const activeMeters = customer.meters.some((m) => m.status === 'active');
  const columns: TableColumnsType<CardRow> = [
    {
      title: t.cardSection.cardNo,
      dataIndex: 'cardNo',
      render: (v: string) => <span className="mono">{v}</span>,
    },
    {
      title: t.cardSection.status,
      dataIndex: 'status',
      render: (v: CardRow['status']) => <Tag color={STATUS_COLORS[v]}>{t.cardStatuses[v]}</Tag>,
    },
    { title: t.cardSection.issuedAt, dataIndex: 'issuedAt', render: (v: string) => formatDateTime(v) },
    {
      title: t.cardSection.purchaseCount,
      align: 'right',
      dataIndex: 'purchaseCount',
    },
  ];

  return (
    <Card
      title={t.cardSection.title}
      size="small"
      className="form-section"
      data-testid="customer-cards"
      extra={data ? fmt(t.cardSection.countLine, { n: data.purchaseCount }) : undefined}
    >
      {customer.status !== 'closed' && (
        <Space className="action-bar" wrap>
          {open && cards.length === 0 && (
            <Button type="primary" onClick={() => setDialog('issue')}>
              {t.cardSection.issue}
            </Button>
          )}
          {hasActive && (
            <Button danger onClick={() => setDialog('lost')}>
              {t.cardSection.reportLost}
            </Button>
          )}
          {open && cards.length > 0 && (
            <Button onClick={() => setDialog('replace')}>{t.cardSection.replace}</Button>
          )}
          {open && activeMeters && (
            <Button onClick={() => setDialog('meter')}>{t.cardSection.changeMeter}</Button>
          )}
        </Space>
      )}
      {!!data?.owedCarry && (
        <Alert
          type="warning"
          showIcon
          className="form-alert"
          data-testid="owed-carry"
          title={fmt(t.cardSection.owedCarry, { volume: m3(data.owedCarry) })}
          description={t.cardSection.owedCarryHint}
          action={
            <Button type="primary" loading={writingCarry} onClick={() => void writeCarry()}>
              {t.cardSection.writeCarry}
            </Button>
          }
        />
      )}
      {approvalDialog}
      {notice && (
        <Alert
          type={notice.type}
          showIcon
          closable
          className="form-alert"
          data-testid="card-notice"
          title={notice.title}
          description={notice.lines?.length ? notice.lines.join(' ') : undefined}
          onClose={() => setNotice(undefined)}
        />
      )}
      <Table<CardRow>
        size="small"
        rowKey="cardNo"
        columns={columns}
        dataSource={cards}
        loading={loading}
        pagination={false}
        locale={{ emptyText: t.cardSection.none }}
      />
      <ReadingsTable readings={data?.readings ?? []} />
      {dialog === 'issue' && (
        <IssueCardModal
          customer={customer}
          onDone={(c) => done({ type: 'success', title: fmt(t.issueCard.success, { cardNo: c.cardNo }) })}
          onCancel={cancel}
        />
      )}
      {dialog === 'lost' && <ReportLostModal customer={customer} onDone={done} onCancel={cancel} />}
      {dialog === 'replace' && <ReplaceCardModal customer={customer} onDone={done} onCancel={cancel} />}
      {dialog === 'meter' && <MeterChangeModal customer={customer} onDone={done} onCancel={cancel} />}
    </Card>
  );
}
