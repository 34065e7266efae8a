/**
 * Batches of one counter arriving at one head-office instance close together (the counter pipelines them)
 * are decided in sequence order: a batch whose predecessor is still being stored here waits for it before
 * taking the counter's lock, instead of taking it first, finding the gap and being sent again (which cost the
 * whole batch's work and stalled the counter's pipeline). Only an optimisation: the database alone decides
 * (another instance, or a wait that times out, still meets SYNC_SEQUENCE_GAP and the counter resends), and
 * the wait is bounded so that two batches can never wait on each other. Runtime: Node.
 */

const MAX_WAIT_MS = 2_000;

/** Per counter: the batches being stored by this instance, by their last sequence number. */
const inFlight = new Map<string, Map<number, Promise<unknown>>>();

/** Registers a batch `first..last` of `counterId` while `run` is under way. */
export function storingInOrder<T>(
  counterId: string,
  first: number,
  last: number,
  run: (predecessor: () => Promise<void>) => Promise<T>,
  maxWaitMs = MAX_WAIT_MS,
): Promise<T> {
  const batches = inFlight.get(counterId) ?? new Map<number, Promise<unknown>>();
  inFlight.set(counterId, batches);
  const before = batches.get(first - 1);
  const predecessor = async () => {
    if (!before) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((r) => {
      timer = setTimeout(r, maxWaitMs);
    });
    await Promise.race([before.then(noop, noop), timeout]);
    clearTimeout(timer);
  };
  const p = run(predecessor);
  batches.set(last, p);
  const done = () => {
    if (batches.get(last) === p) batches.delete(last);
    if (batches.size === 0 && inFlight.get(counterId) === batches) inFlight.delete(counterId);
  };
  p.then(done, done);
  return p;
}

function noop() {}
