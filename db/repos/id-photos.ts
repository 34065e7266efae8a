/** Resident-ID card photos kept with a customer's file (only where the company enables it). Runtime: Node. */
import { eq } from 'drizzle-orm';
import type { Drizzle } from '../open';
import { customerIdPhotos } from '../schema';

export function insertIdPhoto(db: Drizzle, row: typeof customerIdPhotos.$inferInsert): void {
  db.insert(customerIdPhotos).values(row).run();
}

export function idPhotoOf(db: Drizzle, customerId: string): typeof customerIdPhotos.$inferSelect | undefined {
  return db.select().from(customerIdPhotos).where(eq(customerIdPhotos.customerId, customerId)).get();
}
