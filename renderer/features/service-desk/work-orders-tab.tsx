/**
 * 工单: the work orders not yet done (待派 and 已派; all with the switch), and one work order's record — its
 * source, customer and meter, its steps, the meter faults its result registered, and the buttons its state
 * allows (派单 / 改派, 登记完成结果, 撤销). A completed or cancelled one shows no button. Opening is from the
 * record it comes from (a complaint, an acceptance, an appointment). Runtime: browser.
 */
import { Button, Card, Descriptions, Modal, Space, Switch, Table, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { WorkOrder } from '../../../core/contract';
import { mergeSteps } from '../../../core/domain/head-office-steps';
import type { WorkOrderAction } from '../../../core/domain/work-orders';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useReportError } from '../../shell/errors';
import { formatDateTime } from '../../shell/format';
import { MeterFaultsCard } from './meter-faults-card';
import { WorkOrderStepModal } from './work-order-step-modal';

const BUTTON: Record<WorkOrderAction, 'assign' | 'complete' | 'cancel'> = {
  assign: 'assign',
  complete: 'complete',
  cancel: 'cancel',
};
/** The step most likely wanted next comes first (and has the focus). */
const ORDER: WorkOrderAction[] = ['complete', 'assign', 'cancel'];

export function WorkOrderTag({ w }: { w: WorkOrder }) {
  const t = useT().workOrders;
  const color = { pending: 'orange', assigned: 'blue', completed: 'green', cancelled: 'default' }[w.status];
  return <Tag color={color}>{t.statuses[w.status]}</Tag>;
}

