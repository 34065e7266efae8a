/**
 * The 隐患整改通知书 of an inspection with hazards: its preview (what the printer makes of the very bytes), its
 * print on the receipt printer (recorded, a second print marked 重打 and audited, like the acceptance notice's)
 * and its A4 page. An inspection without hazards has no notice. Runtime: Node.
 */
import type { Inspection, PrinterSettings } from '../../core/contract';
import { AppError } from '../../core/errors';
import { HAZARD_NOTICE_TITLE, hazardNoticeDoc, hazardNoticeHtml } from '../../core/receipts/hazard-notice';
import { renderEscPos } from '../../drivers/printer/render';
import type { App } from '../app';
import { type Handlers, operatorOf } from '../call';
import { printDoc, printed, settings, settingsOrTraining } from '../printing/print-ops';
import { header, localTime } from '../printing/receipt-docs';
import { loadInspection } from './inspections';

const cols = (s: PrinterSettings) => (s.width === 58 ? 32 : 48);

function withHazards(app: App, id: string): Inspection {
  const i = loadInspection(app, id);
  if (i.result !== 'hazard') throw new AppError('INSPECTION_NO_HAZARD');
  return i;
}

export const inspectionsPreview: Handlers['inspections.preview'] = (input, { app }) => {
  const s = settingsOrTraining(app);
  const i = withHazards(app, input.id);
  const columns = cols(s);
  return {
    receipt: printed(
      renderEscPos(hazardNoticeDoc(i, header(app, s), localTime(app, app.clock.nowMs()), columns)),
    ),
    columns,
  };
};

export const inspectionsPrint: Handlers['inspections.print'] = (input, call) => {
  const { app } = call;
  const s = settings(app);
  const i = withHazards(app, input.id);
  return printDoc(
    app,
    operatorOf(call).staffId,
    'hazard',
    i.id,
    (r) => hazardNoticeDoc(i, header(app, s), localTime(app, app.clock.nowMs()), cols(s), r),
    HAZARD_NOTICE_TITLE,
  );
};

export function hazardHtml(app: App, id: string, s: PrinterSettings) {
  const i = withHazards(app, id);
  return {
    html: hazardNoticeHtml(i, header(app, s), localTime(app, app.clock.nowMs())),
    title: `${HAZARD_NOTICE_TITLE} ${i.no}`,
  };
}
