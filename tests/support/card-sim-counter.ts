/**
 * Test support: a simulation counter (tests/sim/sim-counter.ts: a real App driven through the dispatcher, its
 * prices pulled from head office) with the in-process training card station instead of the always-succeeding
 * card writer — blank cards, a reader slot and the customers' meters (drivers/emulator/world.ts) — and a clerk
 * (营业员) beside its admin and cashier, so the customer-file and card use cases run as at a real counter.
 */
import { attachCardStation, trainingStation } from '../../services/cards/attach';
import { fileKeyProtector } from '../../services/cards/key-vault';
import type { TrainingWorld } from '../../drivers/emulator/world';
import { SIM_APPROVAL, SIM_PASSWORD, SimCounter } from '../sim/sim-counter';

export interface CardSimCounter {
  readonly c: SimCounter;
  readonly world: TrainingWorld;
  /** The card region of the counter's hall (what its meters accept). */
  readonly region: number;
  /** A clerk's session: the customer file (开户, 改档案, 过户, 销户…) is the clerks' work. */
  readonly clerkSid: string;
  /** A supervisor's credentials as typed on the clerk's or cashier's screen (the counter's admin). */
  readonly approval: { username: string; password: string };
}

/** A SimCounter (index → counter code index + 1) of `hallCode` with the training card station attached. */
export async function cardSimCounter(
  index: number,
  root: string,
  wall: () => number,
  hallCode = '0101',
): Promise<CardSimCounter> {
  const c = await SimCounter.create(index, root, wall, hallCode);
  const station = trainingStation(c.app, fileKeyProtector(c.dir));
  attachCardStation(c.app, station);
  await c.ok(
    'staff.create',
    { username: 'yingye', displayName: `营业员${c.code}`, roles: ['clerk'], password: SIM_PASSWORD },
    c.adminSid,
  );
  const clerkSid = (await c.ok('auth.login', { username: 'yingye', password: SIM_PASSWORD })).sessionId;
  return {
    c,
    world: station.world!,
    region: station.region,
    clerkSid,
    approval: SIM_APPROVAL,
  };
}
