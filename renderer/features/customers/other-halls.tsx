/**
 * 查询其他营业厅: the customers of other halls head office finds for the query, each with its hall; 办理 (a
 * button per row, reachable with Tab, Enter presses it) fetches the file from head office and opens it. Asked by
 * the search page when nothing local matches, or with its button. Offline it says plainly that such a customer
 * cannot be served now (OTHER_HALL_OFFLINE). Runtime: browser.
 */
import { Alert, Button, Table, type TableColumnsType, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { OtherHallCustomer, OpOutput } from '../../../core/contract';
import { api, ApiError } from '../../api/client';
import { fmt, useI18n } from '../../i18n';
import { useReportError } from '../../shell/errors';
import { StatusTag } from './status-tag';

type Found = OpOutput<'customers.lookupOtherHalls'>;

interface Props {
  /** The query to look up (asked anew when it changes and `ask` counts up). */
  query: string;
  /** Counts the requests to look up (0: not asked yet). */
  ask: number;
  onOpen(customerId: string): void;
}

export function OtherHalls({ query, ask, onOpen }: Props) {
  const { t, lang } = useI18n();
  const report = useReportError();
  const [found, setFound] = useState<Found | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    if (ask === 0 || !query.trim()) return;
    let live = true;
    setFound(null);
    setRefusal(null);
    api['customers.lookupOtherHalls']({ query }).then(
      (r) => live && setFound(r),
      (e: unknown) => {
        if (!live) return;
        // A counter not enrolled with head office has no other halls to ask: nothing is shown.
        if (e instanceof ApiError && e.code === 'SYNC_NOT_ENROLLED') return;
        if (e instanceof ApiError && e.code === 'OTHER_HALL_OFFLINE')
          return setRefusal(lang === 'en' ? e.body.messageEn : e.body.message);
        report(e);
      },
    );
    return () => {
      live = false;
    };
  }, [ask, query, lang, report]);

  const serve = async (c: OtherHallCustomer) => {
    setBusy(c.customerId);
    try {
      const file = await api['customers.fetchOtherHall']({ customerId: c.customerId });
      onOpen(file.id);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'OTHER_HALL_OFFLINE')
        setRefusal(lang === 'en' ? e.body.messageEn : e.body.message);
      else report(e);
    } finally {
      setBusy(null);
    }
  };

  if (refusal) return <Alert type="warning" showIcon title={refusal} className="form-alert other-halls" />;
  if (!found) return null;
  const columns: TableColumnsType<OtherHallCustomer> = [
    {
      title: t.search.hall,
      key: 'hall',
      width: 150,
      render: (_v, c) => `${c.hallName}（${c.hallCode}）`,
    },
    { title: t.fields.accountNo, dataIndex: 'accountNo', width: 140 },
    { title: t.fields.name, dataIndex: 'name', width: 110 },
    { title: t.fields.phone, dataIndex: 'phone', width: 130 },
    { title: t.fields.address, dataIndex: 'fullAddress' },
    {
      title: t.search.cardNos,
      dataIndex: 'cardNos',
      width: 170,
      render: (v: string[]) => v.join(t.common.listSep) || t.common.none,
    },
    {
      title: t.fields.status,
      dataIndex: 'status',
      width: 80,
      render: (v: OtherHallCustomer['status']) => <StatusTag status={v} />,
    },
    {
      title: t.search.serve,
      key: 'serve',
      width: 90,
      render: (_v, c) => (
        <Button size="small" loading={busy === c.customerId} onClick={() => void serve(c)}>
          {t.search.serve}
        </Button>
      ),
    },
  ];
  return (
    <section className="other-halls" aria-label={t.search.otherHallsTitle}>
      <Typography.Title level={5}>{t.search.otherHallsTitle}</Typography.Title>
      {found.items.length === 0 ? (
        <Typography.Paragraph type="secondary">{t.search.otherHallsNone}</Typography.Paragraph>
      ) : (
        <>
          {found.truncated && (
            <Alert
              type="info"
              showIcon
              title={fmt(t.search.otherHallsMore, { n: found.items.length })}
              className="form-alert"
            />
          )}
          <Table<OtherHallCustomer>
            size="middle"
            rowKey="customerId"
            columns={columns}
            dataSource={found.items}
            pagination={false}
            scroll={{ x: 1100 }}
          />
        </>
      )}
    </section>
  );
}
