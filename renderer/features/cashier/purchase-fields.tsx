/** 按气量 / 按金额 and the figure, plus 使用结余 when there is a balance. Inside the sale form. */
import { Checkbox, Form, Input, type InputRef, Radio, Space } from 'antd';
import type { Ref } from 'react';
import { useT } from '../../i18n';
import { maxVolume, maxYuan, volumeRule, yuanRule } from '../../shell/money';

export interface PurchaseValues {
  by: 'volume' | 'money';
  figure?: string;
  useBalance: boolean;
}

export function PurchaseFields({
  by,
  hasBalance,
  figureRef,
}: {
  by: 'volume' | 'money';
  hasBalance: boolean;
  figureRef: Ref<InputRef>;
}) {
  const t = useT();
  const min = { value: 1, message: by === 'volume' ? t.money.invalidVolume : t.money.invalidYuan };
  return (
    <Space align="start" wrap className="purchase-fields">
      <Form.Item name="by" label={t.sale.by}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          aria-label={t.sale.by}
          options={[
            { value: 'volume', label: t.sale.byVolume },
            { value: 'money', label: t.sale.byMoney },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="figure"
        label={by === 'volume' ? t.sale.volumeLabel : t.sale.moneyLabel}
        required
        rules={[
          by === 'volume'
            ? volumeRule({ invalid: t.money.invalidVolume, min, max: maxVolume(t, t.sale.volumeLabel) })
            : yuanRule({ invalid: t.money.invalidYuan, min, max: maxYuan(t, t.sale.moneyLabel) }),
        ]}
      >
        <Input ref={figureRef} inputMode="decimal" autoComplete="off" className="figure-input" size="large" />
      </Form.Item>
      {hasBalance && (
        <Form.Item name="useBalance" valuePropName="checked" label=" " colon={false}>
          <Checkbox>{t.sale.useBalance}</Checkbox>
        </Form.Item>
      )}
    </Space>
  );
}
