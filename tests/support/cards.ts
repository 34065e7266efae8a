/** Test support: a counter with the in-process training reader and meters (demo card station). */
import { attachCardStation, trainingStation } from '../../services/cards/attach';
import { fileKeyProtector } from '../../services/cards/key-vault';
import { household } from '../fixtures/sales';
import type { TestCounter } from './app';
import { testCounter } from './app';

export async function cardCounter(
  households = 3,
): Promise<TestCounter & { world: NonNullable<ReturnType<typeof trainingStation>['world']> }> {
  const t = await testCounter({ households });
  t.app.sessions.idleLockMinutes = 60 * 24 * 365;
  const station = trainingStation(t.app, fileKeyProtector(t.dir));
  attachCardStation(t.app, station);
  return Object.assign(t, { world: station.world! });
}

export type CardCounter = Awaited<ReturnType<typeof cardCounter>>;

/** Opens a household, issues its card from a new blank card, and leaves the card in the reader. */
export async function customerWithCard(t: CardCounter, sid: string) {
  const c = await household(t);
  const cardId = t.world.newCard().id;
  t.world.insert(cardId);
  const card = await t.ok('cards.issue', { customerId: c.id }, sid);
  return { c, cardId, cardNo: card.cardNo };
}

/** Tears the write of the purchase area starting at `addr` after `bytes` bytes (the card leaves the reader). */
export function tearAt(t: CardCounter, addr: number, bytes: number) {
  const handle = t.world.reader.handle.bind(t.world.reader);
  t.world.reader.handle = (chunk) => {
    if (chunk[3] === 0x21 && chunk[4] === addr) {
      t.world.reader.faults.tearNextWriteAfter = bytes;
      t.world.reader.handle = handle;
    }
    return handle(chunk);
  };
}
