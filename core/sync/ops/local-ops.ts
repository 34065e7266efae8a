/**
 * A counter's local records: its set-up, its own staff accounts, settings, invoice ranges, reprints, and the
 * prices, fee items and limits an administrator made at the counter. Head office keeps them in the counter's
 * ledger and applies none of them: staff, prices, fees and limits every counter uses are head office's own
 * (published on the feed), and a sale is checked against head office's prices, never a counter's.
 * Runtime: any.
 */
import { z } from 'zod';
import { feeItemSchema, limitsSchema, priceVersionSchema } from '../../contract/prices';
import { printerSettingsSchema } from '../../contract/printing';
import { invoiceRangeSchema } from '../../contract/sales';
import { serviceLimitsSchema } from '../../contract/installations';
import { settingsSchema } from '../../contract/system';
import { DEFAULT_SHIFT_TOLERANCE } from '../../domain/cash';
import { DEFAULT_VERIFY_URL } from '../../receipts/receipt-qr';
import { ROLES } from '../../domain/roles';
import { defineOp, FROM_V1, SAME_SHAPE } from './define';
import { cardNo, id, int, nid, str } from './fields';

const local = { authority: 'local', headOffice: 'stores' } as const;
const staffRef = z.strictObject({ staffId: id });
const byStaff = (p: { staffId: string }) => p.staffId;
const roles = z.array(z.enum(ROLES)).min(1);

