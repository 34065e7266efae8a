/**
 * The reports, defined once for the counter (its own data) and head office (a hall, a counter, or the
 * company): each kind is a list of tables, each table a list of typed columns. Money is integer 分 and volume
 * integer 0.01 m³ in every row; the Excel export and the screens turn them into 元 and m³ from the column's
 * type. What each figure counts is stated here and in docs/head-office-guide.md. Runtime: any.
 */
import { z } from 'zod';
import { periodSchema } from './period';

export const REPORT_KINDS = ['gas', 'fees', 'corrections', 'accounts', 'cash', 'ledger'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_TITLES: Record<ReportKind, string> = {
  gas: '售气统计',
  fees: '收费项目统计',
  corrections: '冲正、退款、补打及未完成写卡',
  accounts: '开户与业务受理统计',
  cash: '现金：应有、实点、差异与缴款',
  ledger: '客服业务台帐',
};

/** One row per record (the 台帐): its period is limited (MAX_DETAIL_DAYS), as every detailed export is. */
export const DETAILED: Record<ReportKind, boolean> = {
  gas: false,
  fees: false,
  corrections: false,
  accounts: false,
  cash: false,
  ledger: true,
};

export type ColumnType = 'text' | 'count' | 'money' | 'volume';
export interface ColumnDef {
  readonly key: string;
  readonly header: string;
  readonly type: ColumnType;
}
export interface TableDef {
  readonly key: string;
  readonly title: string;
  readonly columns: readonly ColumnDef[];
  /** A 合计 row sums the numeric columns. */
  readonly totals: boolean;
}

const t = (key: string, header: string): ColumnDef => ({ key, header, type: 'text' });
const n = (key: string, header: string): ColumnDef => ({ key, header, type: 'count' });
const money = (key: string, header: string): ColumnDef => ({ key, header, type: 'money' });
const vol = (key: string, header: string): ColumnDef => ({ key, header, type: 'volume' });
const gasCols = [n('count', '笔数'), vol('volume', '气量（m³）'), money('amount', '金额（元）')];

/**
 * Gas sold is net of reversals (a reversal counts −1 with its original's class, operator and tiers) and
 * leaves out sales whose card write failed (no gas was delivered), as the counter's 日报 does.
 */
export const REPORT_TABLES: Record<ReportKind, readonly TableDef[]> = {
  gas: [
    { key: 'byClass', title: '按用气性质', columns: [t('userClass', '用气性质'), ...gasCols], totals: true },
    {
      key: 'byTier',
      title: '按阶梯',
      columns: [t('tier', '阶梯'), vol('volume', '气量（m³）'), money('amount', '金额（元）')],
      totals: true,
    },
    {
      key: 'byTender',
      title: '按付款方式（全部收付款）',
      columns: [
        t('method', '付款方式'),
        n('count', '笔数'),
        money('taken', '收款（元）'),
        money('refunded', '退付（元）'),
      ],
      totals: true,
    },
    { key: 'byOperator', title: '按操作员', columns: [t('operator', '操作员'), ...gasCols], totals: true },
    { key: 'byCounter', title: '按柜台', columns: [t('counter', '柜台'), ...gasCols], totals: true },
    { key: 'byHall', title: '按营业厅', columns: [t('hall', '营业厅'), ...gasCols], totals: true },
    {
      key: 'trend',
      title: '走势（按日；期间长于两个月时按月）',
      columns: [t('period', '日期/月份'), ...gasCols],
      totals: true,
    },
  ],
  fees: [
    {
      key: 'byItem',
      title: '按收费项目',
      columns: [t('item', '收费项目'), n('qty', '数量'), money('amount', '金额（元）')],
      totals: true,
    },
  ],
  corrections: [
    {
      key: 'items',
      title: '冲正、退款、补打、未完成写卡',
      columns: [t('item', '项目'), n('count', '笔数'), money('amount', '金额（元）')],
      totals: false,
    },
  ],
  accounts: [
    { key: 'opened', title: '开户', columns: [t('item', '项目'), n('count', '户数')], totals: false },
    {
      key: 'acceptances',
      title: '业务受理（按业务类型）',
      columns: [t('type', '业务类型'), n('count', '件数')],
      totals: true,
    },
  ],
  cash: [
    {
      key: 'byDate',
      title: '按营业日',
      columns: [
        t('date', '营业日'),
        n('shifts', '交班数'),
        money('expected', '应有现金（元）'),
        money('counted', '实点现金（元）'),
        money('difference', '差异（元）'),
        money('deposited', '缴款（元）'),
      ],
      totals: true,
    },
  ],
  ledger: [
    {
      key: 'entries',
      title: '客服业务台帐',
      columns: [
        t('at', '时间'),
        t('type', '业务'),
        t('account', '户号/对象'),
        t('counter', '柜台'),
        t('operator', '经办人'),
        t('approver', '审批人'),
      ],
      totals: false,
    },
  ],
};

/** The operations the 客服业务台帐 lists, with their names. */
export const LEDGER_TYPES: Record<string, string> = {
  'customer.opened': '开户',
  'customer.transferred': '过户',
  'meter.changed': '换表',
  'customer.meterAdded': '加表',
  'card.replaced': '补卡',
  'card.blocked': '挂失',
  'customer.suspended': '停用',
  'customer.resumed': '恢复用气',
  'customer.closed': '销户',
};

/** Rows of the corrections report, in order. */
export const CORRECTION_ITEMS = {
  reversals: '冲正',
  refunds: '退款',
  reprints: '补打（重打收据或报表）',
  pendingCardWrites: '已收款未写卡',
  failedCardWrites: '写卡失败',
  /** Head office's correcting sales of a reverted counter (the reverted sale is taken out of every figure). */
  headOffice: '总部冲回',
} as const;

export const scopeSchema = z.object({
  hall: z
    .string()
    .regex(/^\d{4}$/, { error: '网点编号为 4 位数字' })
    .optional(),
  counter: z.string().min(1).max(64).optional(),
});

export const reportQuerySchema = periodSchema.extend(scopeSchema.shape);
export type ReportQuery = z.infer<typeof reportQuerySchema>;

const cell = z.union([z.string(), z.number().int()]);
export const reportTableSchema = z.object({
  key: z.string(),
  title: z.string(),
  rows: z.array(z.record(z.string(), cell)),
});
export const reportSchema = z.object({
  kind: z.enum(REPORT_KINDS),
  title: z.string(),
  /** The filter in words: 营业厅 0101 · 2026年3月 … (stated at the top of an export). */
  filter: z.string(),
  from: z.string(),
  to: z.string(),
  tables: z.array(reportTableSchema),
});
export type Report = z.infer<typeof reportSchema>;
export type ReportRow = Record<string, string | number>;
