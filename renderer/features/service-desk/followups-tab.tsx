/**
 * 回访: closed complaints waiting for their follow-up call, the earliest due first; the call's outcome (not
 * reached keeps it in the queue) and the customer's satisfaction. Runtime: browser.
 */
import { App as AntApp, Button, Card, Form, Input, Radio, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Complaint } from '../../../core/contract';
import { FOLLOWUP_OUTCOMES, SATISFACTION } from '../../../core/domain/service-desk';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useFormErrors, useReportError } from '../../shell/errors';
import { FormModal } from '../../shell/form-modal';
import { formatDateTime } from '../../shell/format';

interface Values {
  outcome: (typeof FOLLOWUP_OUTCOMES)[number];
  satisfaction?: (typeof SATISFACTION)[number];
  text?: string;
}

function FollowupModal({
  complaint,
  onDone,
  onCancel,
}: {
  complaint: Complaint;
  onDone(): void;
  onCancel(): void;
}) {
  const s = useT().service;
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrors(form);
  const outcome = Form.useWatch('outcome', form);
  const submit = useCallback(
    async (v: Values) => {
      try {
        await api['followups.record']({
          complaintId: complaint.id,
          outcome: v.outcome,
          satisfaction: v.outcome === 'reached' ? v.satisfaction : undefined,
          text: v.text ?? '',
        });
        message.success(s.followupDone);
        onDone();
      } catch (e) {
        onError(e);
      }
    },
    [complaint.id, message, onDone, onError, s],
  );
  return (
    <FormModal
      title={fmt(s.followupTitle, { no: complaint.no })}
      form={form}
      initialValues={{ outcome: 'reached', satisfaction: 'satisfied' }}
      skipToggles
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Form.Item name="outcome" label={s.outcome}>
        <Radio.Group options={FOLLOWUP_OUTCOMES.map((o) => ({ value: o, label: s.outcomes[o] }))} />
      </Form.Item>
      {outcome !== 'unreachable' && (
        <Form.Item name="satisfaction" label={s.satisfactionLabel}>
          <Radio.Group options={SATISFACTION.map((o) => ({ value: o, label: s.satisfaction[o] }))} />
        </Form.Item>
      )}
      <Form.Item name="text" htmlFor="followup-text" label={s.followupText}>
        <Input id="followup-text" autoComplete="off" maxLength={500} data-testid="followup-text" />
      </Form.Item>
    </FormModal>
  );
}

export function FollowupsTab() {
  const s = useT().service;
  const report = useReportError();
  const [items, setItems] = useState<Complaint[]>([]);
  const [open, setOpen] = useState<Complaint>();
  const load = useCallback(async () => {
    try {
      setItems((await api['followups.queue']({ limit: 200 })).items);
    } catch (e) {
      report(e);
    }
  }, [report]);
  useEffect(() => void load(), [load]);
  const now = Date.now();
  return (
    <Card size="small" title={s.followupQueue}>
      <Table<Complaint>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={items}
        locale={{ emptyText: s.noFollowups }}
        data-testid="followups-table"
        columns={[
          { title: s.no, dataIndex: 'no', width: 180 },
          { title: s.who, render: (_, c) => `${c.party.name} ${c.party.phone}` },
          { title: s.told, dataIndex: 'toldCustomer' },
          { title: s.closedAt, render: (_, c) => formatDateTime(c.closedAt), width: 150 },
          {
            title: s.followupDue,
            width: 170,
            render: (_, c) => (
              <>
                {formatDateTime(c.followupDueAt)}{' '}
                {c.followupDueAt && Date.parse(c.followupDueAt) < now && <Tag color="red">{s.overdue}</Tag>}
              </>
            ),
          },
          {
            title: '',
            width: 90,
            render: (_, c, i) => (
              <Button
                size="small"
                type="primary"
                autoFocus={i === 0}
                onClick={() => setOpen(c)}
                data-testid={`followup-${c.no}`}
              >
                {s.followupAction}
              </Button>
            ),
          },
        ]}
      />
      {open && (
        <FollowupModal
          complaint={open}
          onCancel={() => setOpen(undefined)}
          onDone={() => {
            setOpen(undefined);
            void load();
          }}
        />
      )}
    </Card>
  );
}
