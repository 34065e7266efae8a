/**
 * A 班长 approves one more PSC attempt on a card that refused its PSC before (CARD_PSC_FLAGGED): the reason
 * stated, the 班长's user name and password typed on the clerk's screen. Runtime: browser.
 */
import { Alert, Form, type FormInstance } from 'antd';
import { useT } from '../../i18n';
import { type ApprovalValues, ApprovalFields } from '../../shell/approval-fields';
import { FormModal } from '../../shell/form-modal';

interface Props {
  /** The counter's sentence for the refusal (what happened and what to do). */
  reason: string;
  /** Runs the attempt with the approval; throws to keep the dialog open (the error is shown by the caller). */
  onSubmit(approval: ApprovalValues, form: FormInstance<{ approval: ApprovalValues }>): Promise<void>;
  onCancel(): void;
}

export function CardApprovalModal({ reason, onSubmit, onCancel }: Props) {
  const t = useT();
  const [form] = Form.useForm<{ approval: ApprovalValues }>();
  return (
    <FormModal
      title={t.cardWrite.approvalTitle}
      form={form}
      okText={t.cardWrite.approvalOk}
      danger
      onSubmit={(v) => onSubmit(v.approval, form)}
      onCancel={onCancel}
    >
      <Alert
        type="error"
        showIcon
        className="form-alert"
        title={reason}
        description={t.cardWrite.approvalHint}
      />
      <ApprovalFields />
    </FormModal>
  );
}
