/**
 * 用量分析 (燃气用量分析): a month's suspect meters for the company or a hall, each with its flags and the
 * evidence in Chinese, the thresholds adjustable (head office's defaults shown), exported to Excel and
 * printed on A4 like the reports; 开工单 sends a suspect to its hall for a work order (referral-button.tsx). A
 * hall manager analyses one of their halls. Runtime: browser.
 */
import {
  Alert,
  Button,
  Card,
  Collapse,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { FLAG_NAMES, type FlagCode } from '../../../core/usage/analyse';
import {
  DEFAULT_THRESHOLDS,
  type usageAnalysisSchema,
  type UsageThresholds,
} from '../../../core/usage/thresholds';
import type { Hall } from '../../../core/sync/wire-admin';
import { m3 } from '../../shell/money';
import { get } from '../api';
import type { Me } from '../console-app';
import { type Referral, ReferralButton } from '../referral-button';
import { useLoad, useRun } from '../use-load';

type Analysis = z.infer<typeof usageAnalysisSchema>;
type Suspect = Analysis['suspects'][number];
type Query = UsageThresholds & { month: string; hall?: string };

const THRESHOLD_FIELDS: { key: keyof UsageThresholds; label: string; step: number }[] = [
  { key: 'highFactor', label: '高于本户历史（倍）', step: 0.5 },
  { key: 'lowFactor', label: '低于本户历史（比例）', step: 0.05 },
  { key: 'peerFactor', label: '高于同类户（倍）', step: 0.5 },
  { key: 'jumpM3PerDay', label: '累计跳变（m³/天）', step: 5 },
  { key: 'silenceDays', label: '未读卡（天）', step: 10 },
  { key: 'neverLoadedDays', label: '购气未装表（天）', step: 5 },
  { key: 'minHistoryMonths', label: '历史至少（月）', step: 1 },
  { key: 'minPeers', label: '同类户至少（户）', step: 1 },
];

export function usageQueryString(q: Query): string {
  const p = new URLSearchParams({ month: q.month.trim() });
  if (q.hall) p.set('hall', q.hall);
  for (const f of THRESHOLD_FIELDS) {
    const v = q[f.key];
    if (v !== undefined && v !== null && v !== DEFAULT_THRESHOLDS[f.key]) p.set(f.key, String(v));
  }
  return p.toString();
}

const volume = (v: number | null) => (v === null ? '—' : m3(v));

export function UsagePage({ me }: { me: Me }) {
  const [form] = Form.useForm<Query>();
  const loadHalls = useCallback(async () => (await get<{ halls: Hall[] }>('/admin/halls')).halls, []);
  const halls = useLoad(loadHalls);
  const [referrals, setReferrals] = useState<ReadonlyMap<string, Referral>>(new Map());
  const loadReferrals = async (month: string, hall: string | undefined) => {
    const p = new URLSearchParams({ month });
    if (hall) p.set('hall', hall);
    const { referrals: list } = await get<{ referrals: Referral[] }>(`/admin/usage-referrals?${p}`);
    setReferrals(new Map(list.map((r) => [r.customerId, r])));
  };
  const { result, problem, busy, run } = useRun(async (q: Query) => {
    const query = usageQueryString(q);
    const analysis = await get<Analysis>(`/admin/usage-analysis?${query}`);
    await loadReferrals(analysis.month, q.hall);
    return { analysis, query, hall: q.hall };
  });

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card className="no-print">
        <Form<Query>
          form={form}
          layout="inline"
          initialValues={{
            ...DEFAULT_THRESHOLDS,
            hall: me.role === 'hall_manager' ? me.halls[0] : undefined,
          }}
          onFinish={run}
        >
          <Form.Item name="month" label="月份">
            <Input style={{ width: 130 }} placeholder="2026-03" />
          </Form.Item>
          <Form.Item name="hall" label="网点">
            <Select
              style={{ width: 200 }}
              showSearch={{ optionFilterProp: 'label' }}
              allowClear={me.role !== 'hall_manager'}
              placeholder="全公司"
              options={(halls.data ?? []).map((h) => ({ value: h.code, label: `${h.code} ${h.name}` }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            分析
          </Button>
          <Collapse
            ghost
            style={{ width: '100%' }}
            items={[
              {
                key: 'thresholds',
                label: '阈值',
                forceRender: true,
                children: (
                  <Space wrap>
                    {THRESHOLD_FIELDS.map((f) => (
                      <Form.Item key={f.key} name={f.key} label={f.label}>
                        <InputNumber style={{ width: 100 }} step={f.step} />
                      </Form.Item>
                    ))}
                  </Space>
                ),
              },
            ]}
          />
        </Form>
      </Card>
      {problem && <Alert type="error" showIcon role="alert" title={problem} />}
      {result && (
        <Card
          title={result.analysis.title}
          extra={
            <Space>
              <Button onClick={() => window.print()}>打印</Button>
              <Button href={`/admin/usage-analysis/export.xlsx?${result.query}`} download>
                导出 Excel
              </Button>
            </Space>
          }
        >
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text data-testid="usage-filter">{result.analysis.filter}</Typography.Text>
            <Typography.Text data-testid="usage-summary">
              分析 {result.analysis.households} 户，其中 {result.analysis.measured} 户本月有完整读数；疑似异常{' '}
              {result.analysis.suspects.length} 户
            </Typography.Text>
            <Table<Suspect>
              rowKey="id"
              size="small"
              aria-label="疑似异常表具"
              dataSource={result.analysis.suspects}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              columns={[
                { title: '户号', dataIndex: 'accountNo' },
                { title: '户名', dataIndex: 'name' },
                { title: '营业厅', dataIndex: 'hall' },
                { title: '本月用气', align: 'right', render: (_, s) => volume(s.monthUse) },
                { title: '本户历史中位数', align: 'right', render: (_, s) => volume(s.historyMedian) },
                { title: '同类户中位数', align: 'right', render: (_, s) => volume(s.peerMedian) },
                {
                  title: '疑点与依据',
                  render: (_, s) => (
                    <Space direction="vertical" size={2}>
                      {s.flags.map((f) => (
                        <span key={f.code}>
                          <Tag color="orange">{FLAG_NAMES[f.code as FlagCode] ?? f.code}</Tag>
                          {f.text}
                        </span>
                      ))}
                    </Space>
                  ),
                },
                {
                  title: '工单',
                  className: 'no-print',
                  render: (_, s) => (
                    <ReferralButton
                      hallCode={s.hall.split(' ')[0] ?? ''}
                      month={result.analysis.month}
                      suspect={s}
                      referral={referrals.get(s.id)}
                      mayWrite={me.role !== 'readonly'}
                      onSent={() => void loadReferrals(result.analysis.month, result.hall)}
                    />
                  ),
                },
              ]}
            />
          </Space>
        </Card>
      )}
    </Space>
  );
}
