/** 用气地址: district, community, building, unit, room (shared by 开户 and 修改档案). Runtime: browser. */
import { Col, Form, Input, Row } from 'antd';
import { useT } from '../../i18n';
import { rules } from './field-rules';

export function AddressFields() {
  const t = useT();
  return (
    <Row gutter={12}>
      <Col span={6}>
        <Form.Item name={['address', 'district']} label={t.fields.district} required rules={rules.district}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item
          name={['address', 'community']}
          label={t.fields.community}
          required
          rules={rules.community}
        >
          <Input />
        </Form.Item>
      </Col>
      <Col span={4}>
        <Form.Item name={['address', 'building']} label={t.fields.building} required rules={rules.building}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={4}>
        <Form.Item name={['address', 'unit']} label={t.fields.unit} rules={rules.unit}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={4}>
        <Form.Item name={['address', 'room']} label={t.fields.room} required rules={rules.room}>
          <Input />
        </Form.Item>
      </Col>
    </Row>
  );
}
