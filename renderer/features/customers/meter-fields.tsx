/** One meter's fields (表号, 表厂, 型号, 卡类型, 安装日期), for 开户's list and for 登记表具. Runtime: browser. */
import { Col, Form, Input, Row } from 'antd';
import { useT } from '../../i18n';
import { DateInput } from './date-input';
import { rules } from './field-rules';

export interface MeterValues {
  meterNo?: string;
  maker?: string;
  model?: string;
  cardType?: string;
  installedOn?: string;
}

export const NEW_METER: MeterValues = { cardType: 'SLE4442' };

/** `base` is the name prefix: [index] inside a Form.List, or ['meter']. */
export function MeterFields({ base }: { base: (string | number)[] }) {
  const t = useT();
  return (
    <Row gutter={12}>
      <Col span={6}>
        <Form.Item name={[...base, 'meterNo']} label={t.meter.meterNo} required rules={rules.meterNo}>
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
      <Col span={5}>
        <Form.Item name={[...base, 'maker']} label={t.meter.maker} required rules={rules.maker}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={5}>
        <Form.Item name={[...base, 'model']} label={t.meter.model} required rules={rules.model}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={4}>
        <Form.Item name={[...base, 'cardType']} label={t.meter.cardType} required rules={rules.cardType}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={4}>
        <Form.Item name={[...base, 'installedOn']} label={t.meter.installedOn} rules={rules.installedOn}>
          <DateInput />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** Form values → the contract's meter input (blank optional date left out). */
export function toMeterInput(v: MeterValues) {
  return {
    meterNo: v.meterNo ?? '',
    maker: v.maker ?? '',
    model: v.model ?? '',
    cardType: v.cardType ?? '',
    ...(v.installedOn?.trim() ? { installedOn: v.installedOn.trim() } : {}),
  };
}
