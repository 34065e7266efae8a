/** 收费项目目录: the fee catalogue, edited by an administrator; each save is a ledger operation. Runtime: Node. */
import type { FeeItem, OpParsedInput } from '../../core/contract';
import { AppError } from '../../core/errors';
import { formatYuan } from '../../core/quantities';
import {
  type FeeItemRow,
  findFeeItem,
  findFeeItemByCode,
  insertFeeItem,
  listFeeItems,
  updateFeeItem,
} from '../../db';
import type { App } from '../app';
import { type Handlers, operatorOf } from '../call';

export type FeeItemInput = OpParsedInput<'fees.save'>;

export function toFeeItem(r: FeeItemRow): FeeItem {
  return { id: r.id, code: r.code, name: r.name, amountFen: r.amountFen, active: r.active };
}

const FIELDS = ['code', 'name', 'amountFen', 'active'] as const;

/** Creates (no id) or changes a fee item inside the caller's transaction, with its ledger operation. */
export function recordFeeItem(app: App, operatorId: string, input: FeeItemInput): FeeItem {
  const before = input.id ? findFeeItem(app.db, input.id) : undefined;
  if (input.id && !before) throw new AppError('NOT_FOUND', { detail: `fee item ${input.id}` });
  const sameCode = findFeeItemByCode(app.db, input.code);
  if (sameCode && sameCode.id !== before?.id)
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ path: ['code'], code: 'DUPLICATE_CODE', message: `项目代码 ${input.code} 已存在` }],
    });
  const now = app.nowIso();
  const after: FeeItemRow = {
    id: before?.id ?? app.newId(),
    code: input.code,
    name: input.name,
    amountFen: input.amountFen,
    active: input.active,
    updatedAt: now,
  };
  const changes = FIELDS.filter((f) => before?.[f] !== after[f]).map((f) => ({
    field: f,
    before: before?.[f] ?? null,
    after: after[f],
  }));
  if (before && changes.length === 0) throw new AppError('NOTHING_CHANGED');
  if (before) updateFeeItem(app.db, after.id, after);
  else insertFeeItem(app.db, after);
  const type = before ? 'fee.changed' : 'fee.created';
  app.ledger().append({
    type,
    payload: toFeeItem(after),
    operatorId,
    audit: {
      action: type,
      summary: `${before ? '修改' : '新建'}收费项目：${after.name}（${after.code}）¥${formatYuan(after.amountFen)}${after.active ? '' : '，停用'}`,
      changes,
    },
  });
  return toFeeItem(after);
}

export const feesList: Handlers['fees.list'] = (input, { app }) => ({
  items: listFeeItems(app.db, input.includeInactive).map(toFeeItem),
});

export const feesSave: Handlers['fees.save'] = (input, call) =>
  call.app.transaction(() => recordFeeItem(call.app, operatorOf(call).staffId, input));
