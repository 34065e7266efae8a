/** Test support: a real counter application on a real SQLite file in a fresh temporary folder. */
import { afterAll, afterEach } from 'vitest';
import type { CallInput, OpName, OpOutput } from '../../core/contract';
import type { ErrorBody } from '../../core/errors';
import { createDispatcher, type Dispatcher } from '../../services/api';
import { App } from '../../services/app';
import { DEMO_PASSWORD, seedDemo } from '../../services/setup/demo';
import { withRequestId } from './request-id';
import { tempDir } from './temp-dir';

export { tempDir };

const apps: App[] = [];
const sharedApps: App[] = [];

// Registered after temp-dir's (imported above), so they run before it: the apps close before their folders go.
afterEach(() => {
  for (const a of apps.splice(0)) a.close();
});
afterAll(() => {
  for (const a of sharedApps.splice(0)) a.close();
});

export class FakeClock {
  constructor(public ms = Date.parse('2026-11-26T09:00:00+08:00')) {}
  nowMs = () => this.ms;
  advanceMinutes(m: number) {
    this.ms += m * 60_000;
  }
}

export interface TestCounter {
  app: App;
  dir: string;
  clock: FakeClock;
  d: Dispatcher;
  /** Calls an operation and returns its result, failing the test on an error (a writing one gets a fresh requestId unless given). */
  ok<N extends OpName>(op: N, input: CallInput<N>, sessionId?: string): Promise<OpOutput<N>>;
  /** Calls an operation that must fail, and returns the error body. */
  fails(op: string, input: unknown, sessionId?: string): Promise<ErrorBody & { status: number }>;
  login(username: string, password?: string): Promise<string>;
  /** Closes the counter and opens it again on the same files (a restart: sessions and memory are gone). */
  restart(): void;
  count(table: string): number;
}

/** A counter for one test; with `shared`, for the whole file (created in beforeAll, closed after all). */
export async function testCounter(
  opts: { demo?: boolean; households?: number; shared?: boolean } = {},
): Promise<TestCounter> {
  const dir = tempDir('gasdesk-test-', { shared: opts.shared });
  const clock = new FakeClock();
  const app = new App({ dataDir: dir, clock });
  (opts.shared ? sharedApps : apps).push(app);
  if (opts.demo !== false) await seedDemo(app, opts.households ?? 5);
  const d = createDispatcher(app, () => {});
  const owned = opts.shared ? sharedApps : apps;
  const t: TestCounter = {
    app,
    dir,
    clock,
    d,
    async ok(op, input, sessionId) {
      const r = await t.d.invoke(op, withRequestId(op, input), { sessionId });
      if (!r.ok) throw new Error(`${op} failed: ${JSON.stringify(r.error)}`);
      return r.result as never;
    },
    async fails(op, input, sessionId) {
      const r = await t.d.invoke(op, withRequestId(op, input), { sessionId });
      if (r.ok) throw new Error(`${op} was expected to fail but returned ${JSON.stringify(r.result)}`);
      return { ...r.error, status: r.status };
    },
    async login(username, password = DEMO_PASSWORD) {
      return (await t.ok('auth.login', { username, password })).sessionId;
    },
    restart() {
      t.app.close();
      owned.splice(owned.indexOf(t.app), 1);
      t.app = new App({ dataDir: dir, clock });
      owned.push(t.app);
      t.d = createDispatcher(t.app, () => {});
    },
    count(table) {
      return (t.app.gdb.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    },
  };
  return t;
}
