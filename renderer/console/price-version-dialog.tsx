/**
 * 发布气价版本: a user class's tiers from a date — each tier's size (m³ for a household of the base size, the
 * last open), its price (元/m³) and the m³ each person above the base size adds. Sent in integer units (0.01
 * m³, 厘/m³); head office checks the tiers and refuses a second version of a class on the same date.
 * Runtime: browser.
 */
import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { USER_CLASS_ZH, USER_CLASSES, type UserClass } from '../../core/domain/customer';
import { priceLiOf, volumeOf } from '../shell/money';
import { post } from './api';
import { FormDialog } from './form-dialog';

interface TierText {
  width?: string;
  price?: string;
  extra?: string;
}
interface Values {
  userClass: UserClass;
  effectiveFrom: string;
  baseHouseholdSize: number;
  periodStart: string;
  note: string;
  tiers: TierText[];
}

export function PriceVersionDialog({ onClose, onDone }: { onClose(): void; onDone(): Promise<void> }) {
  return (
    <FormDialog<Values>
      title="发布气价版本"
      okText="发布"
      initialValues={{ userClass: 'residential', baseHouseholdSize: 4, periodStart: '01-01', tiers: [{}] }}
      onClose={onClose}
      onSubmit={async (v) => {
        await post('/admin/price-versions', {
          userClass: v.userClass,
          effectiveFrom: v.effectiveFrom?.trim(),
          baseHouseholdSize: v.baseHouseholdSize,
          periodStart: v.periodStart?.trim(),
          note: v.note ?? '',
          tiers: v.tiers.map((t) => ({
            width: t.width?.trim() ? (volumeOf(t.width) ?? -1) : null,
            priceLi: priceLiOf(t.price) ?? 0,
            extraPerPerson: t.extra?.trim() ? (volumeOf(t.extra) ?? -1) : 0,
          })),
        });
        await onDone();
      }}
    >
      <Form.Item name="userClass" label="用气性质">
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={USER_CLASSES.map((c) => ({ value: c, label: USER_CLASS_ZH[c] }))}
        />
      </Form.Item>
      <Form.Item
        name="effectiveFrom"
        label="生效日期"
        rules={[{ required: true, message: '请填写生效日期' }]}
      >
        <Input placeholder="2027-01-01" />
      </Form.Item>
      <Space>
        <Form.Item name="baseHouseholdSize" label="基准户人口">
          <InputNumber min={1} max={20} />
        </Form.Item>
        <Form.Item name="periodStart" label="计价周期起（月-日）">
          <Input style={{ width: 100 }} />
        </Form.Item>
      </Space>
      <Form.List name="tiers">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Space key={f.key} align="baseline">
                <Form.Item name={[f.name, 'width']} label={`第${i + 1}档上限（m³，末档空）`}>
                  <Input style={{ width: 120 }} inputMode="decimal" />
                </Form.Item>
                <Form.Item name={[f.name, 'price']} label="单价（元/m³）">
                  <Input style={{ width: 100 }} inputMode="decimal" />
                </Form.Item>
                <Form.Item name={[f.name, 'extra']} label="每多一人加（m³）">
                  <Input style={{ width: 100 }} inputMode="decimal" />
                </Form.Item>
                {fields.length > 1 && (
                  <Button size="small" onClick={() => remove(f.name)}>
                    删去
                  </Button>
                )}
              </Space>
            ))}
            {fields.length < 6 && <Button onClick={() => add({})}>加一档</Button>}
          </>
        )}
      </Form.List>
      <Form.Item name="note" label="调价说明">
        <Input />
      </Form.Item>
    </FormDialog>
  );
}
