/**
 * A meter maker's card library described by a manifest (JSON, one per maker): where the library is, which
 * function does each operation, the order and kind of its arguments, the maker's volume unit, and what each
 * return code means as a GasDesk error code. Adding a maker is a manifest and a test, not code in the counter.
 * See docs/card-format.md. Runtime: Node.
 */
import { z } from 'zod';
import { CARD_KINDS, METER_STATUS_BITS } from '../../../core/card/gas-card';
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
  'meterNo',
  'meterReadAt',
  'meterLoadedCount',
  'meterStatus',
  'cardKind',
] as const;
/** The values that are volumes, converted between 0.01 m³ and the maker's unit. */
export const VOLUME_VALUES = new Set(['volume', 'cumulative', 'meterRemaining', 'meterUsed']);
const TEXT_VALUES = new Set(['cardNo', 'accountNo', 'meterNo']);
/** Values that may come out as a number or as text (the read time: Unix seconds, or the meter's clock as text). */
const EITHER_VALUES = new Set(['meterReadAt']);
/** What a tool card's function is given. */
const TOOL_IN = new Set(['port', 'cardNo', 'region']);
/** A read that gives any of these must give them all: together they are one meter reading (meter.reading). */
export const READING_VALUES = [
  'meterNo',
  'meterReadAt',
  'meterLoadedCount',
  'meterRemaining',
  'meterUsed',
  'meterStatus',
] as const;
/** Tool cards a manifest may say how to make (the kinds of core/card/gas-card.ts other than a user card). */
export const TOOL_KINDS = CARD_KINDS.filter((k) => k !== 'user') as Exclude<
  (typeof CARD_KINDS)[number],
  'user'
>[];

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

const bitMask = z.number().int().min(1).max(0x7fffffff);

/** How the maker reports the meter's write-back, when its read gives one (READING_VALUES). */
const meterSchema = z.strictObject({
  /** The maker's bit (mask) for each of GasDesk's alarm flags; a flag the maker has not is left out (false). */
  statusBits: z.strictObject(
    Object.fromEntries(Object.keys(METER_STATUS_BITS).map((k) => [k, bitMask.optional()])) as Record<
      keyof typeof METER_STATUS_BITS,
      z.ZodOptional<typeof bitMask>
    >,
  ),
  /** The meter clock's offset from UTC, for a read time given as text (YYYYMMDDhhmmss). */
  clock: z
    .string()
    .regex(/^[+-](0\d|1[0-4]):[0-5]\d$/)
    .default('+08:00'),
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
      /** The maker's functions that make tool cards, each optional: a kind without one is refused. */
      toolCards: z
        .strictObject(
          Object.fromEntries(TOOL_KINDS.map((k) => [k, operation.optional()])) as Record<
            (typeof TOOL_KINDS)[number],
            z.ZodOptional<typeof operation>
          >,
        )
        .optional(),
    }),
    /** The maker's card kind codes (read's `cardKind`) → GasDesk's kinds. */
    cardKinds: z.record(z.string().regex(/^-?\d+$/), z.enum(CARD_KINDS)).optional(),
    meter: meterSchema.optional(),
    returnCodes: z.record(z.string().regex(/^-?\d+$/), z.enum(MAKER_OUTCOMES)),
  })
  .superRefine((m, ctx) => {
    if (!Object.values(m.returnCodes).includes('ok'))
      ctx.addIssue({
        code: 'custom',
        message: 'returnCodes must name the success code ("ok")',
        path: ['returnCodes'],
      });
    const { toolCards, ...cardOps } = m.operations;
    const ops = [
      ...Object.entries(cardOps),
      ...Object.entries(toolCards ?? {}).map(([k, op]) => [`toolCards.${k}`, op] as const),
    ];
    for (const [name, op] of ops) {
      if (!op) continue;
      op.args.forEach((a, i) => {
        if ('out' in a && name !== 'read')
          ctx.addIssue({
            code: 'custom',
            message: 'only read takes values out',
            path: ['operations', name, 'args', i],
          });
        if ('out' in a && !EITHER_VALUES.has(a.out) && TEXT_VALUES.has(a.out) !== (a.size !== undefined))
          ctx.addIssue({
            code: 'custom',
            message:
              'a text value out (cardNo, accountNo, meterNo) needs its buffer size; a number takes none',
            path: ['operations', ...name.split('.'), 'args', i],
          });
        if ('in' in a && !TOOL_IN.has(a.in) && name.startsWith('toolCards.'))
          ctx.addIssue({
            code: 'custom',
            message: 'a tool card is given only port, cardNo and region',
            path: ['operations', ...name.split('.'), 'args', i],
          });
      });
    }
    const outs = new Set(m.operations.read.args.flatMap((a) => ('out' in a ? [a.out] : [])));
    const reading = READING_VALUES.filter((v) => outs.has(v));
    // meterRemaining and meterUsed alone are only shown (a manifest of the first version); with any other
    // reading value, the read must give the whole reading.
    if (
      reading.some((v) => v !== 'meterRemaining' && v !== 'meterUsed') &&
      reading.length < READING_VALUES.length
    )
      ctx.addIssue({
        code: 'custom',
        message: `a meter reading needs all of ${READING_VALUES.join(', ')} out of read; missing ${READING_VALUES.filter((v) => !outs.has(v)).join(', ')}`,
        path: ['operations', 'read', 'args'],
      });
    if (outs.has('meterStatus') && !m.meter)
      ctx.addIssue({
        code: 'custom',
        message: 'meterStatus out of read needs meter.statusBits (the maker’s bit for each alarm flag)',
        path: ['meter'],
      });
    if (outs.has('cardKind') !== (m.cardKinds !== undefined))
      ctx.addIssue({
        code: 'custom',
        message: 'cardKind out of read and cardKinds (the maker’s kind codes) go together',
        path: ['cardKinds'],
      });
  });

export type MakerManifest = z.infer<typeof makerManifestSchema>;
export type InValue = (typeof IN_VALUES)[number];
export type OutValue = (typeof OUT_VALUES)[number];
export const isTextValue = (v: string) => TEXT_VALUES.has(v);
export type ToolKind = (typeof TOOL_KINDS)[number];
