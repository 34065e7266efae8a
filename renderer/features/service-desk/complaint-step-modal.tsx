/**
 * One step of a complaint in a small form: 判定 (成立/不成立 and the reason), 转办 (the team, a note), 跟踪记录,
 * 处理结果, 告知结案 (what the customer was told). Enter or Ctrl+Enter submits. Runtime: browser.
 */
import { App as AntApp, Form, Input, Radio } from 'antd';
import { useCallback } from 'react';
import type { Complaint } from '../../../core/contract';
import { type ComplaintAction, TEAMS } from '../../../core/domain/service-desk';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useFormErrors } from '../../shell/errors';
import { FormModal } from '../../shell/form-modal';

export type StepKind = 'judge' | 'hand_over' | 'note' | 'resolve' | 'close';

interface Values {
  justified?: boolean;
  team?: (typeof TEAMS)[number];
  text?: string;
}

export function ComplaintStepModal({
  complaint,
  kind,
  onDone,
  onCancel,
}: {
  complaint: Complaint;
  kind: StepKind;
  onDone(c: Complaint): void;
  onCancel(): void;
}) {
  const t = useT();
  const s = t.service;
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrors(form, (p) =>
    p[0] === 'reason' || p[0] === 'note' || p[0] === 'result' || p[0] === 'told' ? ['text'] : p,
  );
  const title = {
    judge: s.judgeTitle,
    hand_over: s.handOverTitle,
    note: s.noteTitle,
    resolve: s.resolveTitle,
    close: s.closeTitle,
  }[kind];
  const label = { judge: s.reason, hand_over: s.note, note: s.noteTitle, resolve: s.result, close: s.told }[
    kind
  ];

  const submit = useCallback(
    async (v: Values) => {
      const id = complaint.id;
      const text = v.text ?? '';
      try {
        const c =
          kind === 'judge'
            ? await api['complaints.judge']({ id, justified: v.justified ?? true, reason: text })
            : kind === 'hand_over'
              ? await api['complaints.handOver']({ id, team: v.team ?? 'repair', note: text })
              : kind === 'note'
                ? await api['complaints.note']({ id, note: text })
                : kind === 'resolve'
                  ? await api['complaints.resolve']({ id, result: text })
                  : await api['complaints.close']({ id, told: text });
        const action: ComplaintAction =
          kind === 'judge' ? (v.justified === false ? 'judge_unjustified' : 'judge_justified') : kind;
        message.success(fmt(s.stepDone, { action: s.actions[action] }));
        onDone(c);
      } catch (e) {
        onError(e);
      }
    },
    [complaint.id, kind, message, onDone, onError, s],
  );

  return (
    <FormModal
      title={`${title}：${complaint.no}`}
      form={form}
      initialValues={{ justified: true, team: complaint.team ?? 'repair' }}
      skipToggles
      onSubmit={submit}
      onCancel={onCancel}
    >
      {kind === 'judge' && (
        <Form.Item name="justified" label={s.judgeTitle}>
          <Radio.Group
            options={[
              { value: true, label: s.justified },
              { value: false, label: s.unjustified },
            ]}
          />
        </Form.Item>
      )}
      {kind === 'hand_over' && (
        <Form.Item name="team" label={s.team}>
          <Radio.Group
            options={TEAMS.map((x) => ({ value: x, label: s.teams[x] }))}
            data-testid="step-team"
          />
        </Form.Item>
      )}
      <Form.Item
        name="text"
        htmlFor="step-text"
        label={label}
        rules={kind === 'hand_over' ? [] : [{ required: true, whitespace: true, message: s.needText }]}
      >
        <Input id="step-text" autoComplete="off" maxLength={1000} data-testid="step-text" />
      </Form.Item>
    </FormModal>
  );
}
