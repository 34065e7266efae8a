/**
 * The import templates (docs/head-office-guide.md, 数据迁移): per kind, its columns with the Chinese header
 * an old system's export is expected to have, whether a value is required, and what it holds. A column is
 * found by its header, in any order; an administrator's saved mapping (mapping.ts) names other headers.
 * Runtime: Node.
 */

import { IMPORT_KINDS, type ImportKind, KIND_ZH } from '../../core/sync/wire-import';

export { IMPORT_KINDS, type ImportKind, KIND_ZH };

export interface Column {
  readonly key: string;
  readonly header: string;
  readonly required: boolean;
  readonly note: string;
}

const col = (key: string, header: string, required: boolean, note: string): Column => ({
  key,
  header,
  required,
  note,
});

const ACCOUNT = col(
  'accountNo',
  '户号',
  true,
  '旧系统的用户编号，6 到 20 位数字；导入后即 GasDesk 的用户编号',
);

export const TEMPLATES: Record<ImportKind, readonly Column[]> = {
  customers: [
    ACCOUNT,
    col('name', '姓名', true, '户主姓名或单位名称'),
    col('idNumber', '身份证号', false, '居民必填，18 位，按 GB 11643 校验'),
    col('creditCode', '统一社会信用代码', false, '非居民填写（或填经办人身份证号）'),
    col('phone', '电话', true, '手机 11 位，或带区号的座机'),
    col('altPhone', '备用电话', false, ''),
    col('district', '区县', true, '地址：区县或街道'),
    col('community', '小区', true, ''),
    col('building', '楼栋', true, ''),
    col('unit', '单元', false, ''),
    col('room', '房号', true, ''),
    col('userClass', '用户类别', true, '居民、公福、商业、工业'),
    col('householdSize', '人口数', true, '1 到 30'),
    col('status', '状态', false, '正常、停用、销户；空为正常'),
    col('openedOn', '开户日期', false, '空为导入当天'),
    col('contractNo', '合同编号', false, '空为“迁移+户号”'),
    col('hall', '营业厅编号', false, '4 位数字；空则用导入时指定的营业厅'),
    col('notes', '备注', false, ''),
  ],
  meters: [
    col('meterNo', '表号', true, '4 到 12 位字母、数字或短横线'),
    ACCOUNT,
    col('maker', '表厂', true, ''),
    col('model', '表型号', true, ''),
    col('cardType', '卡类型', true, '如 SLE4442'),
    col('installedOn', '安装日期', false, ''),
    col('status', '表状态', false, '在用、拆除；空为在用'),
  ],
  cards: [
    col('cardNo', '卡号', true, '4 到 16 位数字'),
    ACCOUNT,
    col('purchaseCount', '购气次数', true, '卡上已写入的购气次数，下次购气为它加 1'),
    col('cumulative', '累计购气量', false, '立方米，最多两位小数'),
    col('status', '卡状态', false, '正常、挂失、已换卡；空为正常'),
    col('formatId', '卡格式', false, '空为 gasdesk-ref-v1'),
    col('region', '区域码', false, '0 到 65535；空为 0'),
    col('issuedOn', '发卡日期', false, ''),
  ],
  tier_use: [
    ACCOUNT,
    col('periodStart', '计价年度起始', true, '如 2026-01-01'),
    col('volume', '年度已购气量', true, '立方米，最多两位小数'),
  ],
  balances: [
    ACCOUNT,
    col('balance', '结余(元)', false, '元，最多两位小数；卡外结余'),
    col('arrears', '欠费(元)', false, '元，最多两位小数'),
  ],
  inspections: [
    ACCOUNT,
    col('status', '安检状态', true, '正常、有隐患、无人、拒检'),
    col('date', '安检日期', false, ''),
    col('hazards', '隐患说明', false, ''),
  ],
  staff: [
    col('staffNo', '工号', true, '旧系统的人员编号'),
    col('hall', '营业厅编号', true, '4 位数字'),
    col('username', '用户名', true, '登录名'),
    col('displayName', '姓名', true, ''),
    col('roles', '角色', true, '客服员、收费员、班长、系统管理员，多个用顿号分隔'),
    col('password', '初始密码', true, '至少 8 位；首次登录后请修改'),
  ],
};

/** The column holding each kind's old-system id. */
export const LEGACY_KEY: Record<ImportKind, string> = {
  customers: 'accountNo',
  meters: 'meterNo',
  cards: 'cardNo',
  tier_use: 'accountNo',
  balances: 'accountNo',
  inspections: 'accountNo',
  staff: 'staffNo',
};

export function isImportKind(k: string): k is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(k);
}
