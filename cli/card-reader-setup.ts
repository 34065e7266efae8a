/**
 * Which card reader `gasdesk serve` owns: with --demo, the training world's emulator in-process; with
 * --reader, a real reader (serial or USB HID); else none. Pending card writes are then settled from whatever
 * card is in the reader. Runtime: Node.
 */
import type { App } from '../services/app';
import {
  attachCardStation,
  plugConfiguredReader,
  recoverAtStart,
  trainingStation,
} from '../services/cards/attach';

export async function plugCardReader(app: App, opts: { demo: boolean; reader?: string }): Promise<void> {
  if (!app.counter()) return;
  const protector = app.keyProtector;
  if (opts.demo && !opts.reader) attachCardStation(app, trainingStation(app, protector));
  else plugConfiguredReader(app, protector, opts.reader);
  await recoverAtStart(app, 'system');
}
