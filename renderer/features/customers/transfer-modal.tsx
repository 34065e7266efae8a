/** 过户 (customers.transfer): new owner, new contract, reason. Runtime: browser. */
import { App as AntApp, Col, Divider, Form, Input, Row } from 'antd';
import { useCallback } from 'react';
import type { OpInput } from '../../../core/contract';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useFormErrors } from '../../shell/errors';
import { FormModal } from '../../shell/form-modal';
import { todayIso } from '../../shell/format';
import { blankToUndefined } from '../../shell/zod-rules';
import { ContractCols } from './section-fields';
import type { ChangeModalProps } from './edit-customer-modal';
import { rules } from './field-rules';
import { OwnerIdFields } from './owner-id-fields';
import { IdCardButton, IdCardPanel, useIdCardRead } from '../idcard/id-card-reader';

interface Values {
  newOwner?: { name?: string; idNumber?: string; creditCode?: string; phone?: string };
  contract?: { no?: string; signedOn?: string };
  reason?: string;
}

export function TransferModal({ customer, onDone, onCancel }: ChangeModalProps) {
  const t = useT();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrors(form);
  const idReader = useIdCardRead((card) => {
    form.setFieldsValue({ newOwner: { name: card.name, idNumber: card.idNumber } });
    void form
      .validateFields([
        ['newOwner', 'name'],
        ['newOwner', 'idNumber'],
      ])
      .catch(() => {});
    message.info(t.idCard.filledTransfer);
  });

  const submit = useCallback(
    async (v: Values) => {
      const o = v.newOwner ?? {};
      const input: OpInput<'customers.transfer'> = {
        id: customer.id,
        expectedVersion: customer.version,
        newOwner: {
          name: o.name ?? '',
          idNumber: blankToUndefined(o.idNumber),
          creditCode: customer.userClass === 'residential' ? undefined : blankToUndefined(o.creditCode),
          phone: o.phone ?? '',
        },
        contract: { no: v.contract?.no ?? '', signedOn: v.contract?.signedOn ?? '' },
        reason: v.reason ?? '',
      };
      try {
        const updated = await api['customers.transfer'](input);
        message.success(t.transfer.success);
        onDone(updated);
      } catch (e) {
        onError(e);
      }
    },
    [customer, message, onDone, onError, t],
  );

  return (
    <FormModal
      title={fmt(t.common.dialogTitle, {
        action: t.transfer.title,
        name: customer.name,
        accountNo: customer.accountNo,
      })}
      form={form}
      initialValues={{ contract: { signedOn: todayIso() } }}
      width={760}
      okText={t.transfer.title}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Divider titlePlacement="start">{t.transfer.newOwner}</Divider>
      <IdCardButton reader={idReader} />
      <IdCardPanel reader={idReader} />
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name={['newOwner', 'name']} label={t.fields.name} required rules={rules.name}>
            <Input />
          </Form.Item>
        </Col>
        <OwnerIdFields
          base={['newOwner']}
          userClass={customer.userClass}
          classOf={() => customer.userClass}
        />
        <Col span={8}>
          <Form.Item name={['newOwner', 'phone']} label={t.fields.phone} required rules={rules.phone}>
            <Input inputMode="tel" />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">{t.transfer.newContract}</Divider>
      <Row gutter={12}>
        <ContractCols span={12} />
      </Row>
      <Form.Item name="reason" label={t.fields.reason} required rules={rules.reason}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
