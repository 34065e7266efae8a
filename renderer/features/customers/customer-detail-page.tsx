/**
 * 用户档案: the whole file, its meters, its gas cards and its history, with the actions the status allows
 * (core/domain/customer allowedActions). Every change reloads the file, the history and (through `tick`) the
 * card and sales sections. Right after 开户 it offers 发卡并购气. Runtime: browser.
 */
import { rememberCustomer } from './search-state';
import { Button, Card, Result, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Customer, HistoryEntry } from '../../../core/contract';
import { allowedActions, type StatusAction } from '../../../core/domain/customer';
import { api, onApiError } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { isApiError, useReportError } from '../../shell/errors';
import { useNav } from '../../shell/nav';
import { CLERK_ROLES, may, SELLER_ROLES } from '../../shell/roles';
import { useSession } from '../../shell/session';
import { useEscape } from '../../shell/shortcuts';
import { CardsSection } from '../cards/cards-section';
import { OpenCardOffer } from '../cards/open-card-offer';
import { SalesSection } from '../sales/sales-section';
import { AddMeterModal } from './add-meter-modal';
import { CustomerInfo } from './customer-info';
import { EditCustomerModal } from './edit-customer-modal';
import { HistoryTable } from './history-table';
import { MetersTable } from './meters-table';
import { StatusModal } from './status-modal';
import { StatusTag } from './status-tag';
import { TransferModal } from './transfer-modal';
import { CustomerServiceSection } from '../service-desk/customer-service-section';

type Dialog = null | 'edit' | 'addMeter' | StatusAction;

export function CustomerDetailPage({ id, offerCard = false }: { id: string; offerCard?: boolean }) {
  const t = useT();
  const nav = useNav();
  const { session } = useSession();
  const report = useReportError();
  const [customer, setCustomer] = useState<Customer>();
  const [missing, setMissing] = useState(false);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [historyLoading, setHistoryLoading] = useState(true);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [tick, setTick] = useState(0);
  /** A customer of another hall fetched from head office: only sales and card purchases here. */
  const [otherHall, setOtherHall] = useState<{ code: string; name: string } | null>(null);
  const [offer, setOffer] = useState(offerCard);
  const actionBar = useRef<HTMLDivElement>(null);
  const loaded = !!customer;

  const reload = useCallback(async () => {
    setHistoryLoading(true);
    try {
      const [c, h] = await Promise.all([api['customers.get']({ id }), api['customers.history']({ id })]);
      rememberCustomer(c);
      setCustomer(c);
      setOtherHall(c.otherHall ?? null);
      setHistory([...h.items].reverse());
    } catch (e) {
      if (isApiError(e, 'CUSTOMER_NOT_FOUND')) setMissing(true);
      report(e);
    } finally {
      setHistoryLoading(false);
    }
  }, [id, report]);

  useEffect(() => {
    void reload();
  }, [reload]);

  // Someone changed the file meanwhile: show the current one, so that a retry uses its version.
  useEffect(
    () =>
      onApiError((err) => {
        if (err.code === 'STALE_RECORD' || err.code === 'ILLEGAL_STATUS_TRANSITION') void reload();
      }),
    [reload],
  );

  const changed = useCallback(
    (c: Customer) => {
      setCustomer(c);
      setDialog(null);
      void reload();
    },
    [reload],
  );
  const cancel = useCallback(() => setDialog(null), []);
  // Card work changes the cards, the sales (written, reversed), the file (meters) and its history.
  const cardsChanged = useCallback(() => {
    setTick((n) => n + 1);
    void reload();
  }, [reload]);
  // Arriving on the file, the keyboard starts at its first action (the offer, when shown, has its own focus).
  useEffect(() => {
    if (loaded && !offerCard) actionBar.current?.querySelector<HTMLElement>('button')?.focus();
  }, [loaded, offerCard]);
  const goBack = useCallback(() => nav.go({ name: 'search' }), [nav]);
  useEscape(goBack, dialog === null && !offer);
  const dismissOffer = useCallback(() => setOffer(false), []);
  useEscape(dismissOffer, offer);

  const back = (
    <Button onClick={() => nav.go({ name: 'search' })} aria-keyshortcuts="F3">
      {t.detail.back}
    </Button>
  );
  if (missing) return <Result status="404" title={t.detail.notFound} extra={back} />;
  if (!customer) return <Spin className="page-spin" />;

  const canChange = may(session.staff.roles, CLERK_ROLES) && customer.status !== 'closed';
  const canSell = may(session.staff.roles, SELLER_ROLES);
  const statusActions = may(session.staff.roles, CLERK_ROLES) ? allowedActions(customer.status) : [];
  const modalProps = { customer, onDone: changed, onCancel: cancel };

  return (
    <div className="page">
      <Space className="page-header" align="center" wrap>
        {back}
        <Typography.Title level={3}>
          {customer.name}
          <span className="title-sub">{customer.accountNo}</span>
        </Typography.Title>
        <StatusTag status={customer.status} />
        {otherHall && (
          <Tag color="orange" className="other-hall-tag">
            {fmt(t.detail.otherHall, { hall: `${otherHall.name}（${otherHall.code}）` })}
          </Tag>
        )}
      </Space>
      <div ref={actionBar}>
        <Space className="action-bar" wrap>
          {canSell && customer.status === 'active' && (
            <Button
              type="primary"
              aria-keyshortcuts="F2"
              onClick={() => nav.go({ name: 'sale', customerId: customer.id })}
            >
              {t.records.buyGas}
            </Button>
          )}
          {canChange && (
            <Button type={canSell ? 'default' : 'primary'} onClick={() => setDialog('edit')}>
              {t.detail.edit}
            </Button>
          )}
          {statusActions.map((a) => (
            <Button key={a} danger={a === 'close'} onClick={() => setDialog(a)}>
              {t.statusActions[a]}
            </Button>
          ))}
          {canChange && <Button onClick={() => setDialog('addMeter')}>{t.detail.addMeter}</Button>}
        </Space>
      </div>
      {offer && customer.status === 'active' && (
        <OpenCardOffer
          customer={customer}
          canSell={canSell}
          onDismiss={dismissOffer}
          onIssued={() => {
            setOffer(false);
            cardsChanged();
          }}
        />
      )}
      <Card title={t.detail.info} size="small" className="form-section">
        <CustomerInfo customer={customer} />
      </Card>
      <Card title={t.detail.meters} size="small" className="form-section">
        <MetersTable meters={customer.meters} />
      </Card>
      <CardsSection customer={customer} refreshKey={tick} onChanged={cardsChanged} />
      <SalesSection customerId={customer.id} canSell={canSell} refreshKey={tick} onChanged={cardsChanged} />
      <CustomerServiceSection customerId={customer.id} refreshKey={tick} />
      <Card title={t.detail.history} size="small" className="form-section" data-testid="customer-history">
        <HistoryTable items={history} loading={historyLoading} />
      </Card>
      {dialog === 'edit' && <EditCustomerModal {...modalProps} />}
      {dialog === 'addMeter' && <AddMeterModal {...modalProps} />}
      {dialog === 'transfer' && <TransferModal {...modalProps} />}
      {(dialog === 'suspend' || dialog === 'resume' || dialog === 'close') && (
        <StatusModal {...modalProps} action={dialog} />
      )}
    </div>
  );
}
