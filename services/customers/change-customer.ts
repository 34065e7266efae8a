/**
 * The one way a customer's file changes after opening: an optimistic-versioned patch, recorded as a ledger
 * operation with the field-by-field diff, the reason and the approver. Runtime: Node.
 */
import type { Customer } from '../../core/contract';
import { AppError } from '../../core/errors';
import type { OpPayload } from '../../core/sync/ops';
import type { CustomerChangeType } from '../../core/sync/ops/customer-ops';
import { type CustomerInsert, updateCustomer } from '../../db';
import type { App } from '../app';
import { diffViews, historyView, loadCustomer, loadForChange } from './customer-rows';

/** What every change payload carries; an operation's own extra fields come from `alsoWrite`. */
type ChangeBase = 'id' | 'version' | 'changes' | 'reason' | 'customer';

export interface CustomerChange<T extends CustomerChangeType> {
  readonly type: T;
  readonly summary: (before: Customer) => string;
  readonly reason: string;
  readonly approverId?: string;
  /** Builds the row patch from the current state (may throw to refuse the change). */
  readonly patch: (before: Customer) => Partial<CustomerInsert>;
  /** Extra writes in the same transaction (e.g. a meter row), with the operation's own fields; counted as a change. */
  readonly alsoWrite?: (before: Customer) => Omit<OpPayload<T>, ChangeBase>;
}

export function changeCustomer<T extends CustomerChangeType>(
  app: App,
  operatorId: string,
  id: string,
  expectedVersion: number,
  ch: CustomerChange<T>,
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
      // The base fields are common to every change type; the ledger checks the whole payload against the contract.
      payload: {
        id,
        version: after.version,
        changes: Object.fromEntries(changes.map((c) => [c.field, c.after])),
        ...extra,
        reason: ch.reason,
        // The whole file after the change, so head office merges with the structure (an address's parts), not a guess.
        customer: after,
      } as OpPayload<T>,
      operatorId,
      approverId: ch.approverId ?? null,
      hlc,
      audit: { action: ch.type, summary: ch.summary(before), reason: ch.reason, changes },
    });
  });
  return loadCustomer(app, id);
}
