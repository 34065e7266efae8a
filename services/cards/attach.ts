/**
 * Plugs a card station into the counter: the reader becomes the sales' card writer, and pending writes are
 * settled from whatever card is in the reader at start. `trainingStation` builds the in-process emulator
 * station of the demo. Runtime: Node.
 */
import { cardKeys } from '../../drivers/card-formats/keys';
import { memoryTransport } from '../../drivers/card-reader/memory-transport';
import { TrainingWorld } from '../../drivers/emulator/world';
import type { App } from '../app';
import { CardStation } from './card-station';
import { cardWritePort } from './card-writer';
import { cardMasterKey, type KeyProtector } from './key-vault';
import { readCard } from './read-card';
import { failUnstartedSales } from './recovery';

export function attachCardStation(app: App, station: CardStation): void {
  app.cardStation = station;
  app.cardWriter = cardWritePort(app);
}

/** The region written on cards: the hall code as a number (0101 → 101). */
export function regionOf(app: App): number {
  return Number(app.counter()?.hallCode ?? '0');
}

export function trainingStation(app: App, protector: KeyProtector): CardStation {
  const keys = cardKeys(cardMasterKey(app, protector));
  const world = new TrainingWorld(keys);
  for (let i = 0; i < 3; i++) world.newCard();
  return new CardStation({
    open: async () => memoryTransport(world.reader),
    keys,
    region: regionOf(app),
    description: '培训模拟读卡器',
    world,
  });
}

/** At start: whatever card is in the reader settles its pending writes (the rest wait for their card). */
export async function recoverAtStart(app: App, systemOperatorId: string): Promise<void> {
  failUnstartedSales(app, app.startedAt);
  if (!app.cardStation) return;
  await readCard(app, systemOperatorId).catch(() => {});
}
