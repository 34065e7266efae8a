/**
 * The customer file's operations (一户一档): opening, changes through the status machine, 过户, meters.
 * A change carries the fields it changed (as the file's history shows them) and the whole file after it, and
 * the two must agree. Runtime: any.
 */
import { z } from 'zod';
import { customerSchema, meterSchema } from '../../contract/customers';
import { CUSTOMER_STATUSES, INSPECTION_STATUSES, USER_CLASSES } from '../../domain/customer';
import { defineOp, FROM_V1 } from './define';
import { id, int, isoTime, nstr, str } from './fields';

/** The file as the counter holds it (core/contract customerSchema), nothing more. */
export const customerFile = customerSchema.strict();
export type CustomerFile = z.output<typeof customerFile>;

/** The changed fields, named as the file's history names them (services/customers/customer-rows.ts). */
export const customerChanges = z.strictObject({
  name: str.optional(),
  idNumber: nstr.optional(),
  creditCode: nstr.optional(),
  phone: str.optional(),
  altPhone: nstr.optional(),
  /** The full address text; the parts are the file's. */
  address: str.optional(),
  householdSize: int.min(1).max(30).optional(),
  userClass: z.enum(USER_CLASSES).optional(),
  'inspection.status': z.enum(INSPECTION_STATUSES).optional(),
  'inspection.date': nstr.optional(),
  notes: nstr.optional(),
  status: z.enum(CUSTOMER_STATUSES).optional(),
  'contract.no': str.optional(),
  /** The meter numbers after the change, joined by 、 (meters are only ever added: see `meter`). */
  meters: str.optional(),
});
export type CustomerChanges = z.output<typeof customerChanges>;
export type ChangedField = keyof CustomerChanges;

/** A changed field's value as the whole file holds it. */
export function fileValue(c: CustomerFile, field: ChangedField): unknown {
  switch (field) {
    case 'address':
      return c.fullAddress;
    case 'inspection.status':
      return c.inspection.status;
    case 'inspection.date':
      return c.inspection.date;
    case 'contract.no':
      return c.contract.no;
    case 'meters':
      return c.meters.map((m) => m.meterNo).join('、');
    default:
      return c[field];
  }
}

/** A meter row as registered at the counter. */
export const meterRow = meterSchema.extend({ customerId: id, createdAt: isoTime }).strict();

const change = z.strictObject({
  id,
  /** The file's version after the change. */
  version: int,
  changes: customerChanges,
  reason: str,
  customer: customerFile,
});

type Change = z.output<typeof change>;

/** The payload's parts agree: its id is the file's, and each changed field has the file's value after it. */
function agrees(p: Change, ctx: z.RefinementCtx): void {
  if (p.customer.id !== p.id)
    ctx.addIssue({ code: 'custom', path: ['customer', 'id'], message: '档案编号与修改对象不符' });
  for (const [field, value] of Object.entries(p.changes))
    if (
      JSON.stringify(fileValue(p.customer, field as ChangedField) ?? null) !== JSON.stringify(value ?? null)
    )
      ctx.addIssue({ code: 'custom', path: ['changes', field], message: `修改内容与档案不符：${field}` });
}

/** The status a status-machine operation must leave the file in. */
const toStatus = (status: (typeof CUSTOMER_STATUSES)[number]) => (p: Change, ctx: z.RefinementCtx) => {
  if (p.changes.status !== status)
    ctx.addIssue({ code: 'custom', path: ['changes', 'status'], message: `状态应改为 ${status}` });
};

/** 修改档案 never changes the status, the owner or the contract (those have their own operations). */
const EDITABLE = new Set<string>([
  'phone',
  'altPhone',
  'address',
  'householdSize',
  'userClass',
  'inspection.status',
  'inspection.date',
  'notes',
]);

/** The operations that change a customer's file after its opening. */
export const CUSTOMER_CHANGE_TYPES = [
  'customer.updated',
  'customer.suspended',
  'customer.resumed',
  'customer.closed',
  'customer.transferred',
  'customer.meterAdded',
  'meter.changed',
] as const;
export type CustomerChangeType = (typeof CUSTOMER_CHANGE_TYPES)[number];

const customerOp = { entityType: 'customer', authority: 'hall', headOffice: 'applies' } as const;
const byId = (p: { id: string }) => p.id;

export const customerOps = [
  defineOp({
    type: 'customer.opened',
    version: 2,
    ...customerOp,
    entityId: byId,
    summary: '开户：新建用户档案（含表具）',
    schema: customerFile,
    upgrades: FROM_V1,
  }),
  defineOp({
    type: 'customer.updated',
    version: 2,
    ...customerOp,
    entityId: byId,
    summary: '修改档案（电话、地址、人口、用气性质、安检、备注）',
    schema: change.superRefine(agrees).superRefine((p, ctx) => {
      for (const f of Object.keys(p.changes))
        if (!EDITABLE.has(f))
          ctx.addIssue({ code: 'custom', path: ['changes', f], message: `修改档案不能改 ${f}` });
    }),
    upgrades: FROM_V1,
  }),
  defineOp({
    type: 'customer.suspended',
    version: 2,
    ...customerOp,
    entityId: byId,
    summary: '停用',
    schema: change.superRefine(agrees).superRefine(toStatus('suspended')),
    upgrades: FROM_V1,
  }),
  defineOp({
    type: 'customer.resumed',
    version: 2,
    ...customerOp,
    entityId: byId,
    summary: '启用',
    schema: change.superRefine(agrees).superRefine(toStatus('active')),
    upgrades: FROM_V1,
  }),
  defineOp({
    type: 'customer.closed',
    version: 2,
    ...customerOp,
    entityId: byId,
    summary: '销户（班长审批）',
    schema: change.superRefine(agrees).superRefine(toStatus('closed')),
    upgrades: FROM_V1,
  }),
  defineOp({
    type: 'customer.transferred',
    version: 2,
    ...customerOp,
    entityId: byId,
    summary: '过户：新户主、新合同',
    schema: change.superRefine(agrees),
    upgrades: FROM_V1,
  }),
  defineOp({
    type: 'customer.meterAdded',
    version: 2,
    ...customerOp,
    entityId: byId,
    summary: '登记表具',
    schema: change.extend({ meter: meterRow }).superRefine(agrees),
    upgrades: FROM_V1,
  }),
  defineOp({
    type: 'meter.changed',
    version: 2,
    ...customerOp,
    entityId: byId,
    summary: '换表：旧表拆除、新表登记，剩余气量结转到卡上',
    schema: change.extend({ meter: meterRow, oldMeterNo: str, carried: int.min(0) }).superRefine(agrees),
    upgrades: FROM_V1,
  }),
] as const;
