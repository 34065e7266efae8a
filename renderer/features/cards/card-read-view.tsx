/**
 * One card read on screen: the state with its message, the owner (a link to the file), the card's purchases
 * and whether the last one is still on the card, the meter's write-back with its alarms, the pending writes
 * this read settled, and any conflict. Runtime: browser.
 */
import { Alert, Button, Card, Descriptions, type DescriptionsProps, Tag } from 'antd';
import type { CardRead } from '../../../core/contract';
import { fmt, useI18n } from '../../i18n';
import { formatDateTime } from '../../shell/format';
import { m3 } from '../../shell/money';
import { useNav } from '../../shell/nav';
import { alarmsOf, lastPurchaseState, stateTone } from './card-model';
import { MeterAlarms } from './meter-alarms';
import { AlarmSlipButton } from './alarm-slip-button';
import { useStateMessage } from './use-card-read';

const PURCHASE_COLORS = { pending: 'gold', loaded: 'green', none: 'default' } as const;

export function CardReadView({ read }: { read: CardRead }) {
  const { t, lang } = useI18n();
  const nav = useNav();
  const stateMessage = useStateMessage();
  const { card, customer, reading } = read;
  const purchase = card ? lastPurchaseState(card) : 'none';

  const cardItems: DescriptionsProps['items'] = card
    ? [
        {
          key: 'cardNo',
          label: t.cardRead.cardNo,
          children: (
            <span className="mono" data-testid="card-no">
              {card.cardNo}
            </span>
          ),
        },
        {
          key: 'status',
          label: t.cardRead.cardStatus,
          children: card.status ? t.cardStatuses[card.status] : t.common.none,
        },
        {
          key: 'owner',
          label: t.cardRead.owner,
          children: customer ? (
            <Button
              type="link"
              className="inline-link"
              data-testid="card-owner"
              onClick={() => nav.go({ name: 'customer', id: customer.id })}
            >
              {customer.name}
            </Button>
          ) : (
            t.common.none
          ),
        },
        { key: 'accountNo', label: t.cardRead.accountNo, children: customer?.accountNo ?? t.common.none },
        {
          key: 'address',
          label: t.cardRead.address,
          span: 2,
          children: customer?.fullAddress ?? t.common.none,
        },
        {
          key: 'count',
          label: t.cardRead.purchaseCount,
          children: <strong data-testid="card-count">{card.purchaseCount}</strong>,
        },
        {
          key: 'lastVolume',
          label: t.cardRead.lastVolume,
          children: <span data-testid="card-last-volume">{m3(card.lastVolume)}</span>,
        },
        {
          key: 'onCard',
          label: t.cardRead.onCard,
          children: (
            <Tag color={PURCHASE_COLORS[purchase]} data-testid="card-pending">
              {purchase === 'pending'
                ? t.cardRead.pending
                : purchase === 'loaded'
                  ? t.cardRead.loaded
                  : t.cardRead.noGas}
            </Tag>
          ),
        },
        { key: 'cumulative', label: t.cardRead.cumulative, children: m3(card.cumulative) },
      ]
    : [];

  const alarms = reading ? alarmsOf(reading.status) : [];
  const readingItems: DescriptionsProps['items'] = reading
    ? [
        {
          key: 'meterNo',
          label: t.cardRead.meterNo,
          children: <span className="mono">{reading.meterNo}</span>,
        },
        {
          key: 'remaining',
          label: t.cardRead.remaining,
          children: (
            <strong className="reading-figure" data-testid="meter-remaining">
              {m3(reading.remaining)}
            </strong>
          ),
        },
        {
          key: 'used',
          label: t.cardRead.cumulativeUsed,
          children: (
            <strong className="reading-figure" data-testid="meter-used">
              {m3(reading.cumulativeUsed)}
            </strong>
          ),
        },
        { key: 'loaded', label: t.cardRead.loadedCount, children: reading.loadedCount },
        { key: 'readAt', label: t.cardRead.readAt, children: formatDateTime(reading.readAt) },
        {
          key: 'status',
          label: t.cardRead.meterStatus,
          children: (
            <span data-testid="meter-status">
              <MeterAlarms status={reading.status} />
            </span>
          ),
        },
      ]
    : [];

  return (
    <div data-testid="card-read">
      <Alert
        type={stateTone(read.state)}
        showIcon
        className="form-alert"
        data-testid="card-state"
        title={
          <>
            <Tag>{t.cardRead.stateTags[read.state]}</Tag>
            {stateMessage(read)}
          </>
        }
      />
      {read.conflict && (
        <Alert
          type="error"
          showIcon
          className="form-alert"
          data-testid="card-conflict"
          title={t.cardRead.conflictTitle}
          description={lang === 'en' ? t.cardRead.conflictGeneric : read.conflict}
        />
      )}
      {read.resolved.length > 0 && (
        <Alert
          type="info"
          showIcon
          className="form-alert"
          data-testid="card-resolved"
          title={t.cardRead.resolvedTitle}
          description={
            <ul className="change-list">
              {read.resolved.map((r, i) => (
                <li key={`${r.kind}-${r.saleId ?? i}`}>
                  {fmt(t.cardRead.resolvedLine, {
                    kind: t.cardRead.resolvedKinds[r.kind] ?? r.kind,
                    outcome: t.cardRead.outcomes[r.outcome],
                  })}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {read.triesLeft !== null && read.triesLeft > 0 && read.triesLeft < 3 && read.state === 'ok' && (
        <Alert
          type="warning"
          showIcon
          className="form-alert"
          title={fmt(t.cardRead.triesLeft, { n: read.triesLeft })}
        />
      )}
      {card?.repairable && (
        <Alert type="info" showIcon className="form-alert" title={t.cardRead.repairable} />
      )}
      {card && (
        <Card title={t.cardRead.card} size="small" className="form-section">
          <Descriptions size="small" column={3} items={cardItems} />
        </Card>
      )}
      {card && (
        <Card title={t.cardRead.meter} size="small" className="form-section" data-testid="card-reading">
          {reading ? (
            <>
              <Descriptions size="small" column={3} items={readingItems} />
              {alarms.length > 0 && (
                <Alert
                  type="error"
                  showIcon
                  className="card-alert"
                  title={t.cardRead.alarmHint}
                  action={
                    <AlarmSlipButton
                      meterNo={reading.meterNo}
                      status={reading.status}
                      customerId={customer?.id}
                    />
                  }
                />
              )}
            </>
          ) : (
            <p>{t.cardRead.noReading}</p>
          )}
          {read.meterFaults.length > 0 && (
            <Alert
              type="error"
              showIcon
              className="card-alert"
              data-testid="meter-faults"
              title={t.cardRead.faultHint}
              description={
                <ul className="meter-fault-list">
                  {read.meterFaults.map((f) => (
                    <li key={f}>{f}</li>
                  ))}
                </ul>
              }
              action={
                <AlarmSlipButton
                  meterNo={read.faultyMeterNo}
                  faults={read.meterFaults}
                  customerId={customer?.id}
                />
              }
            />
          )}
        </Card>
      )}
    </div>
  );
}
