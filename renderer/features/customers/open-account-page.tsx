/**
 * 开户: the whole customer file in one keyboard-first form (customers.open). Esc backs out to the search —
 * after asking, when something was typed. Runtime: browser.
 */
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { USER_CLASSES } from '../../../core/domain/customer';
import { type Installation, openCustomerInput } from '../../../core/contract';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useConfirm } from '../../shell/confirm';
import { useEnterNavigation } from '../../shell/enter-nav';
import { applyIssues, useFormErrors } from '../../shell/errors';
import { useNav } from '../../shell/nav';
import { useEscape } from '../../shell/shortcuts';
import { checkInput } from '../../shell/zod-rules';
import { AddressFields } from './address-fields';
import { ContractCols, InspectionCols } from './section-fields';
import { rules } from './field-rules';
import { MeterFields, NEW_METER } from './meter-fields';
import { initialOpenValues, type OpenValues, toOpenInput } from './open-account-model';
import { OwnerIdFields } from './owner-id-fields';
import { IntegerInput } from '../../shell/integer-input';
import { cardAddressParts } from '../idcard/card-address';
import { IdCardButton, IdCardPanel, useIdCardRead } from '../idcard/id-card-reader';

/** 开户 after a 零散报装's 置换通气: its applicant, address, 初装费 receipt and notes filled in. */
function fromInstallation(x: Installation): OpenValues {
  const fee = x.steps.find((st) => st.sale)?.sale;
  const gasOn = x.steps.find((st) => st.action === 'gasOn');
  const base = initialOpenValues();
  return {
    ...base,
    name: x.party.name,
    phone: x.party.phone,
    address: cardAddressParts(x.party.address),
    inspection: { status: 'normal', date: gasOn ? gasOn.at.slice(0, 10) : undefined },
    documents: { ...base.documents, connectionFeeInvoiceNo: fee?.receiptNo },
    notes: `零散报装 ${x.no}：${x.party.address}；${x.request}`.slice(0, 500),
  };
}

