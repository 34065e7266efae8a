/**
 * Property test support: the fast-check arbitraries of a counter's day — tagged action records (what the clerk,
 * the cashier and the supervisor do), interpreted in order by perform.ts — and the Action type.
 */
import fc from 'fast-check';

const who = fc.nat({ max: 999 });
const seed = fc.nat();
const rarely = fc.nat({ max: 7 }).map((n) => n === 0);
const often = fc.nat({ max: 3 }).map((n) => n > 0);

const openAction = fc.record({
  kind: fc.constant('open' as const),
  seed,
  /** 开户发卡: most households get their card when the account is opened. */
  card: fc.nat({ max: 4 }).map((n) => n > 0),
});

const closeShift = fc.record({
  kind: fc.constant('closeShift' as const),
  diff: fc.constantFrom(0, 0, 100, -50),
  reopen: often,
});

const action = fc.oneof(
  { weight: 3, arbitrary: openAction },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('update' as const),
      who,
      seed,
      field: fc.constantFrom('phone', 'householdSize', 'inspection', 'notes', 'userClass'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('status' as const),
      who,
      action: fc.constantFrom('suspend', 'resume', 'close'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('transfer' as const), who, seed }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('addMeter' as const), who }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('issue' as const), who }) },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('sell' as const),
      who,
      by: fc.constantFrom('volume', 'money'),
      /** Volume units (0.01 m³), or ×7 fen by money; now and then a purchase over the limits (approved). */
      size: fc.oneof(
        { weight: 9, arbitrary: fc.integer({ min: 1, max: 4_000 }) },
        { weight: 1, arbitrary: fc.integer({ min: 4_000, max: 40_000 }) },
      ),
      useBalance: fc.boolean(),
      /** The customer first took the card home to the meter (and used some gas). */
      load: often,
      use: fc.nat({ max: 3_000 }),
      tender: fc.constantFrom('cash', 'change', 'wechat', 'split'),
      /** The card is pulled out of the reader just before the write (the sale's write then fails). */
      torn: rarely,
      invoice: rarely,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('fees' as const),
      who: fc.option(who),
      item: fc.nat(),
      qty: fc.integer({ min: 1, max: 3 }),
      invoice: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('reverse' as const), sale: fc.nat(), viaCard: often }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('refund' as const),
      sale: fc.nat(),
      percent: fc.integer({ min: 1, max: 100 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('cash' as const),
      dir: fc.constantFrom('in', 'out'),
      amount: fc.integer({ min: 1, max: 60_000 }),
    }),
  },
  { weight: 1, arbitrary: closeShift },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('openShift' as const), float: fc.nat({ max: 100_000 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('lost' as const), who }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('replace' as const), who }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('read' as const),
      who,
      load: often,
      use: fc.nat({ max: 3_000 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('meterChange' as const), who }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('topUp' as const), who }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('retryWrite' as const), sale: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('deposit' as const),
      amount: fc.integer({ min: 1, max: 20_000 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('sync' as const) }) },
  /** 日结: the shift handed over, the day closed by the supervisor, the next business day's shift opened. */
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('closeDay' as const) }) },
);

export type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;

/** The actions of the given kinds (what one area's interpreter handles). */
export type ActionOf<K extends Action['kind']> = Extract<Action, { kind: K }>;

/**
 * A day at a counter whose clock is off by `skewMs` (fast or slow, as counters' clocks are): a few households
 * opened first (a morning queue), then anything; the shift handed over at the end.
 */
export const day = fc
  .tuple(
    fc.integer({ min: -20 * 60, max: 20 * 60 }).map((s) => s * 1_000),
    fc.array(openAction, { minLength: 1, maxLength: 3 }),
    fc.array(action, { minLength: 24, maxLength: 36 }),
    closeShift.map((a) => ({ ...a, reopen: false })),
  )
  .map(([skewMs, first, rest, last]) => ({ skewMs, actions: [...first, ...rest, last] as Action[] }));
