/**
 * A meter maker's card library described by a manifest (JSON, one per maker): where the library is, which
 * function does each operation, the order and kind of its arguments, the maker's volume unit, and what each
 * return code means as a GasDesk error code. Adding a maker is a manifest and a test, not code in the counter.
 * See docs/card-format.md. Runtime: Node.
 */
import { z } from 'zod';
import type { ErrorCode } from '../../../core/errors';

/** Values an operation can pass in (GasDesk's side of an argument). */
export const IN_VALUES = [
  'port',
  'cardNo',
  'accountNo',
  'region',
  'generation',
  'count',
  'volume',
  'cumulative',
] as const;
/** Values a read can take out. */
export const OUT_VALUES = [
  'cardNo',
  'accountNo',
  'region',
  'generation',
  'count',
  'volume',
  'cumulative',
  'meterRemaining',
  'meterUsed',
] as const;
/** The values that are volumes, converted between 0.01 m³ and the maker's unit. */
export const VOLUME_VALUES = new Set(['volume', 'cumulative', 'meterRemaining', 'meterUsed']);
const TEXT_VALUES = new Set(['cardNo', 'accountNo']);

/** What a maker's return code may mean: success, or one of the card and reader errors the counter knows. */
export const MAKER_OUTCOMES = [
  'ok',
  'READER_UNAVAILABLE',
  'NO_CARD',
  'CARD_BLANK',
  'CARD_FOREIGN',
  'CARD_DAMAGED',
  'CARD_LOCKED',
  'CARD_PSC_WRONG',
  'CARD_WRITE_FAILED',
  'CARD_WRITE_UNCERTAIN',
] as const satisfies readonly ('ok' | ErrorCode)[];

/** GasDesk's 0.01 m³ is: ×1 for 0.01m3, ÷10 for 0.1m3, ÷100 for m3, ×10 for L. */
export const UNIT_FACTORS = { '0.01m3': [1, 1], '0.1m3': [1, 10], m3: [1, 100], L: [10, 1] } as const;

const arg = z.union([
  z.strictObject({ in: z.enum(IN_VALUES) }),
  z.strictObject({ out: z.enum(OUT_VALUES), size: z.number().int().min(2).max(256).optional() }),
]);
const operation = z.strictObject({
  function: z.string().regex(/^[A-Za-z_]\w{0,63}$/),
  args: z.array(arg).max(16),
});

export const makerManifestSchema = z
  .strictObject({
    format: z.literal('gasdesk-maker-card/1'),
    id: z.string().regex(/^[a-z0-9-]{2,40}$/),
    name: z.string().min(1).max(60),
    /** The library: absolute, or relative to the manifest's folder. */
    library: z.string().min(1).max(300),
    callingConvention: z.enum(['cdecl', 'stdcall']).default('cdecl'),
    port: z.number().int().min(0).max(65535).default(0),
    units: z.strictObject({ volume: z.enum(['0.01m3', '0.1m3', 'm3', 'L']) }),
    timeoutMs: z.number().int().min(500).max(60_000).default(8000),
    operations: z.strictObject({
      read: operation,
      writePurchase: operation,
      issue: operation,
      clear: operation,
      replace: operation,
    }),
    returnCodes: z.record(z.string().regex(/^-?\d+$/), z.enum(MAKER_OUTCOMES)),
  })
  .superRefine((m, ctx) => {
    if (!Object.values(m.returnCodes).includes('ok'))
      ctx.addIssue({
        code: 'custom',
        message: 'returnCodes must name the success code ("ok")',
        path: ['returnCodes'],
      });
    for (const [name, op] of Object.entries(m.operations))
      op.args.forEach((a, i) => {
        if ('out' in a && name !== 'read')
          ctx.addIssue({
            code: 'custom',
            message: 'only read takes values out',
            path: ['operations', name, 'args', i],
          });
        if ('out' in a && TEXT_VALUES.has(a.out) !== (a.size !== undefined))
          ctx.addIssue({
            code: 'custom',
            message: 'a text value out (cardNo, accountNo) needs its buffer size; a number takes none',
            path: ['operations', name, 'args', i],
          });
      });
  });

export type MakerManifest = z.infer<typeof makerManifestSchema>;
export type InValue = (typeof IN_VALUES)[number];
export type OutValue = (typeof OUT_VALUES)[number];
export const isTextValue = (v: string) => TEXT_VALUES.has(v);
