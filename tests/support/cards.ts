/** Test support: a counter with the in-process training reader and meters (demo card station). */
import { attachCardStation, trainingStation } from '../../services/cards/attach';
import { fileKeyProtector } from '../../services/cards/key-vault';
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
