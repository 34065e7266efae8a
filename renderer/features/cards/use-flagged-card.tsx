/**
 * A card that refused its PSC before (CARD_PSC_FLAGGED) is written only after a 班长 approves one more
 * attempt: `withApproval(run)` runs the card operation, and on that refusal shows the approval dialog (the
 * hook's `dialog`, to render) and runs it again with the 班长's credentials. Resolves undefined when the clerk
 * or the 班长 declines; a wrong or self approval is said under the fields and the dialog stays. Used by 重新写卡
 * (use-sale-card-write), 换表 and 换表结转重新写卡. Runtime: browser.
 */
import type { FormInstance } from 'antd';
import { type ReactNode, useCallback, useState } from 'react';
import type { ApprovalValues } from '../../shell/approval-fields';
import { showApprovalError } from '../../shell/approval-fields';
import { isApiError, useErrorText } from '../../shell/errors';
import { CardApprovalModal } from './card-approval-modal';

interface Asking {
  reason: string;
  submit(approval: ApprovalValues, form: FormInstance<{ approval: ApprovalValues }>): Promise<void>;
  cancel(): void;
}

export function useFlaggedCardApproval(): {
  withApproval<T>(run: (approval?: ApprovalValues) => Promise<T>): Promise<T | undefined>;
  dialog: ReactNode;
} {
  const errorText = useErrorText();
  const [asking, setAsking] = useState<Asking>();

  const withApproval = useCallback(
    async <T,>(run: (approval?: ApprovalValues) => Promise<T>): Promise<T | undefined> => {
      try {
        return await run();
      } catch (e) {
        if (!isApiError(e, 'CARD_PSC_FLAGGED')) throw e;
        return new Promise<T | undefined>((resolve, reject) =>
          setAsking({
            reason: errorText(e),
            cancel: () => {
              setAsking(undefined);
              resolve(undefined);
            },
            submit: async (approval, form) => {
              try {
                const out = await run(approval);
                setAsking(undefined);
                resolve(out);
              } catch (err) {
                if (isApiError(err, 'APPROVAL_INVALID') || isApiError(err, 'APPROVAL_SELF')) {
                  showApprovalError(form, errorText(err));
                  return;
                }
                setAsking(undefined);
                reject(err);
              }
            },
          }),
        );
      }
    },
    [errorText],
  );

  const dialog = asking ? (
    <CardApprovalModal reason={asking.reason} onSubmit={asking.submit} onCancel={asking.cancel} />
  ) : null;
  return { withApproval, dialog };
}
