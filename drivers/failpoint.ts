/**
 * Crash points for the kill -9 tests: when GASDESK_FAILPOINT names a point, the process is killed there with
 * SIGKILL, exactly as a power cut would stop it. Inert unless that variable is set. Runtime: Node.
 */
export function failpoint(name: string): void {
  if (process.env.GASDESK_FAILPOINT === name) process.kill(process.pid, 'SIGKILL');
}