export function WorkOrderModal({
  order,
  onChanged,
  onClose,
}: {
  order: WorkOrder;
  onChanged(w: WorkOrder): void;
  onClose(): void;
}) {
  const t = useT();
  const w = t.workOrders;
  const [step, setStep] = useState<WorkOrderAction>();
  const o = order;
  const final = o.allowed.length === 0;
  return (
    <Modal
      open
      title={fmt(w.detailTitle, { no: o.no })}
      width={760}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      <Descriptions size="small" column={2} data-testid="work-order-detail">
        <Descriptions.Item label={w.who}>
          {o.party.name} {o.party.phone} {o.party.accountNo ?? ''}
        </Descriptions.Item>
        <Descriptions.Item label={w.status}>
          <WorkOrderTag w={o} />
        </Descriptions.Item>
        <Descriptions.Item label={w.kind}>{w.kinds[o.kind]}</Descriptions.Item>
        <Descriptions.Item label={w.source}>
          {w.sources[o.source.type]} {o.source.no}
        </Descriptions.Item>
        <Descriptions.Item label={w.team}>
          {o.team ? `${w.teams[o.team]} ${o.assignee ?? ''}` : t.common.none}
        </Descriptions.Item>
        <Descriptions.Item label={w.meterNo}>{o.meterNo ?? t.common.none}</Descriptions.Item>
        <Descriptions.Item label={w.description} span={2}>
          {o.description}
        </Descriptions.Item>
        {o.result && (
          <Descriptions.Item label={w.result} span={2}>
            {o.result}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Title level={5}>{w.steps}</Typography.Title>
      <Timeline
        items={mergeSteps(o.steps, o.headOffice).map((step) => {
          if ('ho' in step) {
            const h = step.ho;
            const team = h.team
              ? `（${w.teams[h.team as keyof typeof w.teams] ?? h.team} ${h.assignee ?? ''}）`
              : '';
            return {
              key: `ho-${h.hoNo}`,
              color: h.action === 'close' ? 'red' : 'blue',
              children: `${formatDateTime(h.at)} ${h.action === 'close' ? w.headOfficeClose : w.headOfficeReassign}${team}：${h.reason} — ${h.by}`,
            };
          }
          const x = step.counter;
          return {
            key: x.id,
            color: x.superseded ? 'gray' : undefined,
            children: `${formatDateTime(x.at)} ${w[BUTTON[x.action]]}${
              x.team ? `（${w.teams[x.team]} ${x.assignee ?? ''}）` : ''
            }${x.text ? `：${x.text}` : ''}${x.materials.map((m) => ` ${m.name}×${m.qty}`).join('')}${
              x.sale ? ` 收据 ${x.sale.receiptNo}` : ''
            }${x.newMeterNo ? ` 新表 ${x.newMeterNo}` : ''} — ${x.operator.displayName}${x.superseded ? w.superseded : ''}`,
          };
        })}
      />
      {o.faults.length > 0 && (
        <Typography.Paragraph>
          {w.faultsTitle}：
          {o.faults.map((f) => `${f.meterNo} ${w.faults[f.fault]}，${w.faultActions[f.action]}`).join('；')}
        </Typography.Paragraph>
      )}
      {final ? (
        <Typography.Paragraph type="secondary">{w.finalNote}</Typography.Paragraph>
      ) : (
        <Space wrap>
          {ORDER.filter((a) => o.allowed.includes(a)).map((a, i) => (
            <Button
              key={a}
              type={i === 0 ? 'primary' : 'default'}
              danger={a === 'cancel'}
              autoFocus={i === 0}
              onClick={() => setStep(a)}
              data-testid={`wo-step-${a}`}
            >
              {w[BUTTON[a]]}
            </Button>
          ))}
        </Space>
      )}
      {step && (
        <WorkOrderStepModal
          order={o}
          action={step}
          onCancel={() => setStep(undefined)}
          onDone={(next) => {
            setStep(undefined);
            onChanged(next);
          }}
        />
      )}
    </Modal>
  );
}

export function WorkOrdersTab() {
  const w = useT().workOrders;
  const report = useReportError();
  const [all, setAll] = useState(false);
  const [items, setItems] = useState<WorkOrder[]>([]);
  const [open, setOpen] = useState<WorkOrder>();

  const load = useCallback(async () => {
    try {
      setItems((await api['workOrders.list']({ open: !all, limit: 200 })).items);
    } catch (e) {
      report(e);
    }
  }, [all, report]);
  useEffect(() => void load(), [load]);

  return (
    <Space direction="vertical" size="middle" className="work-orders-tab">
      <Card
        size="small"
        title={w.listTitle}
        extra={
          <Space>
            {w.all}
            <Switch checked={all} onChange={setAll} size="small" aria-label={w.all} />
          </Space>
        }
      >
        <Table<WorkOrder>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={items}
          locale={{ emptyText: w.none }}
          data-testid="work-orders-table"
          onRow={(x) => ({ onClick: () => setOpen(x) })}
          columns={[
            { title: w.no, dataIndex: 'no', width: 180 },
            { title: w.kind, render: (_, x) => w.kinds[x.kind], width: 70 },
            { title: w.source, render: (_, x) => `${w.sources[x.source.type]} ${x.source.no}` },
            { title: w.who, render: (_, x) => `${x.party.name} ${x.party.phone}` },
            { title: w.status, render: (_, x) => <WorkOrderTag w={x} />, width: 90 },
            {
              title: w.team,
              render: (_, x) => (x.team ? `${w.teams[x.team]} ${x.assignee ?? ''}` : ''),
              width: 150,
            },
            {
              title: '',
              width: 80,
              render: (_, x) => (
                <Button
                  size="small"
                  autoFocus={x === items[0]}
                  onClick={() => setOpen(x)}
                  data-testid={`wo-open-${x.no}`}
                >
                  {w.handle}
                </Button>
              ),
            },
          ]}
        />
        {open && (
          <WorkOrderModal
            order={open}
            onClose={() => setOpen(undefined)}
            onChanged={(x) => {
              setOpen(x);
              void load();
            }}
          />
        )}
      </Card>
      <MeterFaultsCard />
    </Space>
  );
}
