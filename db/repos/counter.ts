/** This counter's identity and its key/value settings. Runtime: Node. */
import { eq } from 'drizzle-orm';
import type { CounterInfo } from '../../core/contract';
import type { Drizzle } from '../open';
import { counterInfo, settings } from '../schema';

export function getCounter(db: Drizzle): (CounterInfo & { demo: boolean }) | undefined {
  const r = db.select().from(counterInfo).where(eq(counterInfo.id, 1)).get();
  if (!r) return undefined;
  const { counterId, hallCode, hallName, counterCode, counterName, timeZone, demo } = r;
  return { counterId, hallCode, hallName, counterCode, counterName, timeZone, demo };
}

export function insertCounter(db: Drizzle, c: CounterInfo & { demo: boolean; createdAt: string }): void {
  db.insert(counterInfo)
    .values({ id: 1, ...c })
    .run();
}

/** The hall's zone, as head office answered it at enrollment. */
export function setCounterTimeZone(db: Drizzle, timeZone: string): void {
  db.update(counterInfo).set({ timeZone }).where(eq(counterInfo.id, 1)).run();
}

export function getSetting(db: Drizzle, key: string): string | undefined {
  return db.select().from(settings).where(eq(settings.key, key)).get()?.value;
}

export function putSetting(db: Drizzle, key: string, value: string): void {
  db.insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value } })
    .run();
}
