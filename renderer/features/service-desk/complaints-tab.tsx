/**
 * 投诉跟踪: recording a complaint, the open ones (overdue first, in red), and one complaint's record — its
 * steps and the buttons for what its state allows (判定 → 转办 → 处理结果 → 告知结案; 跟踪记录 any time before
 * closing). A closed complaint shows no button: it cannot be changed. Runtime: browser.
 */
import { Button, Card, Descriptions, Modal, Space, Switch, Table, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Complaint } from '../../../core/contract';
import { mergeSteps } from '../../../core/domain/head-office-steps';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useReportError } from '../../shell/errors';
import { formatDateTime } from '../../shell/format';
import { ComplaintForm } from './complaint-form';
import { ComplaintStepModal, type StepKind } from './complaint-step-modal';
import { SourceWorkOrders } from './source-work-orders';

const KINDS: StepKind[] = ['judge', 'hand_over', 'resolve', 'close', 'note'];
const ALLOWS: Record<StepKind, (a: Complaint['allowed']) => boolean> = {
  judge: (a) => a.includes('judge_justified'),
  hand_over: (a) => a.includes('hand_over'),
  note: (a) => a.includes('note'),
  resolve: (a) => a.includes('resolve'),
  close: (a) => a.includes('close'),
};

export function StatusTag({ c }: { c: Complaint }) {
  const s = useT().service;
  return (
    <Space size={4}>
      <Tag color={c.status === 'closed' ? 'default' : 'blue'}>{s.statuses[c.status]}</Tag>
      {c.overdue && <Tag color="red">{s.overdue}</Tag>}
    </Space>
  );
}

function ComplaintModal({
  complaint,
  onChanged,
  onClose,
}: {
  complaint: Complaint;
  onChanged(c: Complaint): void;
  onClose(): void;
}) {
  const t = useT();
  const s = t.service;
  const [step, setStep] = useState<StepKind>();
  const c = complaint;
  const label = (k: StepKind) =>
    k === 'judge' ? s.judgeTitle : k === 'hand_over' ? s.handOverTitle : s.actions[k];
  return (
    <Modal
      open
      title={fmt(s.detailTitle, { no: c.no })}
      width={760}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      <Descriptions size="small" column={2} data-testid="complaint-detail">
        <Descriptions.Item label={s.who}>
          {c.party.name} {c.party.phone} {c.party.accountNo ?? ''}
        </Descriptions.Item>
        <Descriptions.Item label={s.status}>
          <StatusTag c={c} />
        </Descriptions.Item>
        <Descriptions.Item label={s.category}>{s.categories[c.category]}</Descriptions.Item>
        <Descriptions.Item label={s.due}>{formatDateTime(c.dueAt)}</Descriptions.Item>
        <Descriptions.Item label={s.team}>{c.team ? s.teams[c.team] : t.common.none}</Descriptions.Item>
        <Descriptions.Item label={s.channel}>{s.channels[c.channel]}</Descriptions.Item>
        <Descriptions.Item label={s.details} span={2}>
          {c.details}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{s.steps}</Typography.Title>
      <Timeline
        items={mergeSteps(c.steps, c.headOffice).map((m) => {
          if ('ho' in m) {
            const h = m.ho;
            const team = h.team ? `（${s.teams[h.team as keyof typeof s.teams] ?? h.team}）` : '';
            return {
              key: `ho-${h.hoNo}`,
              color: h.action === 'close' ? 'red' : 'blue',
              children: `${formatDateTime(h.at)} ${h.action === 'close' ? s.headOfficeClose : s.headOfficeReassign}${team}：${h.reason} — ${h.by}`,
            };
          }
          const x = m.counter;
          return {
            key: x.id,
            color: x.superseded ? 'gray' : undefined,
            children: `${formatDateTime(x.at)} ${s.actions[x.action]}${x.team ? `（${s.teams[x.team]}）` : ''}：${x.text} — ${x.operator.displayName}${x.superseded ? s.superseded : ''}`,
          };
        })}
      />
      {c.status === 'closed' ? (
        <Typography.Paragraph type="secondary">{s.closedNote}</Typography.Paragraph>
      ) : (
        <Space wrap>
          {KINDS.filter((k) => ALLOWS[k](c.allowed)).map((k, i) => (
            <Button
              key={k}
              type={i === 0 ? 'primary' : 'default'}
              autoFocus={i === 0}
              onClick={() => setStep(k)}
              data-testid={`step-${k}`}
            >
              {label(k)}
            </Button>
          ))}
        </Space>
      )}
      <SourceWorkOrders
        source={{ type: 'complaint', id: c.id, no: c.no, kind: 'repair', description: c.details }}
        canOpen={c.status !== 'closed'}
      />
      {step && (
        <ComplaintStepModal
          complaint={c}
          kind={step}
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

export function ComplaintsTab({ focusTick }: { focusTick: number }) {
  const s = useT().service;
  const report = useReportError();
  const [all, setAll] = useState(false);
  const [items, setItems] = useState<Complaint[]>([]);
  const [open, setOpen] = useState<Complaint>();

  const load = useCallback(async () => {
    try {
      setItems((await api['complaints.list']({ open: !all, limit: 200 })).items);
    } catch (e) {
      report(e);
    }
  }, [all, report]);
  useEffect(() => void load(), [load]);

  return (
    <Space direction="vertical" size="middle" className="complaints-tab">
      <ComplaintForm
        focusTick={focusTick}
        onRecorded={(c) => {
          void load();
          setOpen(c);
        }}
      />
      <Card
        size="small"
        title={s.openComplaints}
        extra={
          <Space>
            {s.allComplaints}
            <Switch checked={all} onChange={setAll} size="small" aria-label={s.allComplaints} />
          </Space>
        }
      >
        <Table<Complaint>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={items}
          locale={{ emptyText: s.noComplaints }}
          data-testid="complaints-table"
          onRow={(c) => ({ onClick: () => setOpen(c) })}
          columns={[
            { title: s.no, dataIndex: 'no', width: 180 },
            { title: s.category, render: (_, c) => s.categories[c.category] },
            { title: s.who, render: (_, c) => `${c.party.name} ${c.party.phone}` },
            { title: s.status, render: (_, c) => <StatusTag c={c} />, width: 170 },
            { title: s.team, render: (_, c) => (c.team ? s.teams[c.team] : ''), width: 110 },
            { title: s.due, render: (_, c) => formatDateTime(c.dueAt), width: 150 },
            {
              title: '',
              width: 80,
              render: (_, c) => (
                <Button size="small" onClick={() => setOpen(c)} data-testid={`open-${c.no}`}>
                  {s.handle}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {open && (
        <ComplaintModal
          complaint={open}
          onClose={() => setOpen(undefined)}
          onChanged={(c) => {
            setOpen(c);
            void load();
          }}
        />
      )}
    </Space>
  );
}
