/**
 * 开工单 from a complaint, an acceptance or an appointment: what kind of work, the customer's meter (optional)
 * and what to do, prefilled from the record; Enter on the last field or Ctrl+Enter opens it. Runtime: browser.
 */
import { App as AntApp, Form, Input, Radio } from 'antd';
import { useCallback } from 'react';
import type { WorkOrder } from '../../../core/contract';
import { WORK_KINDS, type WorkKind, type WorkSource } from '../../../core/domain/work-orders';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useFormErrors } from '../../shell/errors';
import { FormModal } from '../../shell/form-modal';

interface Values {
  kind: WorkKind;
  meterNo?: string;
  description: string;
}

export interface WorkSourceRef {
  type: WorkSource;
  id: string;
  no: string;
  kind?: WorkKind;
  description?: string;
}

export function WorkOrderOpenModal({
  source,
  onDone,
  onCancel,
}: {
  source: WorkSourceRef;
  onDone(w: WorkOrder): void;
  onCancel(): void;
}) {
  const w = useT().workOrders;
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrors(form);
  const submit = useCallback(
    async (v: Values) => {
      try {
        const x = await api['workOrders.open']({
          sourceType: source.type,
          sourceId: source.id,
          kind: v.kind,
          meterNo: v.meterNo?.trim() ? v.meterNo : undefined,
          description: v.description ?? '',
        });
        message.success(fmt(w.opened, { no: x.no }));
        onDone(x);
      } catch (e) {
        onError(e);
      }
    },
    [source, message, onDone, onError, w],
  );
  return (
    <FormModal
      title={fmt(w.openTitle, { source: `${w.sources[source.type]} ${source.no}` })}
      form={form}
      initialValues={{ kind: source.kind ?? 'repair', description: source.description ?? '' }}
      skipToggles
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Form.Item name="kind" label={w.kind}>
        <Radio.Group
          options={WORK_KINDS.map((k) => ({ value: k, label: w.kinds[k] }))}
          data-testid="wo-kind"
        />
      </Form.Item>
      <Form.Item name="meterNo" htmlFor="wo-meter" label={w.meterNo}>
        <Input id="wo-meter" autoComplete="off" maxLength={40} />
      </Form.Item>
      <Form.Item
        name="description"
        htmlFor="wo-description"
        label={w.description}
        rules={[{ required: true, whitespace: true, message: w.needText }]}
      >
        <Input id="wo-description" autoComplete="off" maxLength={500} data-testid="wo-description" />
      </Form.Item>
    </FormModal>
  );
}
