import { spawnSync } from 'node:child_process';
import { defineConfig } from 'vitest/config';

// Head-office tests run on the local PostgreSQL whenever it answers (as .ci/run does), and on PGlite otherwise.
if (!process.env.DATABASE_URL) {
  const probe = spawnSync('pg_isready', ['-h', '127.0.0.1', '-p', '5432', '-q'], { stdio: 'ignore' });
  if (probe.status === 0) process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
}

// Tests run the TypeScript sources: a `gasdesk` child (cli/bin/gasdesk.js) takes cli/main.ts through tsx even when
// an `npm run build` left a bundle in out/cli (tests/integration/bundle.test.ts runs the bundle, on purpose).
process.env.GASDESK_FROM_SOURCE = '1';

// New password hashes at scrypt 2^10 instead of 2^15 (core/node/password.ts honours it only under vitest): the
// suite hashes and checks demo passwords thousands of times, ~0.1 s each at 2^15 on a quiet core. Stored hashes
// name their cost; core/node/password.test.ts proves 2^15 is what runs outside the tests.
process.env.GASDESK_TEST_SCRYPT_LOG_N ??= '10';

// expect.poll waits for a state up to 15 s (vitest's default is 1 s): on CI's two loaded cores an answer, a
// dialog or a list refresh can take longer than a second, and a poll passes the moment the state is reached.
const POLL = { timeout: 15_000, interval: 50 };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{core,db,drivers,services,cli,server,electron,renderer}/**/*.test.{ts,tsx}'],
          environment: 'node',
          // Projects with their own maxWorkers run as groups, one after the other (vitest refuses to mix them).
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          expect: { poll: POLL },
          pool: 'forks',
          // Two files at a time. vitest's default is one fewer than the CPUs: one on CI's two cores, which left a
          // core idle while a file waits on a socket, a child process or PostgreSQL (most of them, most of the
          // time). Files share nothing: fresh temp folders and databases, port 0; pcscd's one socket is used by
          // one file only (tests/support/pcscd.ts).
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          expect: { poll: POLL },
          pool: 'forks',
          fileParallelism: false,
        },
      },
    ],
  },
});
