/**
 * Crash points for the kill -9 tests: when GASDESK_FAILPOINT names a point, the process is killed there with
 * SIGKILL, exactly as a power cut would stop it. Inert unless that variable is set. The variable is read once:
 * the tests set it in the child's environment, and reading process.env on every sale cost a few µs each time.
 * A test double of the same crash inside a test's own process: `simulateCrashAt` makes the point throw
 * SimulatedCrash instead, and the test then reopens the counter on the same files, as a restart would.
 * Runtime: Node.
 */
const armed = process.env.GASDESK_FAILPOINT || undefined;
let simulated: string | undefined;

export class SimulatedCrash extends Error {
  constructor(point: string) {
    super(`simulated crash at ${point}`);
    this.name = 'SimulatedCrash';
  }
}

/** Tests only: the next passes through this point throw SimulatedCrash (undefined: none). */
export function simulateCrashAt(point: string | undefined): void {
  simulated = point;
}

export function failpoint(name: string): void {
  if (armed === name) process.kill(process.pid, 'SIGKILL');
  if (simulated === name) throw new SimulatedCrash(name);
}
