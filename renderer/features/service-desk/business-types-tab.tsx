/**
 * 业务类型 (班长 and administrator): the catalogue an acceptance chooses from — its name, what the customer must
 * prepare (printed on the notice) and whether it is offered; a new type with its code. Each save is a new
 * version (serviceTypes.save); acceptances already taken keep what they said. Runtime: browser.
 */
import { App as AntApp, Button, Card, Checkbox, Form, Input, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { type BusinessTypeView, contract } from '../../../core/contract';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useFormErrors, useReportError } from '../../shell/errors';
import { FormModal } from '../../shell/form-modal';
import { zodRule } from '../../shell/zod-rules';

interface Values {
  code?: string;
  name?: string;
  prepare?: string;
  active: boolean;
}

const shape = contract['serviceTypes.save'].input.shape;

function TypeModal({
  item,
  onDone,
  onCancel,
}: {
  item?: BusinessTypeView;
  onDone(): void;
  onCancel(): void;
}) {
  const s = useT().service;
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrors(form);
  const submit = useCallback(
    async (v: Values) => {
      try {
        await api['serviceTypes.save']({
          code: (item?.code ?? v.code ?? '').trim().toUpperCase(),
          name: v.name ?? '',
          prepare: v.prepare ?? '',
          active: v.active,
        });
        message.success(s.typeSaved);
        onDone();
      } catch (e) {
        onError(e);
      }
    },
    [item, message, onDone, onError, s],
  );
  return (
    <FormModal
      title={item ? fmt(s.typeEdit, { name: item.name }) : s.typeNew}
      form={form}
      initialValues={
        item ? { name: item.name, prepare: item.prepare, active: item.active } : { active: true }
      }
      skipToggles
      onSubmit={submit}
      onCancel={onCancel}
    >
      {!item && (
        <Form.Item
          name="code"
          label={s.typeCode}
          required
          rules={[zodRule(shape.code)]}
          extra={s.typeCodeHint}
        >
          <Input autoComplete="off" maxLength={4} />
        </Form.Item>
      )}
      <Form.Item name="name" label={s.typeName} required rules={[zodRule(shape.name)]}>
        <Input autoComplete="off" maxLength={20} />
      </Form.Item>
      <Form.Item name="prepare" label={s.typePrepare} rules={[zodRule(shape.prepare, { optional: true })]}>
        <Input autoComplete="off" maxLength={200} />
      </Form.Item>
      <Form.Item name="active" valuePropName="checked">
        <Checkbox>{s.typeActive}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}

export function BusinessTypesTab() {
  const t = useT();
  const s = t.service;
  const report = useReportError();
  const [items, setItems] = useState<BusinessTypeView[]>([]);
  const [editing, setEditing] = useState<BusinessTypeView | 'new'>();
  const load = useCallback(async () => {
    try {
      setItems((await api['serviceTypes.list']({})).items);
    } catch (e) {
      report(e);
    }
  }, [report]);
  useEffect(() => void load(), [load]);
  return (
    <Card
      size="small"
      title={s.tabTypes}
      extra={
        <Button type="primary" onClick={() => setEditing('new')} data-testid="type-new">
          {s.typeNew}
        </Button>
      }
    >
      <Table<BusinessTypeView>
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={items}
        columns={[
          { title: s.typeCode, dataIndex: 'code', width: 80 },
          { title: s.typeName, dataIndex: 'name', width: 140 },
          { title: s.typePrepare, dataIndex: 'prepare' },
          {
            title: s.status,
            width: 90,
            render: (_, x) => (x.active ? <Tag color="green">{s.typeOn}</Tag> : <Tag>{s.typeOff}</Tag>),
          },
          {
            title: t.common.actions,
            width: 80,
            render: (_, x) => (
              <Button size="small" onClick={() => setEditing(x)}>
                {s.typeChange}
              </Button>
            ),
          },
        ]}
      />
      {editing && (
        <TypeModal
          item={editing === 'new' ? undefined : editing}
          onCancel={() => setEditing(undefined)}
          onDone={() => {
            setEditing(undefined);
            void load();
          }}
        />
      )}
    </Card>
  );
}
