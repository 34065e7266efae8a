/**
 * Crash points for the kill -9 tests: when GASDESK_FAILPOINT names a point, the process is killed there with
 * SIGKILL, exactly as a power cut would stop it. Inert unless that variable is set. The variable is read once:
 * the tests set it in the child's environment, and reading process.env on every sale cost a few µs each time.
 * Runtime: Node.
 */
const armed = process.env.GASDESK_FAILPOINT || undefined;

export function failpoint(name: string): void {
  if (armed === name) process.kill(process.pid, 'SIGKILL');
}
