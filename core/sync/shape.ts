/**
 * The small checks the quick exact-shape test of a pulled customer is made of (customer-shape.ts): each answers
 * what the matching zod type accepts, without copying. Runtime: any.
 */
export type Obj = Record<string, unknown>;

/** A plain object (z.object's input): not null, not an array. */
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown): v is string => typeof v === 'string';
export const nstr = (v: unknown) => v === null || typeof v === 'string';
/** z.number().int(): zod's integers are the safe ones. */
export const int = (v: unknown) => Number.isSafeInteger(v);
export const nint = (v: unknown) => v === null || Number.isSafeInteger(v);
