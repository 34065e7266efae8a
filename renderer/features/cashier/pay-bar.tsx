/**
 * 找零 and 确认收款 together at the foot of the payment column, kept on the screen (sticky) however tall the
 * column grows — approval, several tenders — so that at 1366×768 the cashier sees the change and the button
 * without scrolling. Inside the payment form. Runtime: browser.
 */
import { Button, Form } from 'antd';
import { useT } from '../../i18n';
import { BigAmount } from '../../shell/big-amount';
import { changeOf, type TenderRow } from './tender-model';

interface Props {
  due: number;
  /** No tenders (nothing due): only the button. */
  noTenders?: boolean;
  busy: boolean;
  label: string;
  testId?: string;
  onConfirm(): void;
}

export function PayBar({ due, noTenders = false, busy, label, testId, onConfirm }: Props) {
  const t = useT();
  const form = Form.useFormInstance();
  const rows: TenderRow[] = Form.useWatch('tenders', form) ?? [];
  return (
    <div className="pay-bar">
      {!noTenders && (
        <BigAmount label={t.tender.change} fen={changeOf(due, rows)} tone="good" testId="change" />
      )}
      <Button type="primary" size="large" loading={busy} data-testid={testId} onClick={onConfirm}>
        {label}
      </Button>
    </div>
  );
}
