/**
 * Right after 开户: "发卡并购气" — insert a blank card, issue it, then straight to 购气 for the opening gas
 * (开户气量) when the operator may sell; a clerk sends the customer to the cashier instead. Enter takes the
 * offer, 暂不发卡 leaves it. Runtime: browser.
 */
import { Alert, App as AntApp, Button, Space } from 'antd';
import { useState } from 'react';
import type { Customer } from '../../../core/contract';
import { useT } from '../../i18n';
import { useNav } from '../../shell/nav';
import { IssueCardModal } from './issue-card-modal';

interface Props {
  customer: Customer;
  canSell: boolean;
  onDismiss(): void;
  onIssued(): void;
}

export function OpenCardOffer({ customer, canSell, onDismiss, onIssued }: Props) {
  const t = useT();
  const nav = useNav();
  const { message } = AntApp.useApp();
  const [issuing, setIssuing] = useState(false);

  return (
    <Alert
      type="success"
      showIcon
      className="form-section"
      data-testid="open-card-offer"
      title={t.offer.title}
      description={
        <Space direction="vertical">
          <span>{canSell ? t.offer.hint : t.offer.hintClerk}</span>
          <Space wrap>
            <Button type="primary" autoFocus onClick={() => setIssuing(true)}>
              {canSell ? t.offer.issueAndBuy : t.offer.issueOnly}
            </Button>
            <Button onClick={onDismiss}>{t.offer.later}</Button>
          </Space>
          {issuing && (
            <IssueCardModal
              customer={customer}
              okText={canSell ? t.offer.issueAndBuy : t.offer.issueOnly}
              onDone={() => {
                setIssuing(false);
                if (canSell) nav.go({ name: 'sale', customerId: customer.id });
                else {
                  message.info(t.offer.goPay);
                  onIssued();
                }
              }}
              onCancel={() => setIssuing(false)}
            />
          )}
        </Space>
      }
    />
  );
}
