/**
 * Plugs a card station into the counter: the reader becomes the sales' card writer, and pending writes are
 * settled from whatever card is in the reader at start. `trainingStation` builds the in-process emulator
 * station of the demo. Runtime: Node.
 */
import { cardKeys } from '../../drivers/card-formats/keys';
import { openReaderSpec } from '../../drivers/card-reader/open-spec';
import { AppError, type ErrorCode } from '../../core/errors';
import { getSetting, putSetting } from '../../db';
import { type Handlers, operatorOf } from '../call';
import { memoryTransport } from '../../drivers/card-reader/memory-transport';
import { CardReader } from '../../drivers/card-reader/reader';
import { TrainingWorld } from '../../drivers/emulator/world';
import type { App } from '../app';
import { CardStation } from './card-station';
import { cardWritePort } from './card-writer';
import { cardMasterKey, type KeyProtector } from './key-vault';
import { readCard } from './read-card';
import { connectionProblem, problemText, readerOpenProblem } from './reader-problem';
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
    open: async (o) => new CardReader(memoryTransport(world.reader), o),
    keys,
    region: regionOf(app),
    description: '培训模拟读卡器',
    world,
  });
}

/**
 * What start-up recovery did: `ran` when the card in the reader (if any) was read; otherwise `problem` says in
 * Chinese why not (the reader unavailable — its port held by another program, named — …), for the log.
 */
export type StartRecovery = { ran: true } | { ran: false; code: ErrorCode | null; problem: string };

/** At start: whatever card is in the reader settles its pending writes (the rest wait for their card). */
export async function recoverAtStart(app: App, systemOperatorId: string): Promise<StartRecovery> {
  failUnstartedSales(app, app.startedAt);
  const station = app.cardStation;
  if (!station) return { ran: false, code: null, problem: '未设置读卡器，启动时不检查读卡器中的卡。' };
  try {
    await station.connection.get();
  } catch {
    const e = connectionProblem(station.connection);
    return { ran: false, code: e.code, problem: `启动时未能检查读卡器中的卡：${problemText(e)}` };
  }
  try {
    await readCard(app, systemOperatorId);
    return { ran: true };
  } catch (err) {
    const e = err instanceof AppError ? err : readerOpenProblem(err);
    return { ran: false, code: e.code, problem: `启动时未能检查读卡器中的卡：${problemText(e)}` };
  }
}

/** Lets the counter's devices go (the reader's port unlocked for a restarted counter), within `withinMs`. */
export async function releaseDevices(app: App, withinMs = 1500): Promise<void> {
  const station = app.cardStation;
  if (!station) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    station.close().catch(() => {}),
    new Promise((r) => {
      timer = setTimeout(r, withinMs);
    }),
  ]);
  clearTimeout(timer);
}

/** The reader this counter is set up with (setting `reader`), or none; plugged with the counter's card keys. */
export function plugConfiguredReader(app: App, protector: KeyProtector, override?: string): void {
  const spec = override ?? getSetting(app.db, 'reader');
  if (!spec) return;
  const keys = cardKeys(cardMasterKey(app, protector));
  attachCardStation(
    app,
    new CardStation({ open: (o) => openReaderSpec(spec, o), keys, region: regionOf(app), description: spec }),
  );
}

export const devicesConfigureReader: Handlers['devices.configureReader'] = async (input, call) => {
  const { app } = call;
  app.transaction(() => {
    if (input.spec) putSetting(app.db, 'reader', input.spec);
    else app.gdb.sqlite.prepare("DELETE FROM settings WHERE key = 'reader'").run();
    app.ledger().append({
      type: 'settings.reader',
      payload: { spec: input.spec },
      operatorId: operatorOf(call).staffId,
      audit: { action: 'settings.reader', summary: input.spec ? `设置读卡器：${input.spec}` : '停用读卡器' },
    });
  });
  if (!app.cardStation?.world) {
    await app.cardStation?.close();
    app.cardStation = undefined;
    app.cardWriter = undefined;
    if (input.spec) plugConfiguredReader(app, app.keyProtector, input.spec);
  }
  return { spec: input.spec };
};
