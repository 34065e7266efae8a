/**
 * Why head office quarantines an operation (docs/sync-protocol.md lists them, generated from here): each code
 * with what it means in Chinese for the administrator who reviews it. A quarantined operation is kept in the
 * counter's ledger at head office exactly as sent, applied to nothing, and never blocks the ones behind it;
 * the reason given with each one says what precisely was wrong. Runtime: any.
 */
export const QUARANTINE_CODES = {
  OP_UNKNOWN_TYPE: '总部不认识这种业务类型（柜台程序比总部新？）',
  OP_VERSION_UNSUPPORTED: '业务内容的版本总部不支持（请升级总部程序）',
  PAYLOAD_INVALID: '业务内容不符合同步契约：缺项、类型不对、金额对不上，或与业务流水所述对象不符',
  TEXT_REFUSED:
    '业务内容的文字不能保存：含空字符或其他控制字符、不成对的代理项、改变文字方向的控制字符，或只有不可见字符（柜台的录入规则同样拒收）',
  FUTURE_TIME: '业务时间晚于携带它的请求的签名时间（柜台时钟超前）：不采信，也不参与“后写者胜”',
  FOREIGN_HALL: '业务涉及其他营业厅的用户或燃气卡：柜台只能办理本网点的',
  UNKNOWN_CUSTOMER: '总部没有该用户的档案（开户记录未到或已被隔离）',
  UNKNOWN_CARD: '总部没有该卡的发卡记录',
  UNKNOWN_SALE: '总部没有本柜台的这笔收费（原收费未到、被隔离，或属于其他柜台）',
  UNKNOWN_SHIFT: '收费所在的班次不是本柜台在总部登记的班次',
  UNKNOWN_PRICE_VERSION: '收费所用的气价版本不是总部发布的',
  PRICE_MISMATCH: '收费的单价、用气性质或营业日与总部的气价版本不符',
  CORRECTION_MISMATCH: '冲正不是原收费的相反数、重复冲正，或退款超过原实收金额',
  OPERATOR_MISMATCH: '收费或班次记录的操作员、审批人与业务流水不符',
  SELF_APPROVED: '审批人就是操作员本人：需审批的业务必须由第二人审批',
  DUPLICATE_CUSTOMER: '同一档案在总部已经建档',
  DUPLICATE_ACCOUNT_NO: '用户编号在本网点已被其他档案使用',
  DUPLICATE_CARD: '该卡号在总部已有发卡记录',
  DUPLICATE_SALE: '同一编号的收费在总部已有记录',
  DUPLICATE_SHIFT: '同一编号的班次在总部已有记录',
  UNKNOWN_RECORD: '总部没有该投诉的登记记录（登记未到、被隔离，或属于其他营业厅）',
  DUPLICATE_RECORD: '同一编号的受理单或投诉在总部已有记录',
  STEP_OUT_OF_ORDER: '投诉的处理步骤不接续总部所记的上一步，或在当前状态下不允许（如已结案的投诉再被修改）',
  CLOSED_AT_HEAD_OFFICE:
    '总部已结案（撤销）该投诉或工单：柜台在总部结案之后办理的步骤不再采纳（柜台拉取后即显示为已结案）',
  PURCHASE_COUNT_BACKWARDS: '购气次数没有向前：不大于本柜台为该户写过的次数',
} as const;

export type QuarantineCode = keyof typeof QUARANTINE_CODES;
