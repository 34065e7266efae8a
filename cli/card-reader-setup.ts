/**
 * Which card reader `gasdesk serve` owns: with --demo, the training world's emulator in-process; with
 * --reader, a real reader (any kind core/devices/reader-spec.ts parses: serial, USB HID, PC/SC, a maker's library);
 * else none. Pending card writes are then settled from whatever
 * card is in the reader — or the caller is told why that could not run. Runtime: Node.
 */
import type { App } from '../services/app';
import {
  attachCardStation,
  plugConfiguredReader,
  recoverAtStart,
  type StartRecovery,
  trainingStation,
} from '../services/cards/attach';

/** Plugs the reader and runs start-up recovery; null when the counter is not set up yet. */
export async function plugCardReader(
  app: App,
  opts: { demo: boolean; reader?: string },
): Promise<StartRecovery | null> {
  if (!app.counter()) return null;
  const protector = app.keyProtector;
  if (opts.demo && !opts.reader) attachCardStation(app, trainingStation(app, protector));
  else plugConfiguredReader(app, protector, opts.reader);
  return recoverAtStart(app, 'system');
}
