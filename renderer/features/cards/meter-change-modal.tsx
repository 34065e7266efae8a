/**
 * 换表 (meters.change): which old meter, its final remaining gas read from its display, the new meter and a
 * reason. Gas left in the old meter goes onto the customer's card (which must be in the reader) for the new
 * meter to load. Runtime: browser.
 */
import { Alert, Col, Form, Input, Row, Select } from 'antd';
import { useCallback } from 'react';
import type { Customer } from '../../../core/contract';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { isApiError, useErrorText, useFormErrors } from '../../shell/errors';
import { FormModal } from '../../shell/form-modal';
import { m3, maxVolume, volumeOf, volumeRule } from '../../shell/money';
import { rules } from '../customers/field-rules';
import { MeterFields, type MeterValues, NEW_METER, toMeterInput } from '../customers/meter-fields';
import { useTraining } from './devices';
import type { CardNotice } from './notice';
import { ReaderLine } from './reader-line';
import { announceReaderChange } from './reader-events';
import { useFlaggedCardApproval } from './use-flagged-card';
import { useLastTry } from './use-last-try';

interface Values {
  oldMeterNo?: string;
  finalRemaining?: string;
  newMeter?: MeterValues;
  reason?: string;
}

interface Props {
  customer: Customer;
  onDone(notice: CardNotice): void;
  onCancel(): void;
}

export function MeterChangeModal({ customer, onDone, onCancel }: Props) {
  const t = useT();
  const training = useTraining();
  const withLastTry = useLastTry();
  const { withApproval, dialog } = useFlaggedCardApproval();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrors(form);
  const errorText = useErrorText();
  const active = customer.meters.filter((m) => m.status === 'active');

  const submit = useCallback(
    async (v: Values) => {
      const finalRemaining = volumeOf(v.finalRemaining) ?? 0;
      try {
        // A card flagged after refusing its PSC: a 班长 approves the one attempt (use-flagged-card).
        const r = await withApproval((approval) =>
          withLastTry((confirmLastTry) =>
            api['meters.change']({
              customerId: customer.id,
              oldMeterNo: v.oldMeterNo ?? '',
              finalRemaining,
              newMeter: toMeterInput(v.newMeter ?? {}),
              reason: v.reason ?? '',
              confirmLastTry,
              ...(approval ? { approval } : {}),
            }),
          ),
        );
        if (!r) return;
        onDone({
          type: 'success',
          title:
            r.carried > 0 ? fmt(t.meterChange.carried, { volume: m3(r.carried) }) : t.meterChange.success,
        });
      } catch (e) {
        // The meter change is recorded; only its carry did not reach the card: owed, written later.
        if (isApiError(e, 'CARD_WRITE_FAILED') || isApiError(e, 'CARD_WRITE_UNCERTAIN'))
          onDone({
            type: 'warning',
            title: t.meterChange.carryOwed,
            lines: [fmt(t.meterChange.carryOwedHint, { reason: errorText(e) })],
          });
        else onError(e);
      } finally {
        announceReaderChange();
      }
    },
    [customer.id, errorText, onDone, onError, t, withApproval, withLastTry],
  );

  return (
    <FormModal
      title={fmt(t.common.dialogTitle, {
        action: t.meterChange.title,
        name: customer.name,
        accountNo: customer.accountNo,
      })}
      form={form}
      okText={t.meterChange.title}
      width={900}
      focusTrap={!training}
      initialValues={{ oldMeterNo: active[0]?.meterNo, finalRemaining: '0', newMeter: { ...NEW_METER } }}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item
            name="oldMeterNo"
            label={t.meterChange.oldMeter}
            required
            rules={[{ required: true, message: t.meterChange.oldMeterRequired }]}
          >
            <Select options={active.map((m) => ({ value: m.meterNo, label: m.meterNo }))} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item
            name="finalRemaining"
            label={t.meterChange.finalRemaining}
            extra={t.meterChange.finalRemainingHint}
            required
            rules={[
              volumeRule({
                invalid: t.money.invalidVolume,
                max: maxVolume(t, t.meterChange.finalRemaining),
              }),
            ]}
          >
            <Input inputMode="decimal" autoComplete="off" className="money-input" />
          </Form.Item>
        </Col>
      </Row>
      <Alert type="info" showIcon className="form-alert" title={t.meterChange.cardHint} />
      <ReaderLine expect={{ customerId: customer.id }} />
      <fieldset className="meter-row">
        <legend>{t.meterChange.newMeter}</legend>
        <MeterFields base={['newMeter']} />
      </fieldset>
      <Form.Item name="reason" label={t.fields.reason} required rules={rules.reason}>
        <Input placeholder={t.meterChange.reasonPlaceholder} maxLength={200} />
      </Form.Item>
      {dialog}
    </FormModal>
  );
}
