/**
 * Form rules of the customer file, each from the contract's own schema (core/contract), so that every
 * message under a field is the contract's message. Runtime: browser.
 */
import type { FormRule } from 'antd';
import {
  accountNoSchema,
  addressSchema,
  creditCodeSchema,
  editableFields,
  meterInputSchema,
  openCustomerInput,
  phoneSchema,
  reasonSchema,
  residentIdSchema,
} from '../../../core/contract';
import type { Dict } from '../../i18n';
import { isBlank, zodRule } from '../../shell/zod-rules';

type NamePath = (string | number)[];
type Get = (name: NamePath) => unknown;

const a = addressSchema.shape;
const m = meterInputSchema.shape;
const e = editableFields.shape;
const o = openCustomerInput.shape;

export const rules = {
  name: [zodRule(o.name)],
  phone: [zodRule(phoneSchema)],
  altPhone: [zodRule(phoneSchema, { optional: true })],
  district: [zodRule(a.district)],
  community: [zodRule(a.community)],
  building: [zodRule(a.building)],
  unit: [zodRule(a.unit)],
  room: [zodRule(a.room)],
  householdSize: [zodRule(e.householdSize)],
  userClass: [zodRule(e.userClass)],
  inspectionStatus: [zodRule(e.inspection.shape.status)],
  inspectionDate: [zodRule(e.inspection.shape.date, { optional: true })],
  notes: [zodRule(e.notes)],
  contractNo: [zodRule(o.contract.shape.no)],
  contractSignedOn: [zodRule(o.contract.shape.signedOn)],
  invoiceNo: [zodRule(o.documents.shape.connectionFeeInvoiceNo)],
  registrationForm: [zodRule(o.documents.shape.registrationFormChecked)],
  accountNo: [zodRule(accountNoSchema, { optional: true })],
  meterNo: [zodRule(m.meterNo)],
  maker: [zodRule(m.maker)],
  model: [zodRule(m.model)],
  cardType: [zodRule(m.cardType)],
  installedOn: [zodRule(m.installedOn, { optional: true })],
  reason: [zodRule(reasonSchema)],
} satisfies Record<string, FormRule[]>;

function firstMessage(r: {
  success: boolean;
  error?: { issues: { message: string }[] };
}): string | undefined {
  return r.success ? undefined : r.error?.issues[0]?.message;
}

/** 身份证号: required for 居民 (the contract's cross-field rule), checked with residentIdSchema when given. */
export function idNumberRule(t: Dict, classOf: (get: Get) => unknown): FormRule {
  return ({ getFieldValue }) => ({
    validator: async (_r, value: unknown) => {
      if (isBlank(value)) {
        if (classOf(getFieldValue) === 'residential') throw new Error(t.open.idRequired);
        return;
      }
      const msg = firstMessage(residentIdSchema.safeParse(value));
      if (msg) throw new Error(msg);
    },
  });
}

/** 统一社会信用代码: non-residential users need it unless an agent's resident ID is given. */
export function creditCodeRule(t: Dict, classOf: (get: Get) => unknown, idPath: NamePath): FormRule {
  return ({ getFieldValue }) => ({
    validator: async (_r, value: unknown) => {
      if (isBlank(value)) {
        const cls = classOf(getFieldValue);
        if (cls && cls !== 'residential' && isBlank(getFieldValue(idPath)))
          throw new Error(t.open.ownerIdRequired);
        return;
      }
      const msg = firstMessage(creditCodeSchema.safeParse(value));
      if (msg) throw new Error(msg);
    },
  });
}
