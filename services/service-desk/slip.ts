/**
 * The appointment slip (预约上门通知单): its preview (what the printer makes of the very bytes), its print on the
 * receipt printer (recorded, a second print marked 重打 and audited, like a receipt); and a team's day list,
 * printed on the receipt printer or as an A4 page. Runtime: Node.
 */
import type { PrinterSettings } from '../../core/contract';
import { FIELD_TEAMS, type FieldTeam } from '../../core/domain/appointments';
import {
  appointmentSlipDoc,
  DAY_LIST_TITLE,
  SLIP_TITLE,
  teamDayListDoc,
  teamDayListHtml,
} from '../../core/receipts/appointment-slip';
import { AppError } from '../../core/errors';
import { appointmentsOn } from '../../db';
import { renderEscPos } from '../../drivers/printer/render';
import type { App } from '../app';
import { type Handlers, operatorOf } from '../call';
import { printDoc, printed, settings, settingsOrTraining } from '../printing/print-ops';
import { header, localTime } from '../printing/receipt-docs';
import { loadAppointment, toAppointments } from './appointments';

const times = (app: App, createdAt: string) => ({
  booked: localTime(app, Date.parse(createdAt)),
  printed: localTime(app, app.clock.nowMs()),
});
const cols = (s: PrinterSettings) => (s.width === 58 ? 32 : 48);

export const appointmentsPreview: Handlers['appointments.preview'] = (input, { app }) => {
  const s = settingsOrTraining(app);
  const a = loadAppointment(app, input.id);
  const columns = cols(s);
  return {
    receipt: printed(renderEscPos(appointmentSlipDoc(a, header(app, s), times(app, a.createdAt), columns))),
    columns,
  };
};

export const appointmentsPrint: Handlers['appointments.print'] = (input, call) => {
  const { app } = call;
  const s = settings(app);
  const a = loadAppointment(app, input.id);
  return printDoc(
    app,
    operatorOf(call).staffId,
    'appointment',
    a.id,
    (r) => appointmentSlipDoc(a, header(app, s), times(app, a.createdAt), cols(s), r),
    SLIP_TITLE,
  );
};

const dayItems = (app: App, date: string, team: FieldTeam) =>
  toAppointments(app, appointmentsOn(app.db, { date, team, withCancelled: false }));

export const appointmentsPrintDay: Handlers['appointments.printDay'] = (input, call) => {
  const { app } = call;
  const s = settings(app);
  const items = dayItems(app, input.date, input.team);
  return printDoc(
    app,
    operatorOf(call).staffId,
    'teamDay',
    `${input.date}:${input.team}`,
    () =>
      teamDayListDoc(
        input.date,
        input.team,
        items,
        header(app, s),
        localTime(app, app.clock.nowMs()),
        cols(s),
      ),
    DAY_LIST_TITLE,
  );
};

/** The A4 pages: `id` is the appointment's (its slip is the receipt's layout) or `YYYY-MM-DD:team` (a day list). */
export function teamDayHtml(app: App, id: string, s: PrinterSettings) {
  const [date, team] = id.split(':') as [string, FieldTeam];
  if (!FIELD_TEAMS.includes(team)) throw new AppError('NOT_FOUND', { detail: 'team' });
  return {
    html: teamDayListHtml(
      date,
      team,
      dayItems(app, date, team),
      header(app, s),
      localTime(app, app.clock.nowMs()),
    ),
    title: `${DAY_LIST_TITLE} ${date}`,
  };
}
