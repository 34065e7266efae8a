/**
 * Head office's steps on a hall's service-desk records (总部改派、总部结案/取消): a complaint, a work order or
 * an appointment (预约上门) reassigned to another team, or closed with a reason (an appointment's close is its
 * own 取消). Counters number their own steps 1, 2, …; a head-office
 * step has a number of its own (1, 2, … per record) and says after which counter step it was made
 * (`afterStepNo`: the counter steps head office held then), so neither numbering collides with the other, and
 * every side orders the steps alike: counter step k at (k, 0), head-office step j made after k at (k, 1, j).
 * The rules (docs/sync-protocol.md): a reassignment changes the team (and the person) only, never the state,
 * so a counter step made without knowing it stays a valid move; a close is final: from it on the record is
 * closed (a complaint 已结案, a work order 已撤销, an appointment 已取消) wherever its counter steps had got to, and a counter step
 * numbered after the close's `afterStepNo` is not taken (head office quarantines it, CLOSED_AT_HEAD_OFFICE;
 * the counter shows it as superseded). Runtime: any.
 */

export const HEAD_OFFICE_RECORD_KINDS = ['complaint', 'work_order', 'appointment'] as const;
export type HeadOfficeRecordKind = (typeof HEAD_OFFICE_RECORD_KINDS)[number];

export const HEAD_OFFICE_ACTIONS = ['reassign', 'close'] as const;
export type HeadOfficeAction = (typeof HEAD_OFFICE_ACTIONS)[number];
export const HEAD_OFFICE_ACTION_ZH: Record<HeadOfficeAction, string> = {
  reassign: '总部改派',
  close: '总部结案',
};

/** The state a head-office close leaves, per kind. */
export const CLOSED_STATUS: Record<HeadOfficeRecordKind, string> = {
  complaint: 'closed',
  work_order: 'cancelled',
  appointment: 'cancelled',
};

/** The states a record of each kind may be reassigned from (a team is in charge, or about to be). */
export const REASSIGNABLE: Record<HeadOfficeRecordKind, readonly string[]> = {
  complaint: ['justified', 'handed_over'],
  work_order: ['pending', 'assigned'],
  appointment: ['booked', 'rescheduled'],
};

/** The states from which nothing more happens to a record: head office closes none of them again. */
export const FINAL: Record<HeadOfficeRecordKind, readonly string[]> = {
  complaint: ['closed'],
  work_order: ['completed', 'cancelled'],
  appointment: ['cancelled'],
};

export interface HeadOfficeStep {
  readonly recordId: string;
  readonly recordKind: HeadOfficeRecordKind;
  /** 1, 2, … per record, head office's own numbering. */
  readonly hoNo: number;
  /** The counter steps head office held when it made this one. */
  readonly afterStepNo: number;
  readonly action: HeadOfficeAction;
  readonly team: string | null;
  readonly assignee: string | null;
  readonly reason: string;
  /** Who at head office (the console user, or the administrator's name). */
  readonly by: string;
  readonly at: string;
}

/** The close among a record's head-office steps, if any (there is at most one: a second is refused). */
export const headOfficeClose = (ho: readonly HeadOfficeStep[]): HeadOfficeStep | undefined =>
  ho.find((s) => s.action === 'close');

/** Whether a counter step numbered `stepNo` came after head office closed the record (it is not taken). */
export const supersededBy = (ho: readonly HeadOfficeStep[], stepNo: number): boolean => {
  const close = headOfficeClose(ho);
  return close !== undefined && stepNo > close.afterStepNo;
};

type HoOrder = { readonly afterStepNo: number; readonly hoNo: number };
export type Merged<C, H extends HoOrder = HeadOfficeStep> = { readonly counter: C } | { readonly ho: H };

/** The counter's and head office's steps in their one order (see the module's comment). */
export function mergeSteps<C extends { readonly stepNo: number }, H extends HoOrder>(
  counter: readonly C[],
  ho: readonly H[],
): Merged<C, H>[] {
  const key = (m: Merged<C, H>): [number, number, number] =>
    'counter' in m ? [m.counter.stepNo, 0, 0] : [m.ho.afterStepNo, 1, m.ho.hoNo];
  return [...counter.map((c) => ({ counter: c })), ...ho.map((h) => ({ ho: h }))].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  });
}

/**
 * A record's state and team with head office's steps taken in: its counter steps' state unless head office
 * closed it; the team (and person) of the last step, in the merged order, that named one — a counter step
 * superseded by the close aside.
 */
export function effectiveState<C extends { stepNo: number; statusAfter: string; team: string | null }>(
  kind: HeadOfficeRecordKind,
  initial: string,
  counter: readonly C[],
  ho: readonly HeadOfficeStep[],
  assigneeOf: (c: C) => string | null = () => null,
): { status: string; team: string | null; assignee: string | null } {
  const close = headOfficeClose(ho);
  const taken = counter.filter((c) => !supersededBy(ho, c.stepNo));
  let team: string | null = null;
  let assignee: string | null = null;
  for (const m of mergeSteps(taken, ho)) {
    const t = 'counter' in m ? m.counter.team : m.ho.team;
    if (t === null) continue;
    team = t;
    assignee = 'counter' in m ? assigneeOf(m.counter) : m.ho.assignee;
  }
  const status = close ? CLOSED_STATUS[kind] : (taken.at(-1)?.statusAfter ?? initial);
  return { status, team, assignee };
}
