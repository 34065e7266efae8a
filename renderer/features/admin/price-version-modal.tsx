/** 调价: a new price version (prices.create) with its tiers and a supervisor's approval. Runtime: browser. */
import { App as AntApp, Button, Col, Form, Input, Row, Select } from 'antd';
import { useCallback } from 'react';
import { contract, priceVersionInput } from '../../../core/contract';
import { USER_CLASSES, type UserClass } from '../../../core/domain/customer';
import { api } from '../../api/client';
import { fmt, useI18n } from '../../i18n';
import { type ApprovalValues, ApprovalFields, showApprovalError } from '../../shell/approval-fields';
import { applyIssues, isApiError, useFormErrors } from '../../shell/errors';
import { FormModal } from '../../shell/form-modal';
import { todayIso } from '../../shell/format';
import { priceRule, volumeRule } from '../../shell/money';
import { checkInput, zodRule } from '../../shell/zod-rules';
import { badBoundRow, type TierText, toTiers } from './price-model';
import { IntegerInput } from '../../shell/integer-input';

interface Values {
  userClass: UserClass;
  effectiveFrom: string;
  baseHouseholdSize: number;
  periodStart: string;
  tiers: TierText[];
  note?: string;
  approval?: ApprovalValues;
}

const v = priceVersionInput;

/** Contract paths (version.tiers.1.width) → form paths (tiers.1.bound). */
const toForm = (path: (string | number)[]) => {
  const p = path[0] === 'version' ? path.slice(1) : path;
  return p[0] === 'tiers' && p[2] === 'width'
    ? ['tiers', p[1]!, 'bound']
    : p[0] === 'tiers' && p[2] === 'priceLi'
      ? ['tiers', p[1]!, 'price']
      : p;
};

export function PriceVersionModal({ onDone, onCancel }: { onDone(): void; onCancel(): void }) {
  const { t, lang } = useI18n();
  const p = t.prices;
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrors(form, toForm);

  const submit = useCallback(
    async (values: Values) => {
      const bad = badBoundRow(values.tiers);
      if (bad !== undefined) {
        form.setFields([{ name: ['tiers', bad, 'bound'], errors: [p.boundOrder] }]);
        return;
      }
      const tiers = toTiers(values.tiers);
      if (!tiers) return;
      const input = {
        version: {
          userClass: values.userClass,
          effectiveFrom: values.effectiveFrom?.trim(),
          baseHouseholdSize: values.baseHouseholdSize,
          periodStart: values.periodStart?.trim(),
          tiers,
          note: values.note ?? '',
        },
        ...(values.approval ? { approval: values.approval } : {}),
      };
      const check = checkInput(contract['prices.create'].input, input);
      if (!check.ok) return void applyIssues(form, check.issues, toForm);
      try {
        const created = await api['prices.create'](input);
        message.success(fmt(p.created, { date: created.effectiveFrom }));
        onDone();
      } catch (e) {
        if (isApiError(e, 'APPROVAL_INVALID') || isApiError(e, 'APPROVAL_REQUIRED'))
          showApprovalError(form, lang === 'en' ? e.body.messageEn : e.body.message);
        onError(e);
      }
    },
    [form, lang, message, onDone, onError, p],
  );

  return (
    <FormModal
      title={p.create}
      form={form}
      width={760}
      initialValues={{
        userClass: 'residential',
        effectiveFrom: todayIso(),
        baseHouseholdSize: 4,
        periodStart: '01-01',
        tiers: [{}, {}, {}],
      }}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="userClass" label={p.userClass} required>
            <Select options={USER_CLASSES.map((c) => ({ value: c, label: t.userClasses[c] }))} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item
            name="effectiveFrom"
            label={p.effectiveFrom}
            required
            rules={[zodRule(v.shape.effectiveFrom)]}
          >
            <Input placeholder={t.open.datePlaceholder} maxLength={10} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item
            name="baseHouseholdSize"
            label={p.baseHouseholdSize}
            required
            rules={[zodRule(v.shape.baseHouseholdSize)]}
          >
            <IntegerInput className="full-width" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="periodStart" label={p.periodStart} required rules={[zodRule(v.shape.periodStart)]}>
            <Input placeholder={p.periodStartPlaceholder} maxLength={5} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Form.List name="tiers">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => {
              const last = i === fields.length - 1;
              const invalid = { invalid: t.money.invalidVolume };
              return (
                <fieldset key={field.key} className="meter-row">
                  <legend>{fmt(p.tierRow, { n: i + 1 })}</legend>
                  <Row gutter={12} align="bottom">
                    <Col span={7}>
                      {last ? (
                        <Form.Item label={p.bound}>
                          <span className="tender-fixed">{p.lastOpen}</span>
                        </Form.Item>
                      ) : (
                        <Form.Item
                          name={[field.name, 'bound']}
                          label={p.bound}
                          required
                          rules={[
                            volumeRule({ ...invalid, min: { value: 1, message: t.money.invalidVolume } }),
                          ]}
                        >
                          <Input inputMode="decimal" autoComplete="off" />
                        </Form.Item>
                      )}
                    </Col>
                    <Col span={6}>
                      <Form.Item
                        name={[field.name, 'price']}
                        label={p.price}
                        required
                        rules={[
                          priceRule({
                            invalid: t.money.invalidPrice,
                            min: { value: 1, message: t.money.invalidPrice },
                          }),
                        ]}
                      >
                        <Input inputMode="decimal" autoComplete="off" />
                      </Form.Item>
                    </Col>
                    <Col span={7}>
                      <Form.Item
                        name={[field.name, 'extra']}
                        label={p.extra}
                        rules={[volumeRule({ ...invalid, optional: true })]}
                      >
                        <Input inputMode="decimal" autoComplete="off" />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      {fields.length > 1 && (
                        <Form.Item>
                          <Button danger onClick={() => remove(field.name)}>
                            {p.removeTier}
                          </Button>
                        </Form.Item>
                      )}
                    </Col>
                  </Row>
                </fieldset>
              );
            })}
            {fields.length < 6 && (
              <Button type="dashed" className="form-section" onClick={() => add({})}>
                {p.addTier}
              </Button>
            )}
          </>
        )}
      </Form.List>
      <Form.Item name="note" label={p.note} required rules={[zodRule(v.shape.note, { emptyAs: '' })]}>
        <Input maxLength={100} />
      </Form.Item>
      <ApprovalFields />
    </FormModal>
  );
}
