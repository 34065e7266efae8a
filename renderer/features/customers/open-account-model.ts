/** 开户 form values ↔ the contract's `customers.open` input. Runtime: browser. */
import type { OpInput } from '../../../core/contract';
import type { InspectionStatus, UserClass } from '../../../core/domain/customer';
import { todayIso } from '../../shell/format';
import { blankToUndefined } from '../../shell/zod-rules';
import { type MeterValues, toMeterInput } from './meter-fields';

export interface AddressValues {
  district?: string;
  community?: string;
  building?: string;
  unit?: string;
  room?: string;
}

export interface OpenValues {
  name?: string;
  userClass?: UserClass;
  idNumber?: string;
  creditCode?: string;
  phone?: string;
  altPhone?: string;
  address?: AddressValues;
  householdSize?: number | null;
  inspection?: { status?: InspectionStatus; date?: string };
  contract?: { no?: string; signedOn?: string };
  documents?: { connectionFeeInvoiceNo?: string; registrationFormChecked?: boolean };
  accountNo?: string;
  meters?: MeterValues[];
  notes?: string;
}

export function initialOpenValues(): OpenValues {
  return {
    userClass: 'residential',
    inspection: { status: 'normal' },
    contract: { signedOn: todayIso() },
    documents: { registrationFormChecked: false },
    meters: [],
  };
}

export function toAddressInput(a: AddressValues = {}) {
  return {
    district: a.district ?? '',
    community: a.community ?? '',
    building: a.building ?? '',
    ...(blankToUndefined(a.unit) ? { unit: a.unit } : {}),
    room: a.room ?? '',
  };
}

/** Blank optional fields are left out; required ones go as typed so the contract names what is missing. */
export function toOpenInput(v: OpenValues): OpInput<'customers.open'> {
  const residential = v.userClass === 'residential';
  const input = {
    name: v.name ?? '',
    userClass: v.userClass,
    idNumber: blankToUndefined(v.idNumber),
    creditCode: residential ? undefined : blankToUndefined(v.creditCode),
    phone: v.phone ?? '',
    altPhone: blankToUndefined(v.altPhone),
    address: toAddressInput(v.address),
    householdSize: v.householdSize ?? undefined,
    inspection: { status: v.inspection?.status, date: blankToUndefined(v.inspection?.date) },
    contract: { no: v.contract?.no ?? '', signedOn: v.contract?.signedOn ?? '' },
    documents: {
      connectionFeeInvoiceNo: v.documents?.connectionFeeInvoiceNo ?? '',
      registrationFormChecked: v.documents?.registrationFormChecked === true,
    },
    accountNo: blankToUndefined(v.accountNo),
    meters: (v.meters ?? []).map(toMeterInput),
    notes: blankToUndefined(v.notes),
  };
  return JSON.parse(JSON.stringify(input)) as OpInput<'customers.open'>;
}
