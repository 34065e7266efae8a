/** 限购 (admin): most m³ per purchase, month and year for each user class; blank = no limit. */
import { Alert, App as AntApp, Button, Form, Input, Table, type TableColumnsType, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Limits } from '../../../core/contract';
import { USER_CLASSES, type UserClass } from '../../../core/domain/customer';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useFormErrors, useReportError } from '../../shell/errors';
import { volumeOf, volumeRule, volumeText } from '../../shell/money';

const FIELDS = ['perPurchase', 'perMonth', 'perYear'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<UserClass, Record<Field, string | undefined>>;

function toValues(items: Limits[]): Values {
  const out = {} as Values;
  for (const c of USER_CLASSES) {
    const l = items.find((i) => i.userClass === c);
    out[c] = {
      perPurchase: l?.perPurchase ? volumeText(l.perPurchase) : '',
      perMonth: l?.perMonth ? volumeText(l.perMonth) : '',
      perYear: l?.perYear ? volumeText(l.perYear) : '',
    };
  }
  return out;
}

export function LimitsPage() {
  const t = useT();
  const l = t.limits;
  const { message } = AntApp.useApp();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrors(form);
  const [loading, setLoading] = useState(true);
  const [saving, setSaving] = useState<UserClass>();

  const load = useCallback(async () => {
    setLoading(true);
    try {
      form.setFieldsValue(toValues((await api['limits.list']({})).items));
    } catch (e) {
      report(e);
    } finally {
      setLoading(false);
    }
  }, [form, report]);

  useEffect(() => {
    void load();
  }, [load]);

  const save = async (userClass: UserClass) => {
    try {
      await form.validateFields(FIELDS.map((f) => [userClass, f]));
    } catch {
      return;
    }
    const row = form.getFieldValue(userClass) as Values[UserClass];
    const limit = (f: Field) => volumeOf(row[f]) || null;
    setSaving(userClass);
    try {
      const saved = await api['limits.save']({
        userClass,
        perPurchase: limit('perPurchase'),
        perMonth: limit('perMonth'),
        perYear: limit('perYear'),
      });
      form.setFieldsValue(toValues([saved]));
      message.success(fmt(l.saved, { userClass: t.userClasses[userClass] }));
    } catch (e) {
      onError(e);
    } finally {
      setSaving(undefined);
    }
  };

  const rule = volumeRule({ invalid: t.money.invalidVolume, optional: true });
  const columns: TableColumnsType<{ userClass: UserClass }> = [
    { title: l.userClass, dataIndex: 'userClass', render: (c: UserClass) => t.userClasses[c] },
    ...FIELDS.map((f) => ({
      title: l[f],
      render: (_v: unknown, r: { userClass: UserClass }) => (
        <Form.Item name={[r.userClass, f]} rules={[rule]} className="table-form-item">
          <Input
            aria-label={`${t.userClasses[r.userClass]} ${l[f]}`}
            placeholder={l.none}
            inputMode="decimal"
            autoComplete="off"
            onPressEnter={() => void save(r.userClass)}
          />
        </Form.Item>
      ),
    })),
    {
      title: t.common.actions,
      render: (_v, r) => (
        <Button loading={saving === r.userClass} onClick={() => void save(r.userClass)}>
          {l.save}
        </Button>
      ),
    },
  ];

  return (
    <div className="page">
      <div className="page-header">
        <Typography.Title level={3}>{l.title}</Typography.Title>
      </div>
      <Alert type="info" showIcon className="form-alert" title={l.hint} />
      <Form form={form} component="div">
        <Table
          rowKey="userClass"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={USER_CLASSES.map((userClass) => ({ userClass }))}
          pagination={false}
        />
      </Form>
    </div>
  );
}
