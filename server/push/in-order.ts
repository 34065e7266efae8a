/**
 * Batches of one counter arriving at one head-office instance close together (the counter pipelines them)
 * are decided in sequence order: a batch whose predecessor is being stored here asks for the counter's lock
 * only once that predecessor holds it, so that PostgreSQL hands the lock from one to the next the moment the
 * first commits (instead of the next one taking the lock first, finding the gap and being sent again, which
 * cost the whole batch's work and stalled the counter's pipeline). Only an optimisation: the database alone
 * decides (another instance, or a wait that times out, still meets SYNC_SEQUENCE_GAP and the counter resends),
 * and the wait is bounded so that two batches can never wait on each other. Runtime: Node.
 */

const MAX_WAIT_MS = 2_000;

/** Per counter: the batches being stored by this instance, by their last sequence number, until each holds the lock. */
const inFlight = new Map<string, Map<number, Promise<void>>>();

export interface Turn {
  /** Resolves once the batch before this one holds the counter's lock (or is done, or after the bounded wait). */
  predecessor(): Promise<void>;
  /** Says this batch holds the counter's lock: the batch after it may ask for it now. */
  locked(): void;
}

/** Registers a batch `first..last` of `counterId` while `run` is under way. */
export function storingInOrder<T>(
  counterId: string,
  first: number,
  last: number,
  run: (turn: Turn) => Promise<T>,
  maxWaitMs = MAX_WAIT_MS,
): Promise<T> {
  const batches = inFlight.get(counterId) ?? new Map<number, Promise<void>>();
  inFlight.set(counterId, batches);
  const before = batches.get(first - 1);
  let locked = noop;
  const holds = new Promise<void>((r) => {
    locked = r;
  });
  const turn: Turn = {
    async predecessor() {
      if (!before) return;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((r) => {
        timer = setTimeout(r, maxWaitMs);
      });
      await Promise.race([before, timeout]);
      clearTimeout(timer);
    },
    locked: () => locked(),
  };
  batches.set(last, holds);
  const p = run(turn);
  const done = () => {
    locked();
    if (batches.get(last) === holds) batches.delete(last);
    if (batches.size === 0 && inFlight.get(counterId) === batches) inFlight.delete(counterId);
  };
  p.then(done, done);
  return p;
}

function noop() {}
