/**
 * One step of a work order in a small form: 派单 (team, person, note), 登记完成结果 (material and quantity, the
 * new meter after 换表, a meter fault and what was done, then the result — the last field, Enter submits) or
 * 撤销 (the reason). Runtime: browser.
 */
import { App as AntApp, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Sale, WorkOrder } from '../../../core/contract';
import { FIELD_TEAMS, type FieldTeam } from '../../../core/domain/appointments';
import {
  FAULT_ACTIONS,
  type FaultAction,
  METER_FAULTS,
  type MeterFault,
  type WorkOrderAction,
} from '../../../core/domain/work-orders';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useFormErrors } from '../../shell/errors';
import { FormModal } from '../../shell/form-modal';
import { formatDateTime } from '../../shell/format';
import { yuan } from '../../shell/money';

interface Values {
  team?: FieldTeam;
  assignee?: string;
  material?: string;
  qty?: number;
  newMeterNo?: string;
  saleId?: string;
  fault?: MeterFault;
  faultAction?: FaultAction;
  text?: string;
}

const blank = (s?: string) => (s?.trim() ? s : undefined);

export function WorkOrderStepModal({
  order,
  action,
  onDone,
  onCancel,
}: {
  order: WorkOrder;
  action: WorkOrderAction;
  onDone(w: WorkOrder): void;
  onCancel(): void;
}) {
  const w = useT().workOrders;
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrors(form, (p) =>
    p[0] === 'note' || p[0] === 'result' || p[0] === 'reason'
      ? ['text']
      : p[0] === 'materials'
        ? [p[2] === 'qty' ? 'qty' : 'material']
        : p[0] === 'fault'
          ? ['fault']
          : p,
  );
  const [fees, setFees] = useState<Sale[]>([]);
  // The fee payments a result may link: the customer's (or, for a caller not in the files, walk-in ones).
  useEffect(() => {
    if (action !== 'complete') return;
    let gone = false;
    const customerId = order.party.customerId ?? undefined;
    void api['sales.list']({ customerId, limit: 50 })
      .then((r) => {
        if (!gone)
          setFees(
            r.items.filter((x) => x.kind === 'fee' && (customerId ? true : x.customer === null)).slice(0, 20),
          );
      })
      .catch(() => !gone && setFees([]));
    return () => {
      gone = true;
    };
  }, [action, order.party.customerId]);
  const title = { assign: w.assignTitle, complete: w.completeTitle, cancel: w.cancelTitle }[action];
  const label = { assign: w.note, complete: w.result, cancel: w.reason }[action];

  const submit = useCallback(
    async (v: Values) => {
      const id = order.id;
      const text = v.text ?? '';
      try {
        const x =
          action === 'assign'
            ? await api['workOrders.assign']({
                id,
                team: v.team ?? 'repair',
                assignee: v.assignee ?? '',
                note: text,
              })
            : action === 'complete'
              ? await api['workOrders.complete']({
                  id,
                  result: text,
                  materials: blank(v.material) ? [{ name: v.material!, qty: v.qty ?? 1 }] : [],
                  newMeterNo: blank(v.newMeterNo),
                  saleId: v.saleId || undefined,
                  fault: v.fault ? { fault: v.fault, action: v.faultAction ?? 'repaired' } : undefined,
                })
              : await api['workOrders.cancel']({ id, reason: text });
        message.success(
          fmt(w.done, { action: { assign: w.assign, complete: w.complete, cancel: w.cancel }[action] }),
        );
        onDone(x);
      } catch (e) {
        onError(e);
      }
    },
    [action, order.id, message, onDone, onError, w],
  );

  return (
    <FormModal
      title={`${title}：${order.no}`}
      form={form}
      initialValues={{
        team: order.team ?? 'repair',
        assignee: order.assignee ?? '',
        qty: 1,
        faultAction: 'repaired',
      }}
      skipToggles
      onSubmit={submit}
      onCancel={onCancel}
    >
      {action === 'assign' && (
        <>
          <Form.Item name="team" label={w.team}>
            <Radio.Group
              options={FIELD_TEAMS.map((x) => ({ value: x, label: w.teams[x] }))}
              data-testid="wo-team"
            />
          </Form.Item>
          <Form.Item
            name="assignee"
            htmlFor="wo-assignee"
            label={w.assignee}
            rules={[{ required: true, whitespace: true, message: w.needText }]}
          >
            <Input id="wo-assignee" autoComplete="off" maxLength={20} data-testid="wo-assignee" />
          </Form.Item>
        </>
      )}
      {action === 'complete' && (
        <>
          <Form.Item name="material" htmlFor="wo-material" label={w.material}>
            <Input id="wo-material" autoComplete="off" maxLength={30} />
          </Form.Item>
          <Form.Item name="qty" htmlFor="wo-qty" label={w.qty}>
            <InputNumber id="wo-qty" min={1} max={999} precision={0} />
          </Form.Item>
          <Form.Item name="saleId" htmlFor="wo-sale" label={w.sale}>
            <Select
              id="wo-sale"
              allowClear
              options={fees.map((f) => ({
                value: f.id,
                label: `${f.receiptNo} ${f.lines.map((l) => l.name).join('、')} ${yuan(f.amount)} ${formatDateTime(f.createdAt)}`,
              }))}
            />
          </Form.Item>
          {order.meterNo && (
            <>
              <Form.Item name="newMeterNo" htmlFor="wo-new-meter" label={w.newMeterNo}>
                <Input id="wo-new-meter" autoComplete="off" maxLength={40} />
              </Form.Item>
              <Form.Item name="fault" htmlFor="wo-fault" label={w.fault}>
                <Select
                  id="wo-fault"
                  allowClear
                  options={METER_FAULTS.map((f) => ({ value: f, label: w.faults[f] }))}
                />
              </Form.Item>
              <Form.Item name="faultAction" label={w.faultAction}>
                <Radio.Group options={FAULT_ACTIONS.map((f) => ({ value: f, label: w.faultActions[f] }))} />
              </Form.Item>
            </>
          )}
        </>
      )}
      <Form.Item
        name="text"
        htmlFor="wo-text"
        label={label}
        rules={action === 'assign' ? [] : [{ required: true, whitespace: true, message: w.needText }]}
      >
        <Input id="wo-text" autoComplete="off" maxLength={500} data-testid="wo-text" />
      </Form.Item>
    </FormModal>
  );
}
