/**
 * One 零散报装: who applies, where, what, its steps with their attachments, and the next step's form — its
 * result, for 方案与收费 the 初装费 payment taken at the fee desk, and attachments; Ctrl+Enter records it. After
 * 置换通气 the next step is 开户: the open-account page with the application's data filled in. 撤销 (with the
 * reason in the result box) at any state before. Runtime: browser.
 */
import {
  App as AntApp,
  Button,
  Descriptions,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { AttachmentInput, Installation, Sale } from '../../../core/contract';
import type { InstallAction } from '../../../core/domain/installations';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useEnterNavigation } from '../../shell/enter-nav';
import { useFormErrors } from '../../shell/errors';
import { formatDateTime } from '../../shell/format';
import { yuan } from '../../shell/money';
import { useNav } from '../../shell/nav';
import { AttachmentPicker } from './attachment-picker';

export function InstallationTag({ x }: { x: Installation }) {
  const t = useT().installations;
  const color = x.status === 'opened' ? 'green' : x.status === 'cancelled' ? 'default' : 'blue';
  return (
    <Space size={4}>
      <Tag color={color}>{t.statuses[x.status]}</Tag>
      {x.overdue && <Tag color="red">{t.overdue}</Tag>}
    </Space>
  );
}

type StepAction = Exclude<InstallAction, 'open'>;

export function InstallationModal({
  item,
  onChanged,
  onClose,
}: {
  item: Installation;
  onChanged(x: Installation): void;
  onClose(): void;
}) {
  const t = useT();
  const s = t.installations;
  const nav = useNav();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ result?: string; saleId?: string }>();
  const onError = useFormErrors(form);
  const [files, setFiles] = useState<AttachmentInput[]>([]);
  const [fees, setFees] = useState<Sale[]>([]);
  const [busy, setBusy] = useState(false);
  const x = item;
  const next = x.next;
  const [action, setAction] = useState<StepAction | undefined>(next && next !== 'open' ? next : undefined);
  useEffect(() => setAction(next && next !== 'open' ? next : undefined), [next]);

  useEffect(() => {
    if (action !== 'plan') return;
    let gone = false;
    void api['sales.list']({ customerId: x.party.customerId ?? undefined, limit: 100 })
      .then((r) => !gone && setFees(r.items.filter((f) => f.kind === 'fee').slice(0, 30)))
      .catch(() => !gone && setFees([]));
    return () => {
      gone = true;
    };
  }, [action, x.party.customerId]);

  const submit = useCallback(async () => {
    if (busy || !action) return;
    let v: { result?: string; saleId?: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      const done = await api['installations.step']({
        id: x.id,
        action,
        result: v.result ?? '',
        saleId: v.saleId || undefined,
        attachments: files,
      });
      message.success(fmt(s.stepDone, { step: s.actions[action] }));
      form.resetFields();
      setFiles([]);
      onChanged(done);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  }, [action, busy, files, form, message, onChanged, onError, s, x.id]);
  const onKeyDown = useEnterNavigation(() => void submit());

  const names = (a: Installation['attachments']) =>
    a.map((f) => `${f.name}（${f.uploaded ? s.uploaded : s.notUploaded}）`).join('、');
  return (
    <Modal
      open
      title={fmt(s.detailTitle, { no: x.no })}
      width={800}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      <Descriptions size="small" column={2} data-testid="installation-detail">
        <Descriptions.Item label={s.who}>
          {x.party.name} {x.party.phone}
        </Descriptions.Item>
        <Descriptions.Item label={s.status}>
          <InstallationTag x={x} />
        </Descriptions.Item>
        <Descriptions.Item label={s.address}>{x.party.address || t.common.none}</Descriptions.Item>
        <Descriptions.Item label={s.dueBy}>
          {x.next ? `${s.actions[x.next]} ${x.dueBy ?? ''}` : t.common.none}
        </Descriptions.Item>
        <Descriptions.Item label={s.request} span={2}>
          {x.request}
        </Descriptions.Item>
        {x.attachments.length > 0 && (
          <Descriptions.Item label={s.attachmentsShort} span={2}>
            {names(x.attachments)}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Title level={5}>{s.steps}</Typography.Title>
      <Timeline
        items={x.steps.map((st) => ({
          children: `${formatDateTime(st.at)} ${s.actions[st.action]}：${st.result}${
            st.sale ? ` 收据 ${st.sale.receiptNo} ${yuan(st.sale.amount)}` : ''
          }${st.attachments.length ? ` 附件 ${names(st.attachments)}` : ''} — ${st.operator.displayName}`,
        }))}
      />
      {x.allowed.length === 0 ? (
        <Typography.Paragraph type="secondary">{s.finalNote}</Typography.Paragraph>
      ) : x.next === 'open' ? (
        <Space>
          <Button
            type="primary"
            autoFocus
            data-testid="inst-open-account"
            onClick={() => nav.go({ name: 'open', installation: x })}
          >
            {s.openAccount}
          </Button>
          <Button danger onClick={() => setAction('cancel')} data-testid="inst-step-cancel">
            {s.actions.cancel}
          </Button>
        </Space>
      ) : null}
      {action && (
        <div onKeyDownCapture={onKeyDown}>
          <Form form={form} layout="vertical" data-testid="installation-step-form">
            <Space>
              {x.allowed
                .filter((a): a is StepAction => a !== 'open')
                .map((a) => (
                  <Button
                    key={a}
                    size="small"
                    type={a === action ? 'primary' : 'default'}
                    danger={a === 'cancel'}
                    onClick={() => setAction(a)}
                    data-testid={`inst-action-${a}`}
                  >
                    {s.actions[a]}
                  </Button>
                ))}
            </Space>
            <Form.Item
              name="result"
              htmlFor="inst-result"
              label={`${s.actions[action]}：${s.result}`}
              rules={[{ required: true, whitespace: true, message: s.result }]}
            >
              <Input.TextArea id="inst-result" rows={2} maxLength={500} autoFocus />
            </Form.Item>
            {action === 'plan' && (
              <Form.Item
                name="saleId"
                htmlFor="inst-sale"
                label={s.sale}
                extra={fees.length === 0 ? s.noSale : s.salePick}
                rules={[{ required: true, message: s.salePick }]}
              >
                <Select
                  id="inst-sale"
                  showSearch
                  optionFilterProp="label"
                  style={{ width: 480 }}
                  options={fees.map((f) => ({
                    value: f.id,
                    label: `${f.receiptNo} ${f.lines.map((l) => l.name).join('、')} ${yuan(f.amount)} ${formatDateTime(f.createdAt)}`,
                  }))}
                />
              </Form.Item>
            )}
            <Form.Item label={s.attachments} htmlFor="inst-files">
              <AttachmentPicker id="inst-files" value={files} onChange={setFiles} />
            </Form.Item>
            <Button
              type="primary"
              loading={busy}
              onClick={() => void submit()}
              data-testid="inst-step-submit"
            >
              {fmt(s.stepSubmit, { step: s.actions[action] })}
            </Button>
          </Form>
        </div>
      )}
    </Modal>
  );
}
