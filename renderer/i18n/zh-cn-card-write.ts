/** 简体中文：写卡的原因与下一步、班长审批再试、已收款未写卡、待写卡凭条、培训故障（zh-cn.ts 的一部分）。 */
export const cardWriteZh = {
  cardWrite: {
    approvalTitle: '班长审批：再试一次卡密码',
    approvalHint:
      '这张卡上次密码校验未通过，程序已停止对它写卡。请班长核实这张卡确是用户本人的、由本公司发出的，再输入班长的账号和口令，允许再试一次（会用掉一次校验机会）。',
    approvalOk: '审批并写卡',
    saleApproval: '这张卡上次密码校验未通过：请班长核实后在下方审批，才能再试一次；否则请为用户办理补卡。',
    unsettledTitle: '该用户有 {n} 笔已收款、气未写入卡的购气',
    unsettledHint: '请先处理：插入用户的卡后写卡，确实无法写卡时办理退款。',
    unsettledLine: '收据 {receiptNo}（{date}）{amount}：{status}',
    refund: '退款',
    report: '已收款未写卡',
    reportNone: '没有已收款未写卡的购气。',
    reportSummary: '{n} 笔，共 {amount}：须重新写卡或退款',
    reportReceipt: '收据号',
    reportCustomer: '用户',
    reportAmount: '金额',
    reportStatus: '状态',
    closeDayUnsettled:
      '本营业日有 {n} 笔已收款、气未写入卡的购气，共 {amount}（收据 {receipts}）。扎帐前请重新写卡或退款；扎帐后它们仍列在日结报表中，直到写卡或退款。',
  },
  trainingFaults: {
    title: '故障',
    lastTry: '密码剩 1 次',
    wrongPsc: '密码不符',
    pull: '写卡时拔卡',
  },
};
