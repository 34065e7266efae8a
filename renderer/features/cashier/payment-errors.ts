/**
 * Failures of a payment (sales.sellGas, sales.payFees) shown where they belong: approval problems under the
 * approval fields, field issues under their fields (purchase.* → the figure), and NO_OPEN_SHIFT back to
 * the 开班 form. Runtime: browser.
 */
import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import { useI18n } from '../../i18n';
import { showApprovalError } from '../../shell/approval-fields';
import { isApiError, type PathMap, useFormErrors } from '../../shell/errors';
import { useShift } from '../shift/shift-gate';

const toFormPath: PathMap = (path) => {
  if (path[0] === 'purchase') return path[1] === 'volume' || path[1] === 'money' ? ['figure'] : [];
  if (path[0] === 'lines') return ['lines'];
  return path;
};

export function usePaymentErrors(form: FormInstance) {
  const { lang } = useI18n();
  const { recheck } = useShift();
  const onError = useFormErrors(form, toFormPath);
  return useCallback(
    (e: unknown) => {
      if (isApiError(e, 'APPROVAL_INVALID') || isApiError(e, 'APPROVAL_REQUIRED'))
        showApprovalError(form, lang === 'en' ? e.body.messageEn : e.body.message);
      onError(e);
      if (isApiError(e, 'NO_OPEN_SHIFT')) recheck();
    },
    [form, lang, onError, recheck],
  );
}

/** The first field a failed validation points at gets the focus. */
export function focusFirstError(form: FormInstance, e: unknown): void {
  const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
  if (first) form.scrollToField(first.name, { block: 'center', focus: true });
}
