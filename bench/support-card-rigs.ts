/**
 * The card bench over PC/SC, the 明华/德卡 libraries and a meter maker's card library (bench/card.ts), on the
 * test rigs (tests/support/reader-rig.ts: pcscd + vpcd + the virtual card, the stub libraries built with cc).
 * A sale's card part is what the counter does for it: one read of the card, then the purchase written and read
 * back (with the PSC presented once, for an SLE4442). The floor is the time spent inside the transport's own
 * calls during that sale — the PC/SC calls, the native library calls — or, for the maker's library, the same
 * library calls made in-process without its host process. pcscd is one per machine: the PC/SC rig holds a
 * machine-wide lock while it runs (tests/support/pcscd.ts). Runtime: Node.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { CardFormat } from '../drivers/card-formats/card-format';
import { cardKeys } from '../drivers/card-formats/keys';
import { makerFormat } from '../drivers/card-formats/maker/maker-format';
import type { MakerReader } from '../drivers/card-formats/maker/maker-reader';
import { referenceFormat } from '../drivers/card-formats/reference-format';
import type { Sle4442Reader } from '../drivers/card-reader/sle4442-reader';
import { callLibrary } from '../drivers/ffi/lib-call';
import type { LibReply, LibRequest } from '../drivers/ffi/lib-messages';
import { libRig, makerRig, pcscRig, type ReaderRig } from '../tests/support/reader-rig';
import { emit, log, percentile } from './support';

const keys = cardKeys(Buffer.from('5a'.repeat(32), 'hex'));
const header = { kind: 'user' as const, region: 320, cardNo: '1000000000000099', accountNo: '010101000099' };

type Fn = (...a: unknown[]) => Promise<unknown>;

/** Wraps `obj[name]` to add its time to `clock.ms` (and count it) when `mine(args)` says the call is ours. */
function timeCalls(
  obj: Record<string, Fn>,
  names: string[],
  clock: { ms: number; calls: number },
  mine: (name: string, args: unknown[]) => boolean = () => true,
) {
  for (const name of names) {
    const f = obj[name]!.bind(obj);
    obj[name] = async (...args: unknown[]) => {
      if (!mine(name, args)) return f(...args);
      const t0 = performance.now();
      try {
        return await f(...args);
      } finally {
        clock.ms += performance.now() - t0;
        clock.calls++;
      }
    };
  }
}

/** One sale's card part, as the counter makes it: a read, then the purchase written with that image. */
async function sale(format: CardFormat, reader: Sle4442Reader, n: number): Promise<void> {
  const { image, record } = await format.read(reader, { triesLeft: false });
  const count = record.state === 'ok' ? (record.purchase?.count ?? 0) + 1 : 1;
  if (count !== n) throw new Error(`card holds ${count - 1} purchases, expected ${n - 1}`);
  const purchase = {
    count,
    volume: 1000,
    cumulative: 1000 * count,
    writtenAt: 1_790_000_000,
    counterCode: '',
  };
  await format.writePurchase(reader, header.cardNo, purchase, keys, { image });
}

/** Times `fn`. */
async function timed(fn: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** RUNS sales after a warm-up, each giving its time and its floor; emits the p50 against the p50 floor. */
async function measure(
  metric: string,
  runs: number,
  one: (n: number) => Promise<[took: number, floor: number]>,
  calls: () => string,
) {
  const times: number[] = [];
  const floors: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const [took, f] = await one(i + 1);
    if (i === 0) continue; // the first sale warms up the JIT and the native bindings
    times.push(took);
    floors.push(f);
  }
  log(`${metric}: ${calls()} per sale`);
  emit('card', `${metric}.p50`, percentile(times, 50), percentile(floors, 50));
}

/** An SLE4442 transport: the card issued with the reference format, then RUNS sales. */
async function sle4442Bench(
  metric: string,
  rig: ReaderRig,
  runs: number,
  instrument: (reader: Sle4442Reader, clock: { ms: number; calls: number }) => void,
) {
  const reader = await rig.open({ timeoutMs: 3000 });
  try {
    await rig.insertBlank();
    await referenceFormat.issue(reader, header, keys);
    const clock = { ms: 0, calls: 0 };
    instrument(reader, clock);
    let calls = 0;
    await measure(
      metric,
      runs,
      async (n) => {
        clock.ms = 0;
        clock.calls = 0;
        const took = await timed(() => sale(referenceFormat, reader, n));
        calls = clock.calls;
        return [took, clock.ms];
      },
      () => `${calls} calls`,
    );
  } finally {
    await reader.close();
    await rig.close();
  }
}

export async function pcscBench(runs: number): Promise<void> {
  const rig = await pcscRig();
  await sle4442Bench('pcsc', rig, runs, (reader, clock) => {
    const r = reader as unknown as { w: Record<string, Fn>; ctx: unknown };
    // The rig's own watcher shares the binding: only this reader's calls count (its context, its card).
    const own = new Set<unknown>();
    const connect = r.w.connect!.bind(r.w);
    r.w.connect = async (...a: unknown[]) => {
      const c = (await connect(...a)) as { card: unknown };
      own.add(c.card);
      return c;
    };
    const current = (reader as unknown as { card: { handle: unknown } | null }).card;
    if (current) own.add(current.handle);
    timeCalls(r.w, ['transmit', 'reconnect', 'statusChange', 'connect'], clock, (name, args) =>
      name === 'statusChange' ? args[0] === r.ctx : name === 'connect' || own.has(args[0]),
    );
  });
}

export async function libBench(maker: 'mwic' | 'dcrf', runs: number): Promise<void> {
  await sle4442Bench(`lib.${maker}`, await libRig(maker), runs, (reader, clock) =>
    timeCalls(reader as unknown as Record<string, Fn>, ['call'], clock),
  );
}

/**
 * The maker's library through the card station's format and its host process; the floor replays the library
 * calls of each sale in-process (the card put back as it was before the sale first, so the replay does the
 * same work).
 */
export async function makerBench(runs: number): Promise<void> {
  const rig = await makerRig();
  const reader = (await rig.open({})) as MakerReader;
  const stateFile = process.env.DEMO_MAKER_CARD_STATE!;
  try {
    await rig.insertBlank();
    await makerFormat.issue(reader, header, keys);
    const host = (
      reader.plugin as unknown as { host: { request: (r: LibRequest, ms: number) => Promise<LibReply> } }
    ).host;
    const request = host.request.bind(host);
    let sent: LibRequest[] = [];
    host.request = (req, ms) => {
      sent.push(req);
      return request(req, ms);
    };
    await measure(
      'maker',
      runs,
      async (n) => {
        sent = [];
        const before = readFileSync(stateFile, 'utf8');
        const took = await timed(() => sale(makerFormat, reader, n));
        const after = readFileSync(stateFile, 'utf8');
        writeFileSync(stateFile, before);
        const floor = await timed(async () => {
          for (const req of sent) {
            const r = callLibrary(req);
            if (!r.ok || r.ret !== 0) throw new Error(`in-process ${req.fn}: ${JSON.stringify(r)}`);
          }
        });
        if (readFileSync(stateFile, 'utf8') !== after) throw new Error('the replay left another card');
        return [took, floor];
      },
      () => `${sent.length} library calls (${sent.map((r) => r.fn).join(', ')})`,
    );
  } finally {
    await reader.close();
    await rig.close();
  }
}
