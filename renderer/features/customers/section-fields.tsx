/**
 * Field groups shared by several customer forms, as columns to place in a Row: 安检 (status, date) for 开户
 * and 修改档案; 合同 (number, signing date) for 开户 and 过户. Runtime: browser.
 */
import { Col, Form, Input, Select } from 'antd';
import { INSPECTION_STATUSES } from '../../../core/domain/customer';
import { useT } from '../../i18n';
import { DateInput } from './date-input';
import { rules } from './field-rules';

export function InspectionCols({ span }: { span: number }) {
  const t = useT();
  return (
    <>
      <Col span={span}>
        <Form.Item
          name={['inspection', 'status']}
          label={t.fields.inspectionStatus}
          required
          rules={rules.inspectionStatus}
        >
          <Select options={INSPECTION_STATUSES.map((s) => ({ value: s, label: t.inspectionStatuses[s] }))} />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name={['inspection', 'date']} label={t.fields.inspectionDate} rules={rules.inspectionDate}>
          <DateInput />
        </Form.Item>
      </Col>
    </>
  );
}

export function ContractCols({ span }: { span: number }) {
  const t = useT();
  return (
    <>
      <Col span={span}>
        <Form.Item name={['contract', 'no']} label={t.fields.contractNo} required rules={rules.contractNo}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item
          name={['contract', 'signedOn']}
          label={t.fields.contractSignedOn}
          required
          rules={rules.contractSignedOn}
        >
          <DateInput />
        </Form.Item>
      </Col>
    </>
  );
}
