/**
 * 读卡 (F5): reads whatever card is in the reader — on opening, on F5 and whenever the reader's contents may
 * have changed — and shows what it is and whose, and the customer's paid purchases whose gas is not on a card
 * with what to do (重新写卡, 退款); from here 购气 (F2) for that customer, and for a 班长 制作工具卡 on a blank card.
 * Runtime: browser.
 */
import { Alert, Button, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { fmt, useT } from '../../i18n';
import { useNav } from '../../shell/nav';
import { may, SELLER_ROLES } from '../../shell/roles';
import { useSession } from '../../shell/session';
import { CardReadView } from './card-read-view';
import type { CardNotice } from './notice';
import { useReaderChange } from './reader-events';
import { ToolCardModal } from './tool-card-modal';
import { UnsettledSales } from './unsettled-sales';
import { useCardRead } from './use-card-read';

export function CardReadPage() {
  const t = useT();
  const nav = useNav();
  const { session } = useSession();
  const { read, error, loading, refresh } = useCardRead();
  const again = useCallback(() => void refresh(), [refresh]);
  const { readTick, route, go } = nav;
  // 制作工具卡 is the 班长's alone (cards.makeToolCard's access: not even the administrator).
  const mayMakeTools = session.staff.roles.includes('supervisor');
  const [making, setMaking] = useState(false);
  const [notice, setNotice] = useState<CardNotice>();

  useEffect(() => {
    void readTick;
    again();
  }, [again, readTick]);
  useReaderChange(again);

  // F2 sells to the customer whose card was read (MainLayout takes the id from the route).
  const customer = read?.customer;
  const routeCustomer = route.name === 'cardRead' ? route.customerId : undefined;
  useEffect(() => {
    if (route.name === 'cardRead' && routeCustomer !== customer?.id)
      go({ name: 'cardRead', customerId: customer?.id });
  }, [customer?.id, routeCustomer, route.name, go]);

  const canBuy =
    may(session.staff.roles, SELLER_ROLES) && read?.state === 'ok' && customer?.status === 'active';

  return (
    <div className="page">
      <Space className="page-header" align="baseline" wrap>
        <Typography.Title level={3}>{t.cardRead.title}</Typography.Title>
        <Typography.Text type="secondary">{t.cardRead.hint}</Typography.Text>
      </Space>
      <Space className="action-bar" wrap>
        <Button type="primary" loading={loading} aria-keyshortcuts="F5" onClick={again}>
          {t.cardRead.read}
        </Button>
        {customer && canBuy && (
          <Button
            aria-keyshortcuts="F2"
            onClick={() => nav.go({ name: 'sale', customerId: customer.id })}
            data-testid="card-buy"
          >
            {t.cardRead.buy}
          </Button>
        )}
        {customer && (
          <Button onClick={() => nav.go({ name: 'customer', id: customer.id })}>{t.cardRead.openFile}</Button>
        )}
        {mayMakeTools && (
          <Button onClick={() => setMaking(true)} data-testid="make-tool-card">
            {t.toolCard.make}
          </Button>
        )}
      </Space>
      {making && (
        <ToolCardModal
          onCancel={() => setMaking(false)}
          onDone={(n) => {
            setMaking(false);
            setNotice(n);
          }}
        />
      )}
      {notice && (
        <Alert
          type={notice.type}
          showIcon
          closable
          className="form-alert"
          data-testid="tool-card-notice"
          title={notice.title}
          onClose={() => setNotice(undefined)}
        />
      )}
      {customer && customer.status !== 'active' && read?.state === 'ok' && (
        <Alert
          type="warning"
          showIcon
          className="form-alert"
          title={fmt(t.cardRead.customerClosed, {
            status: t.customerStatuses[customer.status as keyof typeof t.customerStatuses] ?? customer.status,
          })}
        />
      )}
      {error && <Alert type="error" showIcon className="form-alert" title={error} />}
      {customer && read?.state === 'ok' && <UnsettledSales customerId={customer.id} tick={read} />}
      {read ? (
        <CardReadView read={read} />
      ) : (
        loading && (
          <Space>
            <Spin size="small" />
            <Typography.Text type="secondary">{t.cardRead.reading}</Typography.Text>
          </Space>
        )
      )}
    </div>
  );
}
