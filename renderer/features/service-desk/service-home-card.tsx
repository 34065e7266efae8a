/**
 * The clerk's start page: today's appointments (预约上门), complaints past their time limit and 回访 due, each a
 * click (or F7) away from the service desk. Runtime: browser.
 */
import { Button, Card, List, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Appointment, OpOutput } from '../../../core/contract';
import { FIELD_TEAM_ZH, SLOT_INFO, VISIT_KIND_ZH } from '../../../core/domain/appointments';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { formatDateTime } from '../../shell/format';
import { useNav } from '../../shell/nav';

export function ServiceHomeCard() {
  const t = useT();
  const s = t.service;
  const nav = useNav();
  const [todo, setTodo] = useState<OpOutput<'serviceDesk.todo'>>();
  const [today, setToday] = useState<Appointment[]>([]);
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
  const overdue = todo?.overdueComplaints ?? [];
  const due = todo?.followupsDue ?? [];
  return (
    <Card
      size="small"
      title={s.homeTitle}
      data-testid="home-service"
      extra={
        <Button size="small" onClick={() => nav.go({ name: 'serviceDesk', tab: 'complaints' })}>
          {s.homeGo}
        </Button>
      }
    >
      <Typography.Paragraph data-testid="home-appointments">
        {fmt(t.appointments.homeToday, { n: today.length })}
      </Typography.Paragraph>
      {today.length > 0 && (
        <List
          size="small"
          dataSource={today.slice(0, 8)}
          renderItem={(x) => (
            <List.Item>
              <Typography.Link onClick={() => nav.go({ name: 'serviceDesk', tab: 'appointments' })}>
                {FIELD_TEAM_ZH[x.team]} {SLOT_INFO[x.slot].zh} · {VISIT_KIND_ZH[x.kind]} · {x.party.name}{' '}
                {x.party.phone} · {x.party.address}
              </Typography.Link>
            </List.Item>
          )}
        />
      )}
      {todo && (
        <>
          <Typography.Paragraph type={overdue.length ? 'danger' : undefined}>
            {fmt(s.homeOverdue, { n: overdue.length })}；{fmt(s.homeOpen, { n: todo.openComplaints })}
          </Typography.Paragraph>
          {overdue.length > 0 && (
            <List
              size="small"
              dataSource={overdue.slice(0, 5)}
              renderItem={(c) => (
                <List.Item>
                  <Typography.Link onClick={() => nav.go({ name: 'serviceDesk', tab: 'complaints' })}>
                    {c.no} {c.party.name} · {s.categories[c.category]} · {formatDateTime(c.dueAt)}
                  </Typography.Link>
                </List.Item>
              )}
            />
          )}
          <Typography.Paragraph>{fmt(s.homeFollowups, { n: due.length })}</Typography.Paragraph>
          {due.length > 0 && (
            <List
              size="small"
              dataSource={due.slice(0, 5)}
              renderItem={(c) => (
                <List.Item>
                  <Typography.Link onClick={() => nav.go({ name: 'serviceDesk', tab: 'followups' })}>
                    {c.no} {c.party.name} · {formatDateTime(c.followupDueAt)}
                  </Typography.Link>
                </List.Item>
              )}
            />
          )}
        </>
      )}
    </Card>
  );
}
