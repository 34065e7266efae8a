/**
 * The one way a customer's file changes after opening: an optimistic-versioned patch, recorded as a ledger
 * operation with the field-by-field diff, the reason and the approver. Runtime: Node.
 */
import type { Customer } from '../../core/contract';
import { AppError } from '../../core/errors';
import { type CustomerInsert, updateCustomer } from '../../db';
import type { App } from '../app';
import { diffViews, historyView, loadCustomer, loadForChange } from './customer-rows';

export interface CustomerChange {
  readonly type: string;
  readonly summary: (before: Customer) => string;
  readonly reason: string;
  readonly approverId?: string;
  /** Builds the row patch from the current state (may throw to refuse the change). */
  readonly patch: (before: Customer) => Partial<CustomerInsert>;
  /** Extra writes in the same transaction (e.g. a meter row); counted as a change. */
  readonly alsoWrite?: (before: Customer) => Record<string, unknown>;
}

export function changeCustomer(
  app: App,
  operatorId: string,
  id: string,
  expectedVersion: number,
  ch: CustomerChange,
): Customer {
  app.transaction(() => {
    const before = loadForChange(app, id, expectedVersion);
    const hlc = app.tick();
    const extra = ch.alsoWrite?.(before);
    const updated = updateCustomer(app.db, id, expectedVersion, { ...ch.patch(before), updatedHlc: hlc });
    if (!updated) throw new AppError('STALE_RECORD');
    const after = loadCustomer(app, id);
    const changes = diffViews(historyView(before), historyView(after));
    if (changes.length === 0 && !extra) throw new AppError('NOTHING_CHANGED');
    app.ledger().append({
      type: ch.type,
      entityType: 'customer',
      entityId: id,
      payload: {
        id,
        version: after.version,
        changes: Object.fromEntries(changes.map((c) => [c.field, c.after])),
        ...extra,
        reason: ch.reason,
        // The whole file after the change, so head office merges with the structure (an address's parts), not a guess.
        customer: after,
      },
      operatorId,
      approverId: ch.approverId ?? null,
      hlc,
      audit: { action: ch.type, summary: ch.summary(before), reason: ch.reason, changes },
    });
  });
  return loadCustomer(app, id);
}
