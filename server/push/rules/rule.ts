/**
 * A rule of what head office believes, for one operation type it applies: `check` decides — from the
 * operation and the head-office rows it touches — whether its author may say it and whether it agrees with
 * what head office holds (the authority and consistency checks of docs/sync-protocol.md), and `apply` changes
 * the working set. A refused operation is quarantined with its reason and never applied. Runtime: Node.
 */
import type { OpType } from '../../../core/sync/ops';
import type { Outcome, Quarantine, ReadableOp, World } from '../world';

export interface Rule<T extends OpType> {
  check(w: World, op: ReadableOp<T>): Quarantine | null;
  apply(w: World, op: ReadableOp<T>): Outcome;
}
