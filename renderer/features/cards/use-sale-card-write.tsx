/**
 * 写卡 / 重新写卡 of a paid gas sale (cards.writeSale) as the clerk meets it: the card's last PSC try only
 * after the clerk confirms it (use-last-try), and a card that refused its PSC before (CARD_PSC_FLAGGED) only
 * after a 班长 approves one more attempt in the dialog this hook renders. Every refusal reaches the caller as
 * the counter's Chinese sentence (what happened, what to do next). Runtime: browser.
 */
import { App as AntApp } from 'antd';
import { type ReactNode, useCallback } from 'react';
import type { Sale } from '../../../core/contract';
import { api } from '../../api/client';
import { useErrorText } from '../../shell/errors';
import { useAutoPrint } from '../printing/print-prefs';
import { useFlaggedCardApproval } from './use-flagged-card';
import { useLastTry } from './use-last-try';

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
  const { withApproval, dialog } = useFlaggedCardApproval();

  const write = useCallback(
    async (saleId: string) => {
      const sale = await withApproval((approval) =>
        withLastTry((confirmLastTry) =>
          api['cards.writeSale']({ saleId, confirmLastTry, ...(approval ? { approval } : {}) }),
        ),
      );
      // The gas is on the card now: its receipt prints (a print problem is said, the write stands).
      if (sale?.status === 'completed' && printReceipt)
        void api['receipts.print']({ saleId }).catch((e: unknown) => message.error(errorText(e)));
      return sale;
    },
    [withApproval, withLastTry, printReceipt, message, errorText],
  );
  return { write, dialog };
}
