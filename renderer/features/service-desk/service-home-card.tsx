/**
 * The clerk's start page as a to-do board: today's appointments (预约上门), complaints past their time limit,
 * 回访 due, work orders awaiting the team's result, hazards past their rectification deadline and 零散报装
 * past a step's time limit — each section one keystroke (Alt+1 … Alt+6) or a click from its tab of the
 * service desk; and head office's 核表请求 (suspect meters of its usage analysis), each opening its 工单 (for
 * the 通气维修班, the description prefilled with the flags and evidence) from a button. Runtime: browser.
 */
import { Button, Card, List, Typography } from 'antd';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import type { Appointment, OpOutput } from '../../../core/contract';
import { FIELD_TEAM_ZH, SLOT_INFO, VISIT_KIND_ZH } from '../../../core/domain/appointments';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { formatDateTime } from '../../shell/format';
import { useNav } from '../../shell/nav';
import { WorkOrderOpenModal, type WorkSourceRef } from './work-order-open-modal';

type Tab = 'appointments' | 'complaints' | 'followups' | 'workOrders' | 'inspections' | 'installations';
/** Alt+1 … Alt+6 on the start page, in the board's order. */
const KEYS: Tab[] = ['appointments', 'complaints', 'followups', 'workOrders', 'inspections', 'installations'];

function Section<T>({
  n,
  head,
  danger,
  items,
  line,
  onGo,
  testId,
}: {
  n: number;
  head: ReactNode;
  danger?: boolean;
  items: readonly T[];
  line(x: T): ReactNode;
  onGo(): void;
  testId: string;
}) {
  return (
    <>
      <Typography.Paragraph type={danger ? 'danger' : undefined} data-testid={testId}>
        <Typography.Link onClick={onGo}>
          {head}（Alt+{n}）
        </Typography.Link>
      </Typography.Paragraph>
      {items.length > 0 && (
        <List
          size="small"
          dataSource={items.slice(0, 5)}
          renderItem={(x) => (
            <List.Item>
              <Typography.Link onClick={onGo}>{line(x)}</Typography.Link>
            </List.Item>
          )}
        />
      )}
    </>
  );
}

export function ServiceHomeCard() {
  const t = useT();
  const s = t.service;
  const w = t.workOrders;
  const nav = useNav();
  const [todo, setTodo] = useState<OpOutput<'serviceDesk.todo'>>();
  const [field, setField] = useState<OpOutput<'fieldWork.todo'>>();
  const [today, setToday] = useState<Appointment[]>([]);
  const [opening, setOpening] = useState<WorkSourceRef>();
  // Asked on mount, and again once a work order is opened from a 核表请求 here.
  const loadField = useCallback(() => {
    void api['fieldWork.todo']({})
      .then(setField)
      .catch(() => undefined);
  }, []);
  useEffect(loadField, [loadField]);
  useEffect(() => {
    let gone = false;
    void api['serviceDesk.todo']({})
      .then((r) => !gone && setTodo(r))
      .catch(() => undefined);
    // Today's (the counter's day) appointments still standing, by team and slot.
    void api['appointments.list']({})
      .then((r) => !gone && setToday(r.items))
      .catch(() => undefined);
    return () => {
      gone = true;
    };
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || document.querySelector('.ant-modal-wrap')) return;
      const tab = KEYS[Number(e.key) - 1];
      if (!tab) return;
      e.preventDefault();
      nav.go({ name: 'serviceDesk', tab });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [nav]);
  const go = (tab: Tab) => () => nav.go({ name: 'serviceDesk', tab });
  const overdue = todo?.overdueComplaints ?? [];
  const due = todo?.followupsDue ?? [];
  const waiting = field?.workOrdersWaiting ?? [];
  const hazards = field?.hazardsPastDeadline ?? [];
  const late = field?.installationsOverdue ?? [];
  const referrals = field?.referrals ?? [];
  return (
    <Card
      size="small"
      title={s.homeTitle}
      data-testid="home-service"
      extra={
        <Button size="small" onClick={go('complaints')}>
          {s.homeGo}
        </Button>
      }
    >
      <Section
        n={1}
        testId="home-appointments"
        head={fmt(t.appointments.homeToday, { n: today.length })}
        items={today}
        onGo={go('appointments')}
        line={(x) =>
          `${FIELD_TEAM_ZH[x.team]} ${SLOT_INFO[x.slot].zh} · ${VISIT_KIND_ZH[x.kind]} · ${x.party.name} ${x.party.phone} · ${x.party.address}`
        }
      />
      {todo && (
        <>
          <Section
            n={2}
            testId="home-complaints"
            danger={overdue.length > 0}
            head={`${fmt(s.homeOverdue, { n: overdue.length })}；${fmt(s.homeOpen, { n: todo.openComplaints })}`}
            items={overdue}
            onGo={go('complaints')}
            line={(c) => `${c.no} ${c.party.name} · ${s.categories[c.category]} · ${formatDateTime(c.dueAt)}`}
          />
          <Section
            n={3}
            testId="home-followups"
            head={fmt(s.homeFollowups, { n: due.length })}
            items={due}
            onGo={go('followups')}
            line={(c) => `${c.no} ${c.party.name} · ${formatDateTime(c.followupDueAt)}`}
          />
        </>
      )}
      {field && (
        <>
          <Section
            n={4}
            testId="home-work-orders"
            head={`${fmt(w.homeWaiting, { n: waiting.length })}；${fmt(w.homePending, { n: field.workOrdersPending })}`}
            items={waiting}
            onGo={go('workOrders')}
            line={(x) =>
              `${x.no} ${w.kinds[x.kind]} · ${x.party.name} · ${x.team ? w.teams[x.team] : ''} ${x.assignee ?? ''}`
            }
          />
          <Section
            n={5}
            testId="home-hazards"
            danger={hazards.length > 0}
            head={fmt(t.inspections.homeHazards, { n: hazards.length })}
            items={hazards}
            onGo={go('inspections')}
            line={(i) => `${i.no} ${i.name} ${i.accountNo} · ${i.deadline ?? ''}`}
          />
          <Section
            n={6}
            testId="home-installations"
            danger={late.length > 0}
            head={`${fmt(t.installations.homeOverdue, { n: late.length })}；${fmt(t.installations.homeOpen, { n: field.installationsOpen })}`}
            items={late}
            onGo={go('installations')}
            line={(x) =>
              `${x.no} ${x.party.name} · ${x.next ? t.installations.actions[x.next] : ''} · ${x.dueBy ?? ''}`
            }
          />
          {referrals.length > 0 && (
            <>
              <Typography.Paragraph type="warning" data-testid="home-referrals">
                {fmt(w.homeReferrals, { n: referrals.length })}
              </Typography.Paragraph>
              <List
                size="small"
                dataSource={referrals.slice(0, 10)}
                renderItem={(r) => (
                  <List.Item>
                    <Button
                      type="link"
                      size="small"
                      title={r.description}
                      onClick={() =>
                        setOpening({
                          type: 'referral',
                          id: r.id,
                          no: r.no,
                          kind: 'repair',
                          description: r.description,
                        })
                      }
                    >
                      {fmt(w.referralLine, {
                        no: r.no,
                        name: r.name,
                        accountNo: r.accountNo,
                        month: r.month,
                      })}
                    </Button>
                  </List.Item>
                )}
              />
            </>
          )}
        </>
      )}
      {opening && (
        <WorkOrderOpenModal
          source={opening}
          onCancel={() => setOpening(undefined)}
          onDone={() => {
            setOpening(undefined);
            loadField();
          }}
        />
      )}
    </Card>
  );
}
