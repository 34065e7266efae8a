import { describe, expect, it } from 'vitest';
import {
  APPOINTMENT_ACTIONS,
  APPOINTMENT_STATUSES,
  allowedAppointmentActions,
  nextAppointmentStatus,
} from './appointments';

describe('the appointment state machine', () => {
  it('moves a standing appointment on by every action and a cancelled one by none', () => {
    const table = Object.fromEntries(
      APPOINTMENT_STATUSES.map((s) => [s, APPOINTMENT_ACTIONS.map((a) => nextAppointmentStatus(s, a))]),
    );
    expect(table).toEqual({
      booked: ['rescheduled', 'cancelled'],
      rescheduled: ['rescheduled', 'cancelled'],
      cancelled: [null, null],
    });
    expect(allowedAppointmentActions('booked')).toEqual(['reschedule', 'cancel']);
    expect(allowedAppointmentActions('cancelled')).toEqual([]);
  });
});
