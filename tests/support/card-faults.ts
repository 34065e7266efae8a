/**
 * Test support for card faults: what writing commands an operation sends to the card (recorded off the
 * emulator's request frames), cutting the card out at any byte of any of them, and the invariants every cut
 * must leave (reliability.md 20): no paid sale without its gas on exactly one card or an explicit state; the
 * purchase count and cumulative on the customer's card equal the completed purchases; a meter loads each
 * purchase at most once.
 */
import { expect } from 'vitest';
import { CMD } from '../../drivers/card-reader/protocol';
import { memoryTransport } from '../../drivers/card-reader/memory-transport';
import { CardReader } from '../../drivers/card-reader/reader';
import { attachCardStation, recoverAtStart } from '../../services/cards/attach';
import { CardStation } from '../../services/cards/card-station';
import type { CardCounter } from './cards';

export interface SentWrite {
  cmd: number;
  addr: number;
  /** Bytes the command writes (3 for a PSC change). */
  length: number;
}

const WRITING = new Set<number>([CMD.updateMain, CMD.writeProtection, CMD.changePsc]);

/** Records the writing commands the reader emulator receives while `fn` runs. */
export async function writesOf<T>(
  t: CardCounter,
  fn: () => Promise<T>,
): Promise<{ result: T; writes: SentWrite[] }> {
  const writes: SentWrite[] = [];
  const reader = t.world.reader;
  const handle = reader.handle.bind(reader);
  reader.handle = (chunk) => {
    const cmd = chunk[3]!;
    if (WRITING.has(cmd)) {
      const len = ((chunk[1]! << 8) | chunk[2]!) - 1;
      writes.push(
        cmd === CMD.changePsc ? { cmd, addr: -1, length: 3 } : { cmd, addr: chunk[4]!, length: len - 1 },
      );
    }
    return handle(chunk);
  };
  try {
    return { result: await fn(), writes };
  } finally {
    reader.handle = handle;
  }
}

/** The bytes at which to cut one write: before it, its first, middle and last byte, and once it is whole. */
export function cutPoints(length: number, every = process.env.GASDESK_CARD_MATRIX === 'all'): number[] {
  if (every) return Array.from({ length: length + 1 }, (_, i) => i);
  return [...new Set([0, 1, Math.floor(length / 2), length - 1, length])].filter(
    (b) => b >= 0 && b <= length,
  );
}

export interface Expectations {
  customerId: string;
  /** Every card of the customer in the training world, the active one first. */
  cardIds: string[];
  /** The meter the customer's cards go to now, and every meter of the customer (for what they loaded). */
  carryTo: string;
  meters: string[];
  /** Gas put on the card but replaced there before any meter took it (掉气补气 rewrites a lost purchase). */
  replacedBeforeLoading?: number;
}

/** The cumulative the customer's card must carry: completed gas sales not reversed, confirmed top-ups and carries. */
export function owed(t: CardCounter, customerId: string): number {
  const db = t.app.gdb.sqlite;
  const sales = db
    .prepare(
      `SELECT coalesce(sum(volume), 0) AS v FROM sales s WHERE s.customer_id = ? AND s.kind = 'gas' AND s.status = 'completed'
         AND NOT EXISTS (SELECT 1 FROM sales c WHERE c.corrects_sale_id = s.id)`,
    )
    .get(customerId) as { v: number };
  const extra = db
    .prepare(
      `SELECT coalesce(sum(volume), 0) AS v FROM card_writes WHERE customer_id = ? AND status = 'confirmed'
         AND (kind = 'carry' OR (kind = 'repeat' AND approver_id IS NOT NULL))`,
    )
    .get(customerId) as { v: number };
  return sales.v + extra.v;
}

/**
 * The invariants after a cut and the card's return: nothing is left pending; the customer's card carries the
 * count and cumulative the completed purchases add up to; carrying every card to the meter (old ones first,
 * then the customer's, then the old ones again) loads exactly the gas owed — each purchase once.
 */
export async function expectInvariants(t: CardCounter, sid: string, e: Expectations): Promise<void> {
  const db = t.app.gdb.sqlite;
  if (t.world.slot !== e.cardIds[0]) {
    if (t.world.slot) t.world.remove();
    t.world.insert(e.cardIds[0]!);
  }
  await t.ok('cards.read', {}, sid);
  const pendingSales = db
    .prepare("SELECT count(*) AS n FROM sales WHERE customer_id = ? AND status = 'pending_card_write'")
    .get(e.customerId) as { n: number };
  expect(pendingSales.n, 'no sale left pending once its card was read').toBe(0);
  const cumulative = owed(t, e.customerId);
  const card = t.world.view(e.cardIds[0]!).record;
  expect(card.state).toBe('ok');
  if (card.state !== 'ok') return;
  const acct = db
    .prepare('SELECT last_count AS n, cumulative AS c FROM account_counts WHERE customer_id = ?')
    .get(e.customerId) as { n: number; c: number } | undefined;
  expect(card.purchase?.count ?? 0, 'count on the card = the account’s').toBe(acct?.n ?? 0);
  expect(card.purchase?.cumulative ?? 0, 'cumulative on the card = the completed purchases').toBe(cumulative);
  expect(acct?.c ?? 0).toBe(cumulative);
  t.world.remove();
  for (const id of [...e.cardIds.slice(1), e.cardIds[0]!, ...e.cardIds.slice(1)])
    t.world.carryToMeter(id, e.carryTo);
  const loaded = t.world
    .state()
    .meters.filter((m) => e.meters.includes(m.meterNo))
    .reduce((sum, m) => sum + m.cumulativeLoaded, 0);
  expect(loaded, 'the meters loaded each purchase once').toBe(cumulative - (e.replacedBeforeLoading ?? 0));
  t.world.insert(e.cardIds[0]!);
}

/** The counter process dies and starts again on the same files; the training world (cards, meters) lives on. */
export async function restartCounter(t: CardCounter): Promise<void> {
  const { keys, region } = t.app.cardStation!;
  const world = t.world;
  t.restart();
  t.app.sessions.idleLockMinutes = 60 * 24 * 365;
  attachCardStation(
    t.app,
    new CardStation({
      open: async (o) => new CardReader(memoryTransport(world.reader), o),
      keys,
      region,
      description: '培训',
      world,
    }),
  );
  await recoverAtStart(t.app, 'system');
}
