/**
 * 与总部同步 on the settings page: the state (sync.status, shared with the status bar), 立即同步 (sync.now,
 * with its spinner), and — before enrollment — 登记本柜台 with head office's one-time code (sync.enroll).
 * Shown only when this build has the head-office part. Runtime: browser.
 */
import { Alert, App as AntApp, Button, Card, Descriptions, Form, Input } from 'antd';
import { useState } from 'react';
import { syncEnrollInput } from '../../../core/contract';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useEnterNavigation } from '../../shell/enter-nav';
import { useFormErrors, useReportError } from '../../shell/errors';
import { formatDateTime } from '../../shell/format';
import { useSession } from '../../shell/session';
import { zodRule } from '../../shell/zod-rules';
import { useSync } from './sync-status';

interface EnrollValues {
  server?: string;
  code?: string;
}

function EnrollForm({ onDone }: { onDone(): void }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<EnrollValues>();
  const onError = useFormErrors(form);
  const { session, update } = useSession();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const v = form.getFieldsValue(true) as EnrollValues;
    setBusy(true);
    try {
      const r = await api['sync.enroll']({ server: v.server ?? '', code: v.code ?? '' });
      message.success(fmt(t.sync.enrolled, { hall: r.hallName, counter: r.counterName }));
      // From now on the counter's business days are in the hall's zone: so is the screen.
      update({ counter: { ...session.counter, timeZone: r.timeZone } });
      onDone();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };
  const onKeyDown = useEnterNavigation(() => void submit());
  return (
    <Form form={form} layout="vertical" onKeyDownCapture={onKeyDown} requiredMark={false}>
      <Alert type="info" className="form-alert" title={t.sync.enrollHint} />
      <Form.Item name="server" label={t.sync.server} rules={[zodRule(syncEnrollInput.shape.server)]}>
        <Input className="mono" autoComplete="off" placeholder="https://hq.example.com:8443" />
      </Form.Item>
      <Form.Item name="code" label={t.sync.code} rules={[zodRule(syncEnrollInput.shape.code)]}>
        <Input className="mono" autoComplete="off" placeholder="XXXX-XXXX-XXXX" />
      </Form.Item>
      <Button type="primary" loading={busy} onClick={() => void submit()}>
        {t.sync.enroll}
      </Button>
    </Form>
  );
}

export function SyncCard() {
  const t = useT();
  const { message } = AntApp.useApp();
  const { session } = useSession();
  const report = useReportError();
  const { status, available, refresh } = useSync();
  const [running, setRunning] = useState(false);
  if (!available || !status) return null;

  const now = async () => {
    setRunning(true);
    try {
      const r = await api['sync.now']({});
      if (r.ok) message.success(fmt(t.sync.done, { pushed: r.pushed, pulled: r.pulled }));
      else message.warning(t.sync.failed);
    } catch (e) {
      report(e);
    } finally {
      setRunning(false);
      refresh();
    }
  };

  const problems = status.quarantined.length > 0 || status.digestMismatches.length > 0;
  return (
    <Card size="small" title={t.sync.title} className="form-section" data-testid="sync-card">
      {!status.enrolled ? (
        <>
          <Alert type="info" showIcon className="form-alert" title={t.sync.notEnrolledHint} />
          {session.staff.roles.includes('admin') && <EnrollForm onDone={refresh} />}
        </>
      ) : (
        <>
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'server',
                label: t.sync.server,
                children: <span className="mono">{status.server}</span>,
              },
              {
                key: 'last',
                label: t.sync.lastSuccess,
                children: status.lastSuccessAt ? formatDateTime(status.lastSuccessAt) : t.sync.never,
              },
              { key: 'pending', label: t.sync.pendingOps, children: status.pendingOps },
              { key: 'quarantined', label: t.sync.quarantinedOps, children: status.quarantined.length },
              { key: 'mismatches', label: t.sync.mismatches, children: status.digestMismatches.length },
              { key: 'conflicts', label: t.sync.conflicts, children: status.conflicts.length },
            ]}
          />
          {problems && <Alert type="error" showIcon className="form-alert" title={t.sync.problemsHint} />}
          <Button type="primary" loading={running || status.running} onClick={() => void now()}>
            {running ? t.sync.running : t.sync.now}
          </Button>
        </>
      )}
    </Card>
  );
}
