/**
 * The start page's own part, under the search box: what each of the operator's roles looks at first — the
 * cashier's shift and its takings, the 班长's day (open shifts, paid gas not yet on a card, head office's
 * findings), the clerk's files opened lately and the service desk's to-do (overdue complaints, 回访 due). Runtime: browser.
 */
import { Card, Col, List, Row, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { OpOutput } from '../../../core/contract';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { formatTime } from '../../shell/format';
import { yuan } from '../../shell/money';
import { useNav } from '../../shell/nav';
import { CLERK_ROLES, may, SELLER_ROLES, SUPERVISOR_ROLES } from '../../shell/roles';
import { useSession } from '../../shell/session';
import { recentCustomers } from '../customers/search-state';
import { ServiceHomeCard } from '../service-desk/service-home-card';

type Current = OpOutput<'shifts.current'>;
type ShiftReport = OpOutput<'shifts.report'>;
type DayReport = OpOutput<'days.report'>;
type SyncStatus = OpOutput<'sync.status'>;

/** What the start page reads: each call may fail alone (the page shows what it has). */
function useHomeData(seller: boolean, supervisor: boolean) {
  const [current, setCurrent] = useState<Current>();
  const [shift, setShift] = useState<ShiftReport>();
  const [day, setDay] = useState<DayReport>();
  const [sync, setSync] = useState<SyncStatus>();
  useEffect(() => {
    let gone = false;
    void (async () => {
      const cur = await api['shifts.current']({}).catch(() => undefined);
      if (gone || !cur) return;
      setCurrent(cur);
      if (seller && cur.shift) {
        const r = await api['shifts.report']({ shiftId: cur.shift.id }).catch(() => undefined);
        if (!gone) setShift(r);
      }
      if (supervisor) {
        const [d, s] = await Promise.all([
          api['days.report']({ businessDate: cur.businessDate }).catch(() => undefined),
          api['sync.status']({}).catch(() => undefined),
        ]);
        if (!gone) {
          setDay(d);
          setSync(s);
        }
      }
    })();
    return () => {
      gone = true;
    };
  }, [seller, supervisor]);
  return { current, shift, day, sync };
}

function ShiftCard({ current, report }: { current?: Current; report?: ShiftReport }) {
  const t = useT();
  const h = t.home;
  const sales = report?.byKind.reduce((n, k) => n + k.count, 0) ?? 0;
  const taken = report?.byKind.reduce((n, k) => n + k.amount, 0) ?? 0;
  return (
    <Card size="small" title={h.shiftTitle} data-testid="home-shift">
      {!current?.shift ? (
        <Typography.Paragraph>{h.noShift}</Typography.Paragraph>
      ) : (
        <>
          <Typography.Paragraph>
            {fmt(h.shiftOpen, { date: current.shift.businessDate, at: formatTime(current.shift.openedAt) })}
          </Typography.Paragraph>
          {report && (
            <Typography.Paragraph>
              {fmt(h.shiftFigures, { n: sales, amount: yuan(taken), cash: yuan(report.cash.expected) })}
            </Typography.Paragraph>
          )}
        </>
      )}
    </Card>
  );
}

function DayCard({ day, sync }: { day?: DayReport; sync?: SyncStatus }) {
  const t = useT();
  const h = t.home;
  const open = day?.shifts.filter((s) => s.status === 'open') ?? [];
  const findings =
    (sync?.quarantined.length ?? 0) + (sync?.digestMismatches.length ?? 0) + (sync?.conflicts.length ?? 0);
  return (
    <Card size="small" title={h.dayTitle} data-testid="home-day">
      {day && (
        <Typography.Paragraph>
          {day.closed
            ? fmt(h.dayClosed, { date: day.businessDate })
            : open.length
              ? fmt(h.openShifts, { n: open.length, names: open.map((s) => s.operator).join('、') })
              : fmt(h.noOpenShifts, { date: day.businessDate })}
        </Typography.Paragraph>
      )}
      {sync && (
        <Typography.Paragraph type={findings || sync.lastError ? 'danger' : undefined}>
          {!sync.enrolled
            ? h.syncNotEnrolled
            : findings
              ? fmt(h.syncFindings, { n: findings })
              : sync.lastError
                ? fmt(h.syncFailed, { message: sync.lastError.message })
                : fmt(h.syncPending, { n: sync.pendingOps })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

function RecentCard() {
  const t = useT();
  const nav = useNav();
  const recent = recentCustomers();
  return (
    <Card size="small" title={t.home.recentTitle} data-testid="home-recent">
      {recent.length === 0 ? (
        <Typography.Paragraph type="secondary">{t.home.noRecent}</Typography.Paragraph>
      ) : (
        <List
          size="small"
          dataSource={[...recent]}
          renderItem={(c) => (
            <List.Item>
              <Typography.Link onClick={() => nav.go({ name: 'customer', id: c.id })}>
                {c.name}（{c.accountNo}）
              </Typography.Link>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

export function RoleHome() {
  const { session } = useSession();
  const roles = session.staff.roles;
  const seller = may(roles, SELLER_ROLES);
  const supervisor = may(roles, SUPERVISOR_ROLES);
  const clerk = may(roles, CLERK_ROLES);
  const { current, shift, day, sync } = useHomeData(seller, supervisor);
  return (
    <Row gutter={[16, 16]} className="role-home">
      {seller && (
        <Col span={8}>
          <ShiftCard current={current} report={shift} />
        </Col>
      )}
      {supervisor && (
        <Col span={8}>
          <DayCard day={day} sync={sync} />
        </Col>
      )}
      {clerk && (
        <Col span={8}>
          <RecentCard />
        </Col>
      )}
      {clerk && (
        <Col span={8}>
          <ServiceHomeCard />
        </Col>
      )}
    </Row>
  );
}
