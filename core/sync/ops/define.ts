/**
 * How one sync operation type is declared (core/sync/ops): its payload schema at the current version, the
 * upgrades that turn every earlier version's stored payload into the current one, the entity it touches and
 * who may say it. The counter's ledger writes only what these schemas accept, head office reads every pushed
 * operation through them, and docs/sync-protocol.md's operation reference is generated from them.
 * Runtime: any.
 */
import type { z } from 'zod';

/**
 * What head office requires of the operation's author before it believes it:
 *  - `hall`: it changes a record the whole hall shares (a customer, a card, a meter): only a counter of the
 *    record's own hall may say it;
 *  - `counter`: it is the counter's own record (a sale, a shift): the counter may say it, and everything it
 *    names (a customer, a card, a shift) must be the counter's hall's, or its own;
 *  - `local`: a counter-local record (its settings, local staff, prices or fee items made at the counter):
 *    head office keeps it in the counter's ledger and never applies it to anything another counter sees.
 */
export type Authority = 'hall' | 'counter' | 'local';

/** Whether head office applies the operation to its shared tables, or only keeps it in the ledger. */
export type HeadOfficeUse = 'applies' | 'stores';

/** What an upgrade may read of the operation besides its payload. */
export interface OpContext {
  readonly entityId: string;
}

export type Upgrade = (old: Record<string, unknown>, op: OpContext) => Record<string, unknown>;

export interface OpSpec<S extends z.ZodType = z.ZodType> {
  readonly type: string;
  /** The payload's version as counters write it now (`v` in the stored payload; absent means 1). */
  readonly version: number;
  /** The ledger's entity type for this operation. */
  readonly entityType: string;
  /** The ledger's entity id, read off the payload (head office checks the op says the same). */
  readonly entityId: (p: z.output<S>) => string;
  readonly authority: Authority;
  readonly headOffice: HeadOfficeUse;
  /** Chinese, for the generated reference. */
  readonly summary: string;
  /** The payload at `version`, without its `v`. */
  readonly schema: S;
  /**
   * `upgrades[n]` turns a payload stored at version n (its `v` removed) into version n + 1; one per earlier
   * version. Each is tested with a real stored example (tests/fixtures/ops-v1.json).
   */
  readonly upgrades: Readonly<Record<number, Upgrade>>;
}

export function defineOp<const T extends string, S extends z.ZodType>(
  spec: OpSpec<S> & { readonly type: T },
): OpSpec<S> & { readonly type: T } {
  for (let n = 1; n < spec.version; n++)
    if (!spec.upgrades[n]) throw new Error(`${spec.type}: no upgrade from version ${n}`);
  return spec;
}

/** Version 1 is every payload stored before the versioned contract: the same shape, without `v`. */
export const SAME_SHAPE: Upgrade = (old) => old;
export const FROM_V1 = { 1: SAME_SHAPE } as const;
