/** The counter's reports (core/reports): the same definitions head office answers, over this counter's data. */
import { z } from 'zod';
import { REPORT_KINDS, reportSchema } from '../reports/definitions';
import { periodSchema } from '../reports/period';
import { op } from './common';

const READERS = ['cashier', 'supervisor', 'admin'] as const;

export const reportOps = {
  'reports.run': op({
    summary:
      '报表：售气（按用气性质、阶梯、付款方式、操作员）、收费项目、冲正退款补打与未完成写卡、开户与受理、现金、客服业务台帐；期间为日、周、月、年、自定义或累计',
    access: READERS,
    writes: false,
    input: periodSchema.extend({ kind: z.enum(REPORT_KINDS, { error: '没有这种报表' }) }),
    output: reportSchema,
  }),
} as const;
