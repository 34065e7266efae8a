/** Failures of a 冲正 or 退款 said plainly, in the dialog and under the approval fields. Runtime: browser. */
import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import { useI18n } from '../../i18n';
import { showApprovalError } from '../../shell/approval-fields';
import { isApiError, useFormErrors } from '../../shell/errors';

/** Returns `onError(e)`, which also returns a sentence to show in the dialog (or undefined). */
export function useCorrectionErrors(form: FormInstance) {
  const { t, lang } = useI18n();
  const onError = useFormErrors(form);
  return useCallback(
    (e: unknown): string | undefined => {
      if (isApiError(e, 'APPROVAL_INVALID') || isApiError(e, 'APPROVAL_REQUIRED'))
        showApprovalError(form, lang === 'en' ? e.body.messageEn : e.body.message);
      onError(e);
      if (isApiError(e))
        return t.correctionErrors[e.code] ?? (lang === 'en' ? e.body.messageEn : e.body.message);
      return undefined;
    },
    [form, lang, onError, t],
  );
}
