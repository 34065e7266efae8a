/**
 * The right-hand side of the 购气 screen: the amount due in large figures with 大写, the tenders, and the
 * approval (reasons up top, fields after the tenders) when the quote asks for one, or the card (it refused its
 * PSC before). 找零 is with the confirm button below it (pay-bar.tsx). Runtime: browser.
 */
import { Alert } from 'antd';
import type { Quote } from '../../../core/contract';
import { useT } from '../../i18n';
import { ApprovalFields } from '../../shell/approval-fields';
import { BigAmount } from '../../shell/big-amount';
import { ApprovalReasons } from './approval-reasons';
import { TenderPanel } from './tender-panel';

interface Props {
  quote?: Quote;
  fresh: boolean;
  error?: string;
  /** The card refused its PSC before: a 班长 approves one more try. */
  cardApproval?: boolean;
}

export function AmountDuePanel({ quote, fresh, error, cardApproval = false }: Props) {
  const t = useT();
  return (
    <div className="amount-due-panel">
      {error && <Alert type="error" showIcon title={error} className="form-alert" role="alert" />}
      <BigAmount
        label={t.sale.amountDue}
        fen={quote?.amountDue ?? 0}
        capitals={!!quote}
        tone={quote && fresh ? 'normal' : 'muted'}
        testId="amount-due"
      />
      {quote && <ApprovalReasons reasons={quote.approvalReasons} />}
      {quote && quote.amountDue === 0 ? (
        <Alert type="info" showIcon title={t.tender.nothingDue} className="form-alert" />
      ) : (
        <TenderPanel due={quote?.amountDue ?? 0} change={false} />
      )}
      {cardApproval && (
        <Alert type="error" showIcon title={t.cardWrite.saleApproval} className="form-alert" />
      )}
      {((quote && quote.approvalReasons.length > 0) || cardApproval) && <ApprovalFields />}
    </div>
  );
}
