/**
 * 服务台 (F7): 业务受理, 投诉跟踪, 回访, 预约, 工单, 安检 and 零散报装 as tabs, switched with Alt+1 to Alt+7 (and,
 * for a 班长 or the administrator, 业务类型 with Alt+8); each tab's first field takes the focus. Runtime: browser.
 */
import { Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../i18n';
import { may, SUPERVISOR_ROLES } from '../../shell/roles';
import { useSession } from '../../shell/session';
import { BusinessTypesTab } from './business-types-tab';
import { AcceptanceTab } from './acceptance-tab';
import { AppointmentsTab } from './appointments-tab';
import { ComplaintsTab } from './complaints-tab';
import { FollowupsTab } from './followups-tab';
import { InspectionsTab } from './inspections-tab';
import { InstallationsTab } from './installations-tab';
import { WorkOrdersTab } from './work-orders-tab';

export type DeskTab =
  | 'accept'
  | 'complaints'
  | 'followups'
  | 'appointments'
  | 'workOrders'
  | 'inspections'
  | 'installations'
  | 'types';
const ORDER: DeskTab[] = [
  'accept',
  'complaints',
  'followups',
  'appointments',
  'workOrders',
  'inspections',
  'installations',
  'types',
];

export function ServiceDeskPage({ tab: initial = 'accept' }: { tab?: DeskTab }) {
  const t = useT();
  const s = t.service;
  const keeper = may(useSession().session.staff.roles, SUPERVISOR_ROLES);
  const [tab, setTab] = useState<DeskTab>(initial);
  const [focusTick, setFocusTick] = useState(0);
  useEffect(() => setTab(initial), [initial]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const i = ORDER.slice(0, keeper ? 8 : 7)
        .map((_, n) => String(n + 1))
        .indexOf(e.key);
      if (i < 0) return;
      e.preventDefault();
      setTab(ORDER[i]!);
      setFocusTick((n) => n + 1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keeper]);
  return (
    <div className="page service-desk">
      <Typography.Title level={4}>{s.title}</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as DeskTab)}
        destroyOnHidden
        items={[
          { key: 'accept', label: s.tabAccept, children: <AcceptanceTab focusTick={focusTick} /> },
          { key: 'complaints', label: s.tabComplaints, children: <ComplaintsTab focusTick={focusTick} /> },
          { key: 'followups', label: s.tabFollowups, children: <FollowupsTab /> },
          {
            key: 'appointments',
            label: s.tabAppointments,
            children: <AppointmentsTab focusTick={focusTick} />,
          },
          { key: 'workOrders', label: t.workOrders.tab, children: <WorkOrdersTab /> },
          {
            key: 'inspections',
            label: t.inspections.tab,
            children: <InspectionsTab focusTick={focusTick} />,
          },
          {
            key: 'installations',
            label: t.installations.tab,
            children: <InstallationsTab focusTick={focusTick} />,
          },
          ...(keeper ? [{ key: 'types', label: s.tabTypes, children: <BusinessTypesTab /> }] : []),
        ]}
      />
    </div>
  );
}
