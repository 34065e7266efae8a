import { describe, expect, it } from 'vitest';
import {
  allowedComplaintActions,
  COMPLAINT_ACTIONS,
  COMPLAINT_STATUSES,
  complaintDueMs,
  complaintMoveProblem,
  complaintOverdue,
  DEFAULT_BUSINESS_TYPES,
  nextComplaintStatus,
} from './service-desk';

describe('the complaint state machine', () => {
  it('allows exactly these moves', () => {
    const table = Object.fromEntries(
      COMPLAINT_STATUSES.map((s) => [
        s,
        Object.fromEntries(
          COMPLAINT_ACTIONS.flatMap((a) => {
            const to = nextComplaintStatus(s, a);
            return to ? [[a, to]] : [];
          }),
        ),
      ]),
    );
    expect(table).toEqual({
      recorded: { judge_justified: 'justified', judge_unjustified: 'unjustified', note: 'recorded' },
      justified: { hand_over: 'handed_over', note: 'justified' },
      unjustified: { note: 'unjustified', close: 'closed' },
      handed_over: { hand_over: 'handed_over', note: 'handed_over', resolve: 'resolved' },
      resolved: { note: 'resolved', close: 'closed' },
      closed: {},
    });
  });

  it('says in Chinese why a move is refused, and what may be done instead', () => {
    expect(complaintMoveProblem('closed', 'note')).toBe(
      '该投诉已结案，不能再修改；如客户仍不满意，请登记一件新的投诉。',
    );
    expect(complaintMoveProblem('recorded', 'close')).toBe(
      '投诉当前为「已登记」，不能告知结果并结案；现在可以：判定成立、判定不成立、跟踪记录。',
    );
    expect(complaintMoveProblem('handed_over', 'resolve')).toBeNull();
    expect(allowedComplaintActions('closed')).toEqual([]);
  });

  it('is overdue past its category’s limit until closed', () => {
    const t0 = Date.parse('2026-11-26T09:00:00+08:00');
    const due = complaintDueMs(t0, 'safety');
    expect(due - t0).toBe(4 * 3_600_000);
    expect(complaintOverdue('handed_over', due, due)).toBe(false);
    expect(complaintOverdue('handed_over', due, due + 1)).toBe(true);
    expect(complaintOverdue('closed', due, due + 1)).toBe(false);
  });

  it('has the handbook’s seven business types and the hall’s others, each code once', () => {
    expect(DEFAULT_BUSINESS_TYPES.slice(0, 7).map((t) => t.name)).toEqual([
      '缩短管线',
      '初装费',
      '改管线',
      '换表',
      '安装热水器',
      '购气',
      '开户',
    ]);
    const codes = DEFAULT_BUSINESS_TYPES.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
