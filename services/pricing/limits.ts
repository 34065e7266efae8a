/** 限购规定: per purchase, per calendar month and per pricing year, in volume units per user class. Runtime: Node. */
import type { Limits } from '../../core/contract';
import { USER_CLASS_ZH, USER_CLASSES } from '../../core/domain/customer';
import { AppError } from '../../core/errors';
import { formatCubicMetres } from '../../core/quantities';
import { limitsOf, listLimits, saveLimits } from '../../db';
import type { App } from '../app';
import { type Handlers, operatorOf } from '../call';

const FIELDS = ['perPurchase', 'perMonth', 'perYear'] as const;
const FIELD_ZH = { perPurchase: '每次', perMonth: '每月', perYear: '每年' } as const;

function current(app: App, userClass: Limits['userClass']): Limits {
  const r = limitsOf(app.gdb.sqlite, userClass);
  return r ?? { userClass, perPurchase: null, perMonth: null, perYear: null };
}

const show = (v: number | null) => (v === null ? '不限' : `${formatCubicMetres(v)} m³`);

/** Saves a class's limits inside the caller's transaction, with its ledger operation. */
export function recordLimits(app: App, operatorId: string, input: Limits): Limits {
  const before = current(app, input.userClass);
  const changes = FIELDS.filter((f) => before[f] !== input[f]).map((f) => ({
    field: f,
    before: before[f],
    after: input[f],
  }));
  if (changes.length === 0) throw new AppError('NOTHING_CHANGED');
  saveLimits(app.db, input);
  app.ledger().append({
    type: 'limits.saved',
    payload: input,
    operatorId,
    audit: {
      action: 'limits.saved',
      summary: `限购规定（${USER_CLASS_ZH[input.userClass]}）：${FIELDS.map((f) => `${FIELD_ZH[f]} ${show(input[f])}`).join('，')}`,
      changes,
    },
  });
  return input;
}

export const limitsList: Handlers['limits.list'] = (_input, { app }) => {
  const stored = new Map(listLimits(app.db).map((r) => [r.userClass, r]));
  return {
    items: USER_CLASSES.map(
      (c) => stored.get(c) ?? { userClass: c, perPurchase: null, perMonth: null, perYear: null },
    ),
  };
};

export const limitsSave: Handlers['limits.save'] = (input, call) =>
  call.app.transaction(() => recordLimits(call.app, operatorOf(call).staffId, input));
