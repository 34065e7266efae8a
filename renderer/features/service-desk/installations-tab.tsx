/**
 * 零散报装: the form to accept an application (the applicant — a customer of the file or, usually, a new one —
 * what is to be installed, and attachments; Ctrl+Enter records it), and the applications in progress (all with
 * the switch), each with its next step, the day it is due and 已逾期 past it; Enter or 办理 opens one.
 * Runtime: browser.
 */
import { App as AntApp, Button, Card, Form, Input, Space, Switch, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { AttachmentInput, CustomerSummary, Installation } from '../../../core/contract';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useEnterNavigation } from '../../shell/enter-nav';
import { useFormErrors, useReportError } from '../../shell/errors';
import { AttachmentPicker } from './attachment-picker';
import { InstallationModal, InstallationTag } from './installation-modal';
import { PartyFields, ProspectiveFields, partyOf } from './party-fields';

interface Values {
  name?: string;
  phone?: string;
  address?: string;
  request?: string;
}

export function InstallationsTab({ focusTick }: { focusTick: number }) {
  const s = useT().installations;
  const { message } = AntApp.useApp();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrors(form);
  const [customer, setCustomer] = useState<CustomerSummary | null>(null);
  const [prospective, setProspective] = useState(false);
  const [files, setFiles] = useState<AttachmentInput[]>([]);
  const [busy, setBusy] = useState(false);
  const [all, setAll] = useState(false);
  const [items, setItems] = useState<Installation[]>([]);
  const [open, setOpen] = useState<Installation>();

  const load = useCallback(async () => {
    try {
      setItems((await api['installations.list']({ open: !all, limit: 200 })).items);
    } catch (e) {
      report(e);
    }
  }, [all, report]);
  useEffect(() => void load(), [load]);

  const submit = useCallback(async () => {
    if (busy) return;
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      const a = await api['installations.apply']({
        ...partyOf(customer, v),
        request: v.request ?? '',
        attachments: files,
      });
      message.success(fmt(s.applied, { no: a.no }));
      form.resetFields();
      setFiles([]);
      setCustomer(null);
      setProspective(false);
      await load();
      setOpen(a);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  }, [busy, customer, files, form, load, message, onError, s]);
  const onKeyDown = useEnterNavigation(() => void submit());

  return (
    <Space direction="vertical" size="middle" className="installations-tab">
      <Card size="small" title={s.applyTitle}>
        <PartyFields
          idPrefix="inst"
          customer={customer}
          prospective={prospective}
          focusTick={focusTick}
          onPick={(c) => {
            setCustomer(c);
            if (!c) setProspective(false);
          }}
          onProspective={() => setProspective(true)}
        />
        <div onKeyDownCapture={onKeyDown}>
          <Form form={form} layout="vertical" data-testid="installation-form">
            {!customer && prospective && <ProspectiveFields idPrefix="inst" />}
            <Form.Item
              name="request"
              htmlFor="inst-request"
              label={s.request}
              rules={[{ required: true, whitespace: true, message: s.requestHint }]}
            >
              <Input.TextArea id="inst-request" rows={2} maxLength={500} placeholder={s.requestHint} />
            </Form.Item>
            <Form.Item label={s.attachments} htmlFor="inst-apply-files">
              <AttachmentPicker id="inst-apply-files" value={files} onChange={setFiles} />
            </Form.Item>
            <Button
              type="primary"
              loading={busy}
              onClick={() => void submit()}
              data-testid="installation-submit"
            >
              {s.apply}
            </Button>
          </Form>
        </div>
      </Card>
      <Card
        size="small"
        title={s.listTitle}
        extra={
          <Space>
            {s.all}
            <Switch checked={all} onChange={setAll} size="small" aria-label={s.all} />
          </Space>
        }
      >
        <Table<Installation>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={items}
          locale={{ emptyText: s.none }}
          data-testid="installations-table"
          rowClassName={(x) => (x.overdue ? 'row-overdue' : '')}
          onRow={(x) => ({ onClick: () => setOpen(x) })}
          columns={[
            { title: s.no, dataIndex: 'no', width: 180 },
            { title: s.who, render: (_, x) => `${x.party.name} ${x.party.phone}` },
            { title: s.status, render: (_, x) => <InstallationTag x={x} />, width: 170 },
            { title: s.next, render: (_, x) => (x.next ? s.actions[x.next] : ''), width: 100 },
            { title: s.dueBy, render: (_, x) => x.dueBy ?? '', width: 110 },
            {
              title: '',
              width: 80,
              render: (_, x) => (
                <Button size="small" onClick={() => setOpen(x)} data-testid={`inst-open-${x.no}`}>
                  {s.handle}
                </Button>
              ),
            },
          ]}
        />
        {open && (
          <InstallationModal
            item={open}
            onClose={() => setOpen(undefined)}
            onChanged={(x) => {
              setOpen(x);
              void load();
            }}
          />
        )}
      </Card>
    </Space>
  );
}
