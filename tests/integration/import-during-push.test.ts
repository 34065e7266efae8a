/**
 * An import during heavy pushes (issue P8, "Faults and bad input"): neither blocks the other. The import writes
 * in short chunks, each one transaction holding the feed lock only to its end (server/import/run.ts); a
 * counter pushing all the while has batches acknowledged between the import's chunks, and the import goes on
 * committing chunks between the pushes. Both finish with everything applied.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../core/ids';
import { runImport } from '../../server/import/run';
import { mulberry32 } from '../../services/setup/fake-households';
import { customerFile } from '../sim/payloads';
import { tempDir } from '../support/app';
import { startHeadOffice, type TestHeadOffice } from '../support/head-office';
import { CUSTOMER_HEADER, customerRow, writeXlsx } from '../support/import-files';
import { op, ScriptedCounter } from '../support/scripted-counter';

const ROWS = 1_200;
const CHUNK = 40;
const PER_PUSH = 25;

let ho: TestHeadOffice;
let counter: ScriptedCounter;
let file: string;
beforeAll(async () => {
  ho = await startHeadOffice();
  counter = await ScriptedCounter.enroll(ho, '0101', '01');
  file = join(tempDir('gasdesk-import-push-', { shared: true }), 'customers.xlsx');
  await writeXlsx(file, [CUSTOMER_HEADER, ...Array.from({ length: ROWS }, (_, i) => customerRow(i + 1))]);
}, 60_000);
afterAll(async () => ho?.close());

describe('an import while a counter pushes', () => {
  it('lets pushes through between its chunks, and keeps committing chunks between the pushes', async () => {
    const events: ('chunk' | 'push')[] = [];
    const rand = mulberry32(23);
    let opened = 0;
    let importing = true;
    const pushing = (async () => {
      let pushes = 0;
      // Until the import is done, and at least twice.
      while (importing || pushes < 2) {
        const files = Array.from({ length: PER_PUSH }, () => {
          opened += 1;
          const at = new Date(counter.clockMs).toISOString();
          return customerFile(
            rand,
            opened,
            uuidv7(Date.now()),
            `0101990${String(opened).padStart(5, '0')}`,
            at,
          );
        });
        const r = await counter.push(files.map((f) => op('customer.opened', f)));
        expect(r).toMatchObject({ applied: PER_PUSH, quarantined: [] });
        events.push('push');
        pushes += 1;
      }
    })();
    const imported = await runImport(ho.store, uuidv7(Date.now()), {
      kind: 'customers',
      path: file,
      hallCode: '0101',
      now: Date.now,
      chunkRows: CHUNK,
      onChunk: () => events.push('chunk'),
    }).finally(() => {
      importing = false;
    });
    await pushing;

    expect(imported.batch).toMatchObject({ status: 'done', summary: { created: ROWS } });
    const chunks = events.filter((e) => e === 'chunk').length;
    expect(chunks).toBeGreaterThanOrEqual(ROWS / CHUNK);
    // Pushes acknowledged while the import was between its first and last chunk, and chunks committed while
    // the counter was between its first and last push: each went on while the other was running.
    const firstChunk = events.indexOf('chunk');
    const lastChunk = events.lastIndexOf('chunk');
    const firstPush = events.indexOf('push');
    const lastPush = events.lastIndexOf('push');
    expect(
      events.slice(firstChunk, lastChunk).filter((e) => e === 'push').length,
      events.join(' '),
    ).toBeGreaterThan(0);
    expect(
      events.slice(firstPush, lastPush).filter((e) => e === 'chunk').length,
      events.join(' '),
    ).toBeGreaterThan(0);
    const [held] = await ho.store.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM customers WHERE hall_id = (SELECT id FROM halls WHERE code = '0101')",
    );
    expect(held!.n).toBe(ROWS + opened);
  }, 240_000);
});
