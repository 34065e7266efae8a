/**
 * Each kind's row as the value written: the counter's rules for every field (ID numbers by GB 11643, phones,
 * the address parts, user class, household size, meter numbers), money as integer fen, volumes in 0.01 m³.
 * Runtime: Node.
 */
import { z } from 'zod';
import { trimmed } from '../../core/contract/common';
import {
  accountNoSchema,
  addressSchema,
  creditCodeSchema,
  meterNoSchema,
  missingOwnerId,
  phoneSchema,
  residentIdSchema,
} from '../../core/contract/customer-fields';
import {
  type CustomerStatus,
  formatAddress,
  type InspectionStatus,
  type UserClass,
} from '../../core/domain/customer';
import { ROLE_ZH, ROLES, type Role } from '../../core/domain/roles';
import { staffInputSchema } from '../../core/sync/wire-admin';
import type { RowReader } from './row-fields';
import type { ImportKind } from './templates';

const USER_CLASS_WORDS: Record<string, UserClass> = {
  居民: 'residential',
  公福: 'public_welfare',
  商业: 'commercial',
  工业: 'industrial',
  residential: 'residential',
  public_welfare: 'public_welfare',
  commercial: 'commercial',
  industrial: 'industrial',
};
const STATUS_WORDS: Record<string, CustomerStatus> = { 正常: 'active', 停用: 'suspended', 销户: 'closed' };
export const INSPECTION_WORDS: Record<string, InspectionStatus> = {
  正常: 'normal',
  有隐患: 'hazard',
  隐患: 'hazard',
  无人: 'nobody_home',
  拒检: 'refused',
};
const METER_STATUS: Record<string, 'active' | 'removed'> = { 在用: 'active', 拆除: 'removed' };
const CARD_STATUS: Record<string, 'active' | 'lost' | 'replaced'> = {
  正常: 'active',
  挂失: 'lost',
  已换卡: 'replaced',
};
const ROLE_WORDS: Record<string, Role> = Object.fromEntries([
  ...ROLES.map((r) => [ROLE_ZH[r], r]),
  ...ROLES.map((r) => [r, r]),
  ['营业员', 'clerk'],
  ['管理员', 'admin'],
]);

/** Built once: a zod schema is costly to build, and a file has a million rows. */
const TEXT = {
  name: trimmed(50, '姓名'),
  contractNo: trimmed(30, '合同编号'),
  notes: trimmed(500, '备注'),
  maker: trimmed(40, '表厂'),
  model: trimmed(40, '表型号'),
  cardType: trimmed(20, '卡类型'),
  formatId: trimmed(40, '卡格式'),
  hazards: trimmed(500, '隐患说明'),
  staffNo: trimmed(40, '工号'),
};

const hallCodeSchema = z.string().regex(/^\d{4}$/, { error: '营业厅编号为 4 位数字' });
const cardNoSchema = z.string().regex(/^\d{4,16}$/, { error: '卡号为 4 到 16 位数字' });

export interface ParsedRow {
  readonly legacyId: string;
  /** The hall named in the row (customers, staff); null: the run's default. */
  readonly hallCode: string | null;
  /** For customer-linked kinds: the customer's account number. */
  readonly accountNo: string | null;
  readonly value: Record<string, unknown>;
}

type Parse = (r: RowReader) => Omit<ParsedRow, 'legacyId'> & { legacyId: string | null };

const account = (r: RowReader) => r.schema('accountNo', accountNoSchema, '户号');