export function OpenAccountPage({ installation }: { installation?: Installation } = {}) {
  const t = useT();
  const nav = useNav();
  const { message } = AntApp.useApp();
  const confirm = useConfirm();
  const [form] = Form.useForm<OpenValues>();
  const [busy, setBusy] = useState(false);
  const onError = useFormErrors(form);
  const userClass = Form.useWatch('userClass', form);
  const idReader = useIdCardRead((card) => {
    // The card's name and number; its 住址 only into the address parts still empty (the clerk checks them).
    const typed = (form.getFieldValue('address') ?? {}) as Record<string, string | undefined>;
    const parts = Object.entries(cardAddressParts(card.address)).filter(([k, v]) => v && !typed[k]?.trim());
    form.setFieldsValue({ name: card.name, idNumber: card.idNumber, address: Object.fromEntries(parts) });
    void form.validateFields(['name', 'idNumber', ...parts.map(([k]) => ['address', k])]).catch(() => {});
    message.info(t.idCard.filled);
  });

  useEffect(() => {
    form.focusField('name');
  }, [form]);

  const submit = useCallback(async () => {
    if (busy) return;
    try {
      await form.validateFields();
    } catch (e) {
      const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) form.scrollToField(first.name, { block: 'center', focus: true });
      return;
    }
    const values = form.getFieldsValue(true) as OpenValues;
    // The card's photo goes with the file only where the company keeps photos, and only for the card's owner.
    const card = idReader.card;
    const keepPhoto =
      card?.storePhoto && card.photo && values.idNumber?.trim().toUpperCase() === card.idNumber;
    const input = {
      ...toOpenInput(values),
      ...(keepPhoto ? { idPhoto: card.photo! } : {}),
      ...(installation ? { installationId: installation.id } : {}),
    };
    const check = checkInput(openCustomerInput, input);
    if (!check.ok) {
      applyIssues(form, check.issues);
      message.error(t.errors.fixFields);
      return;
    }
    setBusy(true);
    try {
      const c = await api['customers.open'](input);
      message.success(fmt(t.open.success, { accountNo: c.accountNo }));
      nav.go({ name: 'customer', id: c.id, offerCard: true });
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  }, [busy, form, message, nav, onError, t, idReader.card, installation]);

  const onKeyDown = useEnterNavigation(() => void submit());

  const leave = useCallback(() => {
    if (!form.isFieldsTouched()) return nav.focusSearch();
    confirm({ title: t.open.leaveTitle, content: t.open.leaveContent, onOk: () => nav.focusSearch() });
  }, [form, confirm, nav, t]);
  useEscape(leave);

  return (
    <div className="page">
      <Space className="page-header" align="baseline">
        <Typography.Title level={3}>{t.open.title}</Typography.Title>
        <Typography.Text type="secondary">{t.open.keyboardHint}</Typography.Text>
      </Space>
      {installation && (
        <Alert
          type="info"
          showIcon
          data-testid="open-from-installation"
          message={fmt(t.installations.openBanner, { no: installation.no })}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={installation ? fromInstallation(installation) : initialOpenValues()}
        onKeyDownCapture={onKeyDown}
      >
        <IdCardPanel reader={idReader} />
        <Card
          title={t.open.ownerSection}
          size="small"
          className="form-section"
          extra={<IdCardButton reader={idReader} />}
        >
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item name="name" label={t.fields.name} required rules={rules.name}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="userClass" label={t.fields.userClass} required rules={rules.userClass}>
                <Select options={USER_CLASSES.map((c) => ({ value: c, label: t.userClasses[c] }))} />
              </Form.Item>
            </Col>
            <OwnerIdFields base={[]} userClass={userClass} classOf={(get) => get(['userClass'])} />
            <Col span={8}>
              <Form.Item name="phone" label={t.fields.phone} required rules={rules.phone}>
                <Input inputMode="tel" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="altPhone" label={t.fields.altPhone} rules={rules.altPhone}>
                <Input inputMode="tel" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                name="householdSize"
                label={t.fields.householdSize}
                required
                rules={rules.householdSize}
              >
                <IntegerInput className="full-width" />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title={t.open.addressSection} size="small" className="form-section">
          <AddressFields />
        </Card>
        <Card title={t.open.usageSection} size="small" className="form-section">
          <Row gutter={12}>
            <InspectionCols span={8} />
          </Row>
        </Card>
        <Card title={t.open.contractSection} size="small" className="form-section">
          <Row gutter={12}>
            <ContractCols span={8} />
            <Col span={8}>
              <Form.Item
                name="accountNo"
                label={t.fields.accountNo}
                extra={t.open.accountNoHint}
                rules={rules.accountNo}
              >
                <Input inputMode="numeric" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                name={['documents', 'connectionFeeInvoiceNo']}
                label={t.fields.invoiceNo}
                required
                rules={rules.invoiceNo}
              >
                <Input />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item
                name={['documents', 'registrationFormChecked']}
                valuePropName="checked"
                label={t.fields.documents}
                required
                rules={rules.registrationForm}
              >
                <Checkbox>{t.fields.registrationForm}</Checkbox>
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title={t.open.metersSection} size="small" className="form-section">
          <Form.List name="meters">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <fieldset key={field.key} className="meter-row">
                    <legend>{fmt(t.meter.row, { n: i + 1 })}</legend>
                    <MeterFields base={[field.name]} />
                    <Button size="small" danger onClick={() => remove(field.name)}>
                      {t.meter.remove}
                    </Button>
                  </fieldset>
                ))}
                <Button
                  type="dashed"
                  onClick={() => {
                    add({ ...NEW_METER });
                    window.setTimeout(() => form.focusField(['meters', fields.length, 'meterNo']));
                  }}
                >
                  {t.meter.add}
                </Button>
              </>
            )}
          </Form.List>
        </Card>
        <Card title={t.open.otherSection} size="small" className="form-section">
          <Form.Item name="notes" label={t.fields.notes} rules={rules.notes}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Card>
        <Space className="form-actions">
          <Button type="primary" size="large" loading={busy} onClick={() => void submit()}>
            {t.open.submit}
          </Button>
          <Button size="large" onClick={() => nav.go({ name: 'search' })}>
            {t.detail.back}
          </Button>
        </Space>
      </Form>
    </div>
  );
}
