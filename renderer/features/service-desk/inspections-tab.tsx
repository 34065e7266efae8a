/**
 * 安检: the inspection form; the hazards not yet rectified (past their deadline in red), each with 登记整改
 * and its 隐患整改通知书 (receipt printer, or A4 through the office printer); and the households not
 * inspected within the period. Runtime: browser.
 */
import { App as AntApp, Button, Card, Form, Input, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Inspection, OpOutput } from '../../../core/contract';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useFormErrors, useReportError } from '../../shell/errors';
import { FormModal } from '../../shell/form-modal';
import { OfficePrintButtons } from '../printing/office-print';
import { InspectionForm } from './inspection-form';

interface Rectify {
  rectifiedOn: string;
  checker: string;
  note?: string;
}

function RectifyModal({ i, onDone, onCancel }: { i: Inspection; onDone(): void; onCancel(): void }) {
  const n = useT().inspections;
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Rectify>();
  const onError = useFormErrors(form);
  const submit = useCallback(
    async (v: Rectify) => {
      try {
        await api['inspections.rectify']({
          id: i.id,
          rectifiedOn: v.rectifiedOn ?? '',
          checker: v.checker ?? '',
          note: v.note ?? '',
        });
        message.success(n.rectified);
        onDone();
      } catch (e) {
        onError(e);
      }
    },
    [i.id, message, n, onDone, onError],
  );
  return (
    <FormModal
      title={fmt(n.rectifyTitle, { no: i.no })}
      form={form}
      initialValues={{ rectifiedOn: new Date().toISOString().slice(0, 10), checker: i.inspector }}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Form.Item name="rectifiedOn" htmlFor="rect-date" label={n.rectifiedOn}>
        <Input id="rect-date" autoComplete="off" />
      </Form.Item>
      <Form.Item name="checker" htmlFor="rect-checker" label={n.checker}>
        <Input id="rect-checker" autoComplete="off" maxLength={20} />
      </Form.Item>
      <Form.Item name="note" htmlFor="rect-note" label={n.rectifyNote}>
        <Input id="rect-note" autoComplete="off" maxLength={300} data-testid="rect-note" />
      </Form.Item>
    </FormModal>
  );
}

export function InspectionsTab({ focusTick }: { focusTick: number }) {
  const t = useT();
  const n = t.inspections;
  const { message } = AntApp.useApp();
  const report = useReportError();
  const [open, setOpen] = useState<Inspection[]>([]);
  const [due, setDue] = useState<OpOutput<'inspections.overdue'>>();
  const [rectifying, setRectifying] = useState<Inspection>();

  const load = useCallback(async () => {
    try {
      setOpen((await api['inspections.list']({ openHazards: true, limit: 200 })).items);
      setDue(await api['inspections.overdue']({ limit: 200 }));
    } catch (e) {
      report(e);
    }
  }, [report]);
  useEffect(() => void load(), [load]);

  const print = async (i: Inspection) => {
    try {
      await api['inspections.print']({ id: i.id });
      message.success(n.printed);
    } catch (e) {
      report(e);
    }
  };

  return (
    <Space direction="vertical" size="middle" className="inspections-tab">
      <InspectionForm focusTick={focusTick} onRecorded={() => void load()} />
      <Card size="small" title={n.openTitle}>
        <Table<Inspection>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={open}
          locale={{ emptyText: n.noOpen }}
          data-testid="hazards-table"
          columns={[
            { title: n.no, dataIndex: 'no', width: 180 },
            { title: n.who, render: (_, i) => `${i.name} ${i.accountNo}` },
            {
              title: n.hazardNote,
              render: (_, i) => i.hazards.map((h) => `${n.items[h.item]}：${h.note}`).join('；'),
            },
            {
              title: n.deadline,
              width: 190,
              render: (_, i) => (
                <Space size={4}>
                  {i.deadline}
                  {i.overdue && <Tag color="red">{n.overdueTag}</Tag>}
                </Space>
              ),
            },
            {
              title: '',
              width: 330,
              render: (_, i) => (
                <Space size={4} wrap>
                  <Button size="small" onClick={() => setRectifying(i)} data-testid={`rectify-${i.no}`}>
                    {n.rectify}
                  </Button>
                  <Button size="small" onClick={() => void print(i)} data-testid={`notice-${i.no}`}>
                    {n.printNotice}
                  </Button>
                  <OfficePrintButtons doc={{ kind: 'hazard', id: i.id }} />
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={fmt(n.dueTitle, { days: due?.periodDays ?? 365 })}>
        <Table
          size="small"
          rowKey="customerId"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          dataSource={due?.items ?? []}
          locale={{ emptyText: n.noDue }}
          data-testid="inspections-due"
          columns={[
            { title: n.who, render: (_, x) => `${x.name} ${x.accountNo}` },
            { title: t.service.phone, dataIndex: 'phone', width: 140 },
            { title: t.service.address, dataIndex: 'address' },
            { title: n.lastDate, width: 120, render: (_, x) => x.lastDate ?? n.never },
          ]}
        />
      </Card>
      {rectifying && (
        <RectifyModal
          i={rectifying}
          onCancel={() => setRectifying(undefined)}
          onDone={() => {
            setRectifying(undefined);
            void load();
          }}
        />
      )}
    </Space>
  );
}