export const localOps = [
  defineOp({
    type: 'counter.initialized',
    version: 2,
    entityType: 'counter',
    ...local,
    entityId: (p) => p.counterId,
    summary: '柜台初始化（网点、柜台）',
    schema: z.strictObject({
      counterId: id,
      hallCode: str,
      hallName: str,
      counterCode: str,
      counterName: str,
      demo: z.boolean(),
    }),
    upgrades: FROM_V1,
  }),
  defineOp({
    type: 'staff.created',
    version: 3,
    entityType: 'staff',
    ...local,
    entityId: (p) => p.id,
    summary: '新建本柜台员工账号（口令不出柜台；可兼任多个岗位）',
    schema: z.strictObject({ id, username: str, displayName: str, roles }),
    // Version 2 named one role; a person now holds one or several.
    upgrades: { ...FROM_V1, 2: ({ role, ...rest }) => ({ ...rest, roles: [role] }) },
  }),
  defineOp({
    type: 'staff.rolesChanged',
    version: 1,
    entityType: 'staff',
    ...local,
    entityId: byStaff,
    summary: '管理员调整员工岗位',
    schema: staffRef.extend({ roles }),
    upgrades: {},
  }),
  defineOp({
    type: 'staff.passwordReset',
    version: 2,
    entityType: 'staff',
    ...local,
    entityId: byStaff,
    summary: '管理员重置员工口令',
    schema: staffRef,
    upgrades: FROM_V1,
  }),
  defineOp({
    type: 'staff.passwordChanged',
    version: 2,
    entityType: 'staff',
    ...local,
    entityId: byStaff,
    summary: '员工修改自己的口令',
    schema: staffRef,
    upgrades: FROM_V1,
  }),
  ...(['staff.enabled', 'staff.disabled'] as const).map((type) =>
    defineOp({
      type,
      version: 2,
      entityType: 'staff',
      ...local,
      entityId: byStaff,
      summary: type === 'staff.enabled' ? '启用员工账号' : '停用员工账号',
      schema: staffRef.extend({ active: z.boolean() }),
      upgrades: FROM_V1,
    }),
  ),
  defineOp({
    type: 'settings.updated',
    version: 3,
    entityType: 'counter',
    ...local,
    entityId: () => 'settings',
    summary: '柜台设置（锁屏时间、交班差额允许范围）',
    schema: settingsSchema.strict(),
    // Before version 3 there was no tolerance setting: the default was in force.
    upgrades: { 1: SAME_SHAPE, 2: (old) => ({ ...old, shiftTolerance: DEFAULT_SHIFT_TOLERANCE }) },
  }),
  defineOp({
    type: 'settings.printer',
    version: 3,
    entityType: 'counter',
    ...local,
    entityId: () => 'printer',
    summary: '收据打印机设置（含收据验真网址）',
    schema: printerSettingsSchema.strict(),
    // Before version 3 there was no verification address: receipts linked to the default one.
    upgrades: { 1: SAME_SHAPE, 2: (old) => ({ ...old, verifyUrl: DEFAULT_VERIFY_URL }) },
  }),
  defineOp({
    type: 'settings.reader',
    version: 2,
    entityType: 'counter',
    ...local,
    entityId: () => 'reader',
    summary: '读卡器设置（空为停用）',
    schema: z.strictObject({ spec: str.nullable() }),
    upgrades: FROM_V1,
  }),
  defineOp({
    type: 'settings.idcardReader',
    version: 1,
    entityType: 'counter',
    ...local,
    entityId: () => 'idcardReader',
    summary: '身份证阅读器设置（空为停用）与是否保存证件照片',
    schema: z.strictObject({ spec: str.nullable(), storePhoto: z.boolean() }),
    upgrades: {},
  }),
  defineOp({
    type: 'invoice.rangeAdded',
    version: 2,
    entityType: 'invoice_range',
    ...local,
    entityId: (p) => p.id,
    summary: '登记发票号段',
    schema: invoiceRangeSchema.strict(),
    upgrades: FROM_V1,
  }),
  defineOp({
    type: 'receipt.reprinted',
    version: 2,
    entityType: 'receipt',
    ...local,
    entityId: (p) => p.docId,
    summary: '重打收据或报表',
    schema: z.strictObject({ kind: str, docId: str, copyNo: int.min(2) }),
    upgrades: FROM_V1,
  }),
  defineOp({
    type: 'price.created',
    version: 2,
    entityType: 'price_version',
    ...local,
    entityId: (p) => p.id,
    summary: '柜台自建气价版本（单机使用；总部只认总部发布的气价）',
    schema: priceVersionSchema.strict(),
    upgrades: FROM_V1,
  }),
  ...(['fee.created', 'fee.changed'] as const).map((type) =>
    defineOp({
      type,
      version: 2,
      entityType: 'fee_item',
      ...local,
      entityId: (p) => p.id,
      summary: type === 'fee.created' ? '柜台自建收费项目' : '柜台修改收费项目',
      schema: feeItemSchema.strict(),
      upgrades: FROM_V1,
    }),
  ),
  defineOp({
    type: 'settings.serviceLimits',
    version: 1,
    entityType: 'counter',
    ...local,
    entityId: () => 'serviceLimits',
    summary: '柜台服务时限（零散报装各步的工作日时限、安检周期）',
    schema: z.strictObject({
      install: serviceLimitsSchema.shape.install.strict(),
      inspectionPeriodDays: serviceLimitsSchema.shape.inspectionPeriodDays,
    }),
    upgrades: {},
  }),
  defineOp({
    type: 'settings.publicity',
    version: 1,
    entityType: 'counter',
    ...local,
    entityId: () => 'publicity',
    summary: '收据上的安全提示和服务热线',
    schema: z.strictObject({ hotline: str, notice: str }),
    upgrades: {},
  }),
  defineOp({
    type: 'limits.saved',
    version: 2,
    entityType: 'purchase_limits',
    ...local,
    entityId: (p) => p.userClass,
    summary: '柜台自设购气限额',
    schema: limitsSchema.strict(),
    upgrades: FROM_V1,
  }),
  defineOp({
    type: 'meter.carryRetried',
    version: 1,
    entityType: 'customer',
    ...local,
    entityId: (p) => p.customerId,
    summary: '换表结转重新写卡：未写上卡的结转气量以新的购气次数写卡（写卡结果见 card.written）',
    schema: z.strictObject({
      customerId: id,
      cardNo,
      retryOf: id,
      purchaseCount: int.min(1),
      volume: int.min(1),
    }),
    upgrades: {},
  }),
  ...(['card.pscRefused', 'card.pscAccepted'] as const).map((type) =>
    defineOp({
      type,
      version: 1,
      entityType: 'card',
      ...local,
      entityId: (p) => p.cardNo,
      summary:
        type === 'card.pscRefused'
          ? '卡密码校验未通过：该卡被标记，须班长审批才能再试'
          : '班长审批后卡密码校验通过：解除该卡的标记',
      schema: z.strictObject({
        cardNo,
        customerId: nid,
        saleId: nid,
        triesLeft: int.min(0).max(3),
        approverId: nid,
      }),
      upgrades: {},
    }),
  ),
] as const;
