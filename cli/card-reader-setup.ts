/**
 * Which card reader `gasdesk serve` owns: with --demo, the training world's emulator in-process; with
 * --reader, a real reader (serial or USB HID); else none. Pending card writes are then settled from whatever
 * card is in the reader. Runtime: Node.
 */
import { cardKeys } from '../drivers/card-formats/keys';
import { openReaderSpec } from '../drivers/card-reader/open-spec';
import type { App } from '../services/app';
import { attachCardStation, recoverAtStart, regionOf, trainingStation } from '../services/cards/attach';
import { CardStation } from '../services/cards/card-station';
import { cardMasterKey, fileKeyProtector } from '../services/cards/key-vault';

export async function plugCardReader(
  app: App,
  dataDir: string,
  opts: { demo: boolean; reader?: string },
): Promise<void> {
  if (!app.counter()) return;
  const protector = fileKeyProtector(dataDir);
  if (opts.reader) {
    const spec = opts.reader;
    const keys = cardKeys(cardMasterKey(app, protector));
    attachCardStation(
      app,
      new CardStation({ open: () => openReaderSpec(spec), keys, region: regionOf(app), description: spec }),
    );
  } else if (opts.demo) attachCardStation(app, trainingStation(app, protector));
  await recoverAtStart(app, 'system');
}