const PARSE: Record<ImportKind, Parse> = {
  customers(r) {
    const accountNo = account(r);
    const userClass = r.choice('userClass', '用户类别', USER_CLASS_WORDS, null);
    const idNumber = r.schema('idNumber', residentIdSchema, null);
    const creditCode = r.schema('creditCode', creditCodeSchema, null);
    if (userClass && !r.issues.some((i) => i.column === 'idNumber' || i.column === 'creditCode')) {
      const missing = missingOwnerId(userClass, { idNumber, creditCode });
      if (missing) r.issue(missing.field, 'REQUIRED', missing.message);
    }
    const parts = {
      district: r.need('district', '区县'),
      community: r.need('community', '小区'),
      building: r.need('building', '楼栋'),
      unit: r.raw('unit') ?? undefined,
      room: r.need('room', '房号'),
    };
    let address: z.output<typeof addressSchema> | null = null;
    if (parts.district && parts.community && parts.building && parts.room) {
      const a = addressSchema.safeParse(parts);
      if (a.success) address = a.data;
      else for (const i of a.error.issues) r.issue(String(i.path[0]), 'ADDRESS_INVALID', i.message);
    }
    const value = {
      name: r.schema('name', TEXT.name, '姓名'),
      idNumber,
      creditCode,
      phone: r.schema('phone', phoneSchema, '电话'),
      altPhone: r.schema('altPhone', phoneSchema, null),
      address: address ? { ...address, unit: address.unit ?? null } : null,
      fullAddress: address ? formatAddress(address) : null,
      userClass,
      householdSize: r.int('householdSize', '人口数', 1, 30, true),
      status: r.choice('status', '状态', STATUS_WORDS, 'active'),
      openedOn: r.date('openedOn', '开户日期'),
      contractNo: r.schema('contractNo', TEXT.contractNo, null),
      notes: r.schema('notes', TEXT.notes, null),
    };
    return { legacyId: accountNo, accountNo, hallCode: r.schema('hall', hallCodeSchema, null), value };
  },
  meters(r) {
    const meterNo = r.schema('meterNo', meterNoSchema, '表号');
    const value = {
      meterNo,
      maker: r.schema('maker', TEXT.maker, '表厂'),
      model: r.schema('model', TEXT.model, '表型号'),
      cardType: r.schema('cardType', TEXT.cardType, '卡类型'),
      installedOn: r.date('installedOn', '安装日期'),
      status: r.choice('status', '表状态', METER_STATUS, 'active'),
    };
    return { legacyId: meterNo, accountNo: account(r), hallCode: null, value };
  },
  cards(r) {
    const cardNo = r.schema('cardNo', cardNoSchema, '卡号');
    const value = {
      cardNo,
      purchaseCount: r.int('purchaseCount', '购气次数', 0, 65_535, true),
      cumulative: r.volume('cumulative', '累计购气量'),
      status: r.choice('status', '卡状态', CARD_STATUS, 'active'),
      formatId: r.schema('formatId', TEXT.formatId, null) ?? 'gasdesk-ref-v1',
      region: r.int('region', '区域码', 0, 65_535) ?? 0,
      issuedOn: r.date('issuedOn', '发卡日期'),
    };
    return { legacyId: cardNo, accountNo: account(r), hallCode: null, value };
  },
  tier_use(r) {
    const accountNo = account(r);
    const periodStart = r.date('periodStart', '计价年度起始', true);
    const value = { periodStart, volume: r.volume('volume', '年度已购气量', true) };
    return {
      legacyId: accountNo && periodStart ? `${accountNo}:${periodStart}` : null,
      accountNo,
      hallCode: null,
      value,
    };
  },
  balances(r) {
    const accountNo = account(r);
    const balance = r.fen('balance', '结余(元)');
    const arrears = r.fen('arrears', '欠费(元)');
    if (balance !== null && balance < 0)
      r.issue('balance', 'MONEY_INVALID', '结余不能为负数；欠费请填在“欠费(元)”列');
    if (arrears !== null && arrears < 0) r.issue('arrears', 'MONEY_INVALID', '欠费请填正数');
    return {
      legacyId: accountNo,
      accountNo,
      hallCode: null,
      value: { balance: balance ?? 0, arrears: arrears ?? 0 },
    };
  },
  inspections(r) {
    const accountNo = account(r);
    const value = {
      status: r.choice('status', '安检状态', INSPECTION_WORDS, null),
      date: r.date('date', '安检日期'),
      hazards: r.schema('hazards', TEXT.hazards, null),
    };
    return { legacyId: accountNo, accountNo, hallCode: null, value };
  },
  staff(r) {
    const staffNo = r.schema('staffNo', TEXT.staffNo, '工号');
    const roleText = r.need('roles', '角色');
    const words = roleText ? roleText.split(/[、,，;；/ ]+/).filter(Boolean) : [];
    const roles = words.map((w) => ROLE_WORDS[w]).filter((x): x is Role => x !== undefined);
    if (roleText && (roles.length === 0 || roles.length < words.length))
      r.issue('roles', 'CHOICE_INVALID', '角色应为 客服员、收费员、班长、系统管理员（多个用顿号分隔）');
    const value = {
      username: r.schema('username', staffInputSchema.shape.username, '用户名'),
      displayName: r.schema('displayName', staffInputSchema.shape.displayName, '姓名'),
      roles: ROLES.filter((x) => roles.includes(x)),
      password: r.schema('password', staffInputSchema.shape.password, '初始密码'),
    };
    return {
      legacyId: staffNo,
      accountNo: null,
      hallCode: r.schema('hall', hallCodeSchema, '营业厅编号'),
      value,
    };
  },
};

/** The row's value, or its issues. */
export function parseRow(kind: ImportKind, cells: RowReader): ParsedRow | null {
  const p = PARSE[kind](cells);
  if (cells.issues.length > 0 || p.legacyId === null) return null;
  return p as ParsedRow;
}
