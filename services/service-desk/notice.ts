/**
 * The 燃气业务受理通知单 of an acceptance: its preview (what the printer makes of the very bytes), its print on
 * the receipt printer (recorded, a second print marked 重打 and audited, like a receipt) and its A4 page.
 * Runtime: Node.
 */
import type { PrinterSettings } from '../../core/contract';
import {
  acceptanceNoticeDoc,
  acceptanceNoticeHtml,
  NOTICE_TITLE,
} from '../../core/receipts/acceptance-notice';
import { renderEscPos } from '../../drivers/printer/render';
import type { App } from '../app';
import { type Handlers, operatorOf } from '../call';
import { printDoc, printed, settings, settingsOrTraining } from '../printing/print-ops';
import { header, localTime } from '../printing/receipt-docs';
import { loadAcceptance } from './acceptances';

const times = (app: App, createdAt: string) => ({
  accepted: localTime(app, Date.parse(createdAt)),
  printed: localTime(app, app.clock.nowMs()),
});

export const acceptancesPreview: Handlers['acceptances.preview'] = (input, { app }) => {
  const s = settingsOrTraining(app);
  const a = loadAcceptance(app, input.id);
  const columns = s.width === 58 ? 32 : 48;
  return {
    receipt: printed(renderEscPos(acceptanceNoticeDoc(a, header(app, s), times(app, a.createdAt), columns))),
    columns,
  };
};

export const acceptancesPrint: Handlers['acceptances.print'] = (input, call) => {
  const { app } = call;
  const s = settings(app);
  const a = loadAcceptance(app, input.id);
  return printDoc(
    app,
    operatorOf(call).staffId,
    'acceptance',
    a.id,
    (r) => acceptanceNoticeDoc(a, header(app, s), times(app, a.createdAt), s.width === 58 ? 32 : 48, r),
    NOTICE_TITLE,
  );
};

export function acceptanceHtml(app: App, id: string, s: PrinterSettings) {
  const a = loadAcceptance(app, id);
  return {
    html: acceptanceNoticeHtml(a, header(app, s), times(app, a.createdAt)),
    title: `${NOTICE_TITLE} ${a.no}`,
  };
}
