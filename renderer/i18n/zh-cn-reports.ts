/** 中文：柜台的报表画面；part of zh-cn.ts. */
export const reportsZh = {
  reports: {
    menu: '报表',
    title: '本柜台报表',
    kind: '报表',
    period: '期间',
    periods: {
      day: '日',
      week: '周（含该日的一周）',
      month: '月',
      year: '年',
      range: '自定义区间',
      cumulative: '累计（自开始以来）',
    },
    fields: { date: '日期（空为今天）', month: '月份（空为本月）', year: '年份（空为今年）' },
    hints: { date: '2026-03-01', month: '2026-03', year: '2026' },
    from: '自',
    to: '至',
    run: '查询',
    print: '打印（A4）',
  },
};
