/**
 * What a refused field says when its schema gives no message of its own: zod's defaults (无效输入：期望 string，
 * 实际接收 undefined …) are a programmer's words. Every contract field is named here in the clerk's words, and
 * each kind of refusal says what is allowed: 请填写用户, 金额不能大于 100000000, 付款方式最多 4 项. A test checks
 * that every refusal of every operation's input reads this way (tests/integration/field-messages.test.ts).
 * Runtime: any.
 */
import type { z } from 'zod';

/** Field names (the last key of the path, or `parent.key` where it needs the parent) in the clerk's words. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  accountNo: '用户编号',
  action: '办理事项',
  active: '启用状态',
  address: '地址',
  building: '楼栋',
  community: '小区',
  district: '街道（乡镇）',
  room: '门牌号',
  unit: '单元',
  admin: '管理员',
  displayName: '姓名',
  password: '密码',
  'approval.password': '审批人密码',
  'approval.username': '审批人账号',
  'admin.username': '管理员登录名',
  username: '登录名',
  altPhone: '备用电话',
  amount: '金额',
  amountFen: '金额',
  approval: '审批',
  bank: '银行',
  businessDate: '营业日',
  by: '购气方式',
  cardId: '卡',
  changes: '修改内容',
  code: '代码',
  company: '收据抬头',
  confirmLastTry: '最后一次密码确认',
  contract: '合同',
  'contract.no': '合同编号',
  signedOn: '签订日期',
  counted: '实点现金',
  counterCode: '柜台编号',
  counterName: '柜台名称',
  creditCode: '统一社会信用代码',
  customerId: '用户',
  denominations: '面额明细',
  count: '张数',
  value: '面额',
  documents: '证件资料',
  connectionFeeInvoiceNo: '初装费发票号',
  registrationFormChecked: '登记表已核对',
  expectedAmountDue: '应收金额',
  expectedVersion: '档案版本',
  finalRemaining: '旧表剩余气量',
  first: '起始号',
  last: '终止号',
  float: '备用金',
  hallCode: '网点编号',
  hallName: '网点名称',
  householdSize: '家庭人口',
  id: '记录',
  idNumber: '身份证号',
  idleLockMinutes: '自动锁屏时间',
  includeInactive: '含停用项目',
  inspection: '安检',
  'inspection.date': '安检日期',
  'inspection.status': '安检状态',
  issueInvoice: '开具发票',
  kind: '类别',
  limit: '条数',
  lines: '收费项目',
  feeItemId: '收费项目',
  qty: '数量',
  meter: '燃气表',
  newMeter: '新表',
  meters: '燃气表',
  cardType: '卡型',
  installedOn: '安装日期',
  maker: '厂家',
  meterNo: '表号',
  model: '型号',
  money: '购气金额',
  name: '名称',
  'newOwner.name': '新户主姓名',
  newOwner: '新户主',
  newPassword: '新密码',
  note: '说明',
  notes: '备注',
  oldMeterNo: '旧表号',
  oldPassword: '原密码',
  operatorId: '收费员',
  perMonth: '每月限购量',
  perPurchase: '每次限购量',
  perYear: '每年限购量',
  phone: '联系电话',
  prefix: '发票代码',
  purchase: '购气内容',
  useBalance: '使用结余',
  volume: '气量',
  query: '查询内容',
  reason: '办理原因',
  reference: '流水号',
  roles: '岗位',
  saleId: '业务记录',
  server: '总部地址',
  shiftId: '班次',
  shiftTolerance: '交班允许差额',
  spec: '设备地址',
  staffId: '员工',
  tenders: '付款方式',
  method: '付款方式',
  received: '实收现金',
  tiers: '价格档',
  extraPerPerson: '每增一人增加气量',
  priceLi: '单价',
  width: '宽度',
  verifyUrl: '收据验真网址',
  timeZone: '时区',
  userClass: '用气性质',
  version: '价格版本',
  baseHouseholdSize: '基准人口',
  effectiveFrom: '生效日期',
  periodStart: '计价周期起始日',
  transportPsc: '出厂密码',
  triesLeft: '密码剩余次数',
  wrongPsc: '密码不符',
  pullOnNextWrite: '写卡时拔卡',
  typeCode: '业务类型',
  channel: '受理方式',
  asked: '客户诉求',
  answered: '答复内容',
  'documents.0': '已核对的资料',
  nextStep: '下一步',
  hazards: '发现的隐患',
  items: '检查项目',
  workOrderId: '工单',
  sourceId: '来源单据',
  fault: '表具故障',
  materials: '用料',
  prepare: '需准备的资料',
  category: '投诉类别',
  details: '投诉详情',
  justified: '判定结果',
  team: '转交班组',
  result: '处理结果',
  told: '告知客户的内容',
  complaintId: '投诉',
  outcome: '回访结果',
  satisfaction: '满意度',
  text: '记录内容',
  open: '仅未结案',
  overdueOnly: '仅超时',
  installationId: '零散报装',
  attachments: '附件',
  sha256: '附件编号',
  request: '报装内容',
  install: '零散报装时限',
  hotline: '服务热线',
  notice: '安全提示',
  alarms: '表具报警',
};

type Issue = z.core.$ZodRawIssue;

/** The field's name for a path: `parent.key` if named, else the key, else 此项. */
export function fieldLabel(path: readonly PropertyKey[] | undefined): string {
  const keys = (path ?? []).filter((k): k is string => typeof k === 'string');
  const last = keys.at(-1);
  const parent = keys.at(-2);
  return (parent && last && FIELD_LABELS[`${parent}.${last}`]) || (last && FIELD_LABELS[last]) || '此项';
}

/** The message of a refusal whose schema has none of its own. */
export function fieldMessage(iss: Issue): string {
  const label = fieldLabel(iss.path);
  const i = iss as Issue & { origin?: string; minimum?: unknown; maximum?: unknown };
  switch (iss.code) {
    case 'invalid_type':
      return iss.input === undefined || iss.input === null ? `请填写${label}` : `${label}的格式不正确`;
    case 'too_small':
      if (i.origin === 'string')
        return Number(i.minimum) <= 1 ? `请填写${label}` : `${label}至少 ${i.minimum} 个字`;
      if (i.origin === 'array') return `${label}至少 ${i.minimum} 项`;
      return `${label}不能小于 ${i.minimum}`;
    case 'too_big':
      if (i.origin === 'string') return `${label}最多 ${i.maximum} 个字`;
      if (i.origin === 'array') return `${label}最多 ${i.maximum} 项`;
      return `${label}不能大于 ${i.maximum}`;
    case 'invalid_value':
      return `${label}不是可选的值`;
    default:
      return `${label}的格式不正确`;
  }
}
