/**
 * 气价与收费: the price versions (阶梯气价), the fee catalogue and the purchase limits head office published
 * to every counter; an administrator publishes a new price version (a price is never edited: a new version
 * takes effect on its date), a fee item (new, or changed by its code) and a class's limits. Runtime: browser.
 */
import { Alert, Button, Form, Input, Select, Space, Switch, Table, Tabs } from 'antd';
import { useCallback, useState } from 'react';
import type { FeeItem, Limits } from '../../../core/contract/prices';
import { USER_CLASS_ZH, USER_CLASSES, type UserClass } from '../../../core/domain/customer';
import type { PriceVersionFeed } from '../../../core/sync/feed';
import { fenOf, m3, priceText, volumeOf, yuan } from '../../shell/money';
import { get, post } from '../api';
import type { Me } from '../console-app';
import { FormDialog } from '../form-dialog';
import { PriceVersionDialog } from '../price-version-dialog';
import { useLoad } from '../use-load';

const classOptions = USER_CLASSES.map((c) => ({ value: c, label: USER_CLASS_ZH[c] }));
const limit = (v: number | null) => (v === null ? '不限' : m3(v));

export function MasterPage({ me }: { me: Me }) {
  const admin = me.role === 'admin';
  const load = useCallback(
    async () => ({
      prices: (await get<{ priceVersions: PriceVersionFeed[] }>('/admin/price-versions')).priceVersions,
      fees: (await get<{ feeItems: FeeItem[] }>('/admin/fee-items')).feeItems,
      limits: (await get<{ limits: Limits[] }>('/admin/purchase-limits')).limits,
    }),
    [],
  );
  const { data, error, loading, reload } = useLoad(load);
  const [dialog, setDialog] = useState<'price' | 'fee' | 'limits'>();
  const [fee, setFee] = useState<FeeItem>();

  const prices = (
    <Space direction="vertical" style={{ width: '100%' }}>
      {admin && <Button onClick={() => setDialog('price')}>发布气价版本</Button>}
      <Table<PriceVersionFeed>
        rowKey="id"
        size="small"
        loading={loading}
        pagination={false}
        aria-label="气价版本"
        dataSource={data?.prices}
        columns={[
          { title: '用气性质', render: (_, p) => USER_CLASS_ZH[p.userClass] },
          { title: '生效日期', dataIndex: 'effectiveFrom' },
          {
            title: '阶梯（气量上限 · 单价）',
            render: (_, p) =>
              p.tiers
                .map(
                  (t, i) =>
                    `第${i + 1}档 ${t.width === null ? '以上' : m3(t.width)} · ${priceText(t.priceLi)} 元/m³`,
                )
                .join('；'),
          },
          { title: '基准人口', dataIndex: 'baseHouseholdSize' },
          { title: '计价周期起', dataIndex: 'periodStart' },
          { title: '说明', dataIndex: 'note' },
        ]}
      />
    </Space>
  );
  const fees = (
    <Space direction="vertical" style={{ width: '100%' }}>
      {admin && <Button onClick={() => setDialog('fee')}>新建收费项目</Button>}
      <Table<FeeItem>
        rowKey="code"
        size="small"
        loading={loading}
        pagination={false}
        aria-label="收费项目"
        dataSource={data?.fees}
        columns={[
          { title: '代码', dataIndex: 'code' },
          { title: '名称', dataIndex: 'name' },
          { title: '金额', align: 'right', render: (_, f) => yuan(f.amountFen) },
          { title: '状态', render: (_, f) => (f.active ? '在用' : '停用') },
          {
            title: '操作',
            render: (_, f) =>
              admin ? (
                <Button
                  size="small"
                  onClick={() => {
                    setFee(f);
                    setDialog('fee');
                  }}
                >
                  修改
                </Button>
              ) : null,
          },
        ]}
      />
    </Space>
  );
  const limits = (
    <Space direction="vertical" style={{ width: '100%' }}>
      {admin && <Button onClick={() => setDialog('limits')}>发布限购规定</Button>}
      <Table<Limits>
        rowKey="userClass"
        size="small"
        loading={loading}
        pagination={false}
        aria-label="限购规定"
        dataSource={data?.limits}
        columns={[
          { title: '用气性质', render: (_, l) => USER_CLASS_ZH[l.userClass] },
          { title: '每次', align: 'right', render: (_, l) => limit(l.perPurchase) },
          { title: '每月', align: 'right', render: (_, l) => limit(l.perMonth) },
          { title: '每年', align: 'right', render: (_, l) => limit(l.perYear) },
        ]}
      />
    </Space>
  );

  const close = () => {
    setDialog(undefined);
    setFee(undefined);
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
      <Tabs
        items={[
          { key: 'prices', label: '气价版本', children: prices },
          { key: 'fees', label: '收费项目', children: fees },
          { key: 'limits', label: '限购规定', children: limits },
        ]}
      />
      {dialog === 'price' && <PriceVersionDialog onClose={close} onDone={reload} />}
      {dialog === 'fee' && (
        <FormDialog<{ code: string; name: string; amount: string; active: boolean }>
          title={fee ? `修改收费项目 ${fee.code}` : '新建收费项目'}
          initialValues={
            fee
              ? {
                  code: fee.code,
                  name: fee.name,
                  amount: (fee.amountFen / 100).toFixed(2),
                  active: fee.active,
                }
              : { active: true }
          }
          onClose={close}
          onSubmit={async (v) => {
            await post('/admin/fee-items', {
              code: v.code,
              name: v.name,
              amountFen: fenOf(v.amount),
              active: v.active,
            });
            await reload();
          }}
        >
          <Form.Item name="code" label="项目代码" rules={[{ required: true, message: '请填写项目代码' }]}>
            <Input disabled={fee !== undefined} placeholder="如 METER_CHANGE" />
          </Form.Item>
          <Form.Item name="name" label="项目名称" rules={[{ required: true, message: '请填写项目名称' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="amount" label="金额（元）" rules={[{ required: true, message: '请填写金额' }]}>
            <Input inputMode="decimal" />
          </Form.Item>
          <Form.Item name="active" label="在用" valuePropName="checked">
            <Switch />
          </Form.Item>
        </FormDialog>
      )}
      {dialog === 'limits' && (
        <FormDialog<{ userClass: UserClass; perPurchase?: string; perMonth?: string; perYear?: string }>
          title="发布限购规定"
          initialValues={{ userClass: 'residential' }}
          onClose={close}
          onSubmit={async (v) => {
            const vol = (t?: string) => (t?.trim() ? (volumeOf(t) ?? Number.NaN) : null);
            await post('/admin/purchase-limits', {
              userClass: v.userClass,
              perPurchase: vol(v.perPurchase),
              perMonth: vol(v.perMonth),
              perYear: vol(v.perYear),
            });
            await reload();
          }}
        >
          <Form.Item name="userClass" label="用气性质">
            <Select showSearch={{ optionFilterProp: 'label' }} options={classOptions} />
          </Form.Item>
          {(['perPurchase', 'perMonth', 'perYear'] as const).map((k) => (
            <Form.Item
              key={k}
              name={k}
              label={`${{ perPurchase: '每次', perMonth: '每月', perYear: '每年' }[k]}限购（m³，空为不限）`}
            >
              <Input inputMode="decimal" />
            </Form.Item>
          ))}
        </FormDialog>
      )}
    </Space>
  );
}
