/**
 * 写卡 / 重新写卡 of a paid gas sale (cards.writeSale) as the clerk meets it: the card's last PSC try only
 * after the clerk confirms it (use-last-try), and a card that refused its PSC before (CARD_PSC_FLAGGED) only
 * after a 班长 approves one more attempt in the dialog this hook renders. Every refusal reaches the caller as
 * the counter's Chinese sentence (what happened, what to do next). Runtime: browser.
 */
import { App as AntApp } from 'antd';
import { type ReactNode, useCallback, useState } from 'react';
import type { Sale } from '../../../core/contract';
import { api } from '../../api/client';
import type { ApprovalValues } from '../../shell/approval-fields';
import { showApprovalError } from '../../shell/approval-fields';
import { isApiError, useErrorText } from '../../shell/errors';
import { useAutoPrint } from '../printing/print-prefs';
import { CardApprovalModal } from './card-approval-modal';
import { useLastTry } from './use-last-try';

interface Asking {
  saleId: string;
  reason: string;
  resolve(sale: Sale | undefined): void;
  reject(e: unknown): void;
}

/**
 * Returns `write(saleId)` (undefined when the clerk or the 班长 declined) and the dialog to render. With
 * `printReceipt` (a screen that shows no paper of its own), a write that puts the gas on the card prints the
 * sale's receipt, as the 收款 screen does once its write is confirmed (unless the counter turned that off).
 */
export function useSaleCardWrite(opts: { printReceipt?: boolean } = {}): {
  write(saleId: string): Promise<Sale | undefined>;
  dialog: ReactNode;
} {
  const withLastTry = useLastTry();
  const errorText = useErrorText();
  const { message } = AntApp.useApp();
  const [autoPrint] = useAutoPrint();
  const printReceipt = !!opts.printReceipt && autoPrint;
  const [asking, setAsking] = useState<Asking>();

  const attempt = useCallback(
    async (saleId: string, approval?: ApprovalValues) => {
      const sale = await withLastTry((confirmLastTry) =>
        api['cards.writeSale']({ saleId, confirmLastTry, ...(approval ? { approval } : {}) }),
      );
      // The gas is on the card now: its receipt prints (a print problem is said, the write stands).
      if (sale?.status === 'completed' && printReceipt)
        void api['receipts.print']({ saleId }).catch((e: unknown) => message.error(errorText(e)));
      return sale;
    },
    [withLastTry, printReceipt, message, errorText],
  );

  const write = useCallback(
    async (saleId: string) => {
      try {
        return await attempt(saleId);
      } catch (e) {
        if (!isApiError(e, 'CARD_PSC_FLAGGED')) throw e;
        return new Promise<Sale | undefined>((resolve, reject) =>
          setAsking({ saleId, reason: errorText(e), resolve, reject }),
        );
      }
    },
    [attempt, errorText],
  );

  const dialog = asking ? (
    <CardApprovalModal
      reason={asking.reason}
      onCancel={() => {
        setAsking(undefined);
        asking.resolve(undefined);
      }}
      onSubmit={async (approval, form) => {
        try {
          const sale = await attempt(asking.saleId, approval);
          setAsking(undefined);
          asking.resolve(sale);
        } catch (e) {
          // A wrong or self approval: said under the fields, the dialog stays; anything else ends it.
          if (isApiError(e, 'APPROVAL_INVALID') || isApiError(e, 'APPROVAL_SELF')) {
            showApprovalError(form, errorText(e));
            return;
          }
          setAsking(undefined);
          asking.reject(e);
        }
      }}
    />
  ) : null;
  return { write, dialog };
}
