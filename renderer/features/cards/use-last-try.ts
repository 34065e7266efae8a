/**
 * confirmLastTry: an operation refused with CARD_LAST_TRY (the card's PSC has one try left; a failure locks
 * the card) is repeated with `confirmLastTry: true` only after the operator confirms. Runtime: browser.
 */
import { App as AntApp } from 'antd';
import { useCallback } from 'react';
import { useT } from '../../i18n';
import { isApiError } from '../../shell/errors';

/** Returns `run(op)`: op(false), and op(true) after confirmation; undefined when the operator declines. */
export function useLastTry() {
  const t = useT();
  const { modal } = AntApp.useApp();
  return useCallback(
    async <T>(op: (confirmLastTry: boolean) => Promise<T>): Promise<T | undefined> => {
      try {
        return await op(false);
      } catch (e) {
        if (!isApiError(e, 'CARD_LAST_TRY')) throw e;
        const go = await new Promise<boolean>((resolve) => {
          modal.confirm({
            title: t.lastTry.title,
            content: t.lastTry.content,
            okText: t.lastTry.ok,
            cancelText: t.common.cancel,
            okButtonProps: { danger: true },
            autoFocusButton: 'cancel',
            onOk: () => resolve(true),
            onCancel: () => resolve(false),
          });
        });
        return go ? op(true) : undefined;
      }
    },
    [modal, t],
  );
}
