/**
 * 燃气卡: the cards head office knows (by card number or the start of an account number), with their state
 * and why a card was blocked; an administrator reports one lost (挂失), which every counter then refuses.
 * Runtime: browser.
 */
import { Alert, Button, Form, Input, Space, Table, Tag } from 'antd';
import { useCallback, useState } from 'react';
import type { z } from 'zod';
import type { cardListSchema } from '../../../core/sync/routes-lists';
import { get, post } from '../api';
import type { Me } from '../console-app';
import { FormDialog } from '../form-dialog';
import { firstHall, HallSelect } from '../hall-select';
import { useLoad } from '../use-load';

type Card = z.infer<typeof cardListSchema>['cards'][number];
const STATUS: Record<string, { text: string; color: string }> = {
  active: { text: '在用', color: 'green' },
  lost: { text: '已挂失', color: 'red' },
  replaced: { text: '已补卡作废', color: 'default' },
};
const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '');

export function CardsPage({ me }: { me: Me }) {
  const [hall, setHall] = useState(firstHall(me));
  const [find, setFind] = useState('');
  const load = useCallback(async () => {
    const p = new URLSearchParams();
    if (hall) p.set('hall', hall);
    if (find) p.set('q', find);
    return (await get<{ cards: Card[] }>(`/admin/cards?${p}`)).cards;
  }, [hall, find]);
  const { data, error, loading, reload } = useLoad(load);
  const [blocking, setBlocking] = useState<Card>();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
      <Space>
        <HallSelect me={me} value={hall} onChange={setHall} />
        <Input.Search
          aria-label="卡号或户号"
          placeholder="卡号或户号开头"
          allowClear
          style={{ width: 240 }}
          onSearch={(v) => setFind(v.trim())}
        />
      </Space>
      <Table<Card>
        rowKey="cardNo"
        size="small"
        loading={loading}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        aria-label="燃气卡"
        dataSource={data}
        columns={[
          { title: '卡号', dataIndex: 'cardNo' },
          { title: '网点', dataIndex: 'hallCode' },
          { title: '户号', dataIndex: 'accountNo' },
          { title: '户名', dataIndex: 'customerName' },
          {
            title: '状态',
            render: (_, c) => <Tag color={STATUS[c.status]?.color}>{STATUS[c.status]?.text ?? c.status}</Tag>,
          },
          { title: '发卡时间', render: (_, c) => when(c.issuedAt) },
          {
            title: '挂失',
            render: (_, c) => (c.blockedAt ? `${when(c.blockedAt)} ${c.blockedReason ?? ''}` : ''),
          },
          {
            title: '操作',
            render: (_, c) =>
              me.role === 'admin' && c.status === 'active' ? (
                <Button size="small" danger onClick={() => setBlocking(c)}>
                  挂失
                </Button>
              ) : null,
          },
        ]}
      />
      {blocking && (
        <FormDialog<{ reason: string }>
          title={`挂失燃气卡 ${blocking.cardNo}`}
          okText="挂失"
          danger
          onClose={() => setBlocking(undefined)}
          onSubmit={async (v) => {
            await post(`/admin/cards/${blocking.cardNo}/block`, v);
            await reload();
          }}
        >
          <Form.Item name="reason" label="挂失原因" rules={[{ required: true, message: '请填写挂失原因' }]}>
            <Input />
          </Form.Item>
        </FormDialog>
      )}
    </Space>
  );
}
