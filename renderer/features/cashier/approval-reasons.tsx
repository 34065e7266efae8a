/** Why this sale needs a supervisor (quote.approvalReasons), said next to the amount due. Runtime: browser. */
import { Alert } from 'antd';
import type { Quote } from '../../../core/contract';
import { useI18n } from '../../i18n';

export function ApprovalReasons({ reasons }: { reasons: Quote['approvalReasons'] }) {
  const { t, lang } = useI18n();
  if (reasons.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="form-alert"
      title={t.sale.approvalNeeded}
      description={
        <ul className="change-list">
          {reasons.map((r) => (
            <li key={r.code}>{lang === 'en' ? t.sale.approvalReasons[r.code] : r.message}</li>
          ))}
        </ul>
      }
    />
  );
}
