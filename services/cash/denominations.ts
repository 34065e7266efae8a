/** 按面额清点 at the close: the counted denominations checked against the counted amount. Runtime: Node. */
import { DENOMINATIONS } from '../../core/domain/cash';
import { AppError, type FieldIssue } from '../../core/errors';
import { formatYuan } from '../../core/quantities';

type Count = { value: number; count: number };

/** Denominations must be distinct and add up to the counted amount; kept in DENOMINATIONS order, no zeros. */
export function checkDenominations(counted: number, given: Count[] | undefined): Count[] | null {
  if (!given) return null;
  const issues: FieldIssue[] = [];
  const seen = new Set<number>();
  given.forEach((d, i) => {
    if (seen.has(d.value))
      issues.push({
        path: ['denominations', i, 'value'],
        code: 'DUPLICATE_DENOMINATION',
        message: `面额 ¥${formatYuan(d.value)} 填写了两次`,
      });
    seen.add(d.value);
  });
  const sum = given.reduce((s, d) => s + d.value * d.count, 0);
  if (sum !== counted)
    issues.push({
      path: ['denominations'],
      code: 'DENOMINATIONS_MISMATCH',
      message: `按面额合计 ¥${formatYuan(sum)}，与实点现金 ¥${formatYuan(counted)} 不符`,
    });
  if (issues.length) throw new AppError('VALIDATION_FAILED', { issues });
  return DENOMINATIONS.flatMap((value) => {
    const count = given.find((d) => d.value === value)?.count ?? 0;
    return count > 0 ? [{ value, count }] : [];
  });
}
