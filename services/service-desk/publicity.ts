/**
 * 安全宣传: the safety notice and hotline kept in the counter's settings (publicity.save writes them with its
 * ledger operation and audit entry), read by every receipt (services/printing/receipt-docs.ts `header`), and the
 * 安全提示单 printed when a card read shows a meter alarm. Runtime: Node.
 */
import type { PrinterSettings } from '../../core/contract';
import { type MeterAlarm, NO_PUBLICITY, type Publicity } from '../../core/domain/publicity';
import { ALARM_SLIP_TITLE, alarmSlipDoc } from '../../core/receipts/alarm-slip';
import { findCustomer, getSetting, putSetting } from '../../db';
import { renderEscPos } from '../../drivers/printer/render';
import type { App } from '../app';
import { type Handlers, operatorOf } from '../call';
import { printDoc, printed, settings, settingsOrTraining } from '../printing/print-ops';
import { header, localTime } from '../printing/receipt-docs';

const KEY = 'publicity';
const cols = (s: PrinterSettings) => (s.width === 58 ? 32 : 48);

export function publicityOf(app: App): Publicity {
  const raw = getSetting(app.db, KEY);
  return raw ? { ...NO_PUBLICITY, ...(JSON.parse(raw) as Partial<Publicity>) } : NO_PUBLICITY;
}

export const publicityGet: Handlers['publicity.get'] = (_input, { app }) => publicityOf(app);

export const publicitySave: Handlers['publicity.save'] = (input, call) => {
  const { app } = call;
  const before = publicityOf(app);
  const after: Publicity = { hotline: input.hotline, notice: input.notice };
  const changes = (['hotline', 'notice'] as const)
    .filter((k) => before[k] !== after[k])
    .map((field) => ({ field, before: before[field], after: after[field] }));
  if (changes.length === 0) return before;
  app.transaction(() => {
    putSetting(app.db, KEY, JSON.stringify(after));
    app.ledger().append({
      type: 'settings.publicity',
      payload: after,
      operatorId: operatorOf(call).staffId,
      audit: { action: 'settings.publicity', summary: '修改收据上的安全提示和服务热线', changes },
    });
  });
  return publicityOf(app);
};

type SlipInput = { customerId?: string; meterNo: string; alarms: string[]; faults: string[] };

function slipData(app: App, input: SlipInput) {
  const c = input.customerId ? findCustomer(app.db, input.customerId) : undefined;
  return {
    name: c?.name ?? null,
    accountNo: c?.accountNo ?? null,
    meterNo: input.meterNo,
    alarms: input.alarms as MeterAlarm[],
    faults: input.faults,
  };
}

export const publicityAlarmSlipPreview: Handlers['publicity.alarmSlipPreview'] = (input, { app }) => {
  const s = settingsOrTraining(app);
  const columns = cols(s);
  const doc = alarmSlipDoc(
    slipData(app, input),
    header(app, s),
    publicityOf(app),
    localTime(app, app.clock.nowMs()),
    columns,
  );
  return { receipt: printed(renderEscPos(doc)), columns };
};

export const publicityAlarmSlip: Handlers['publicity.alarmSlip'] = (input, call) => {
  const { app } = call;
  const s = settings(app);
  const d = slipData(app, input);
  return printDoc(
    app,
    operatorOf(call).staffId,
    'alarm',
    app.newId(),
    () => alarmSlipDoc(d, header(app, s), publicityOf(app), localTime(app, app.clock.nowMs()), cols(s)),
    ALARM_SLIP_TITLE,
  );
};
