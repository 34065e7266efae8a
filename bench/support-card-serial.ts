/**
 * The card bench over the serial transport (bench/card.ts): the whole card part of a sale — identify (one read
 * of the bytes the format uses), verify the PSC, write the purchase to the primary and the backup area (only
 * the bytes that change), each read back — over a socat pty pair to the reader emulator in another process
 * (which takes an SLE4442's 2.5 ms a byte to program), at 9600 and 115200 baud, against the floor measured in
 * the same run: the bytes that crossed the line × 10 bit-times / baud, plus the card's programming time for the
 * bytes written. Targets: ≤ 0.5 s per sale at 9600 baud, ratio ≤ 1.3.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cardKeys } from '../drivers/card-formats/keys';
import { referenceFormat } from '../drivers/card-formats/reference-format';
import { CardReader } from '../drivers/card-reader/reader';
import { openSerial } from '../drivers/card-reader/serial-transport';
import { emit, log, percentile } from './support';

const ROOT = join(import.meta.dirname, '..');
const MASTER = '5a'.repeat(32);
const keys = cardKeys(Buffer.from(MASTER, 'hex'));
/** The emulator's (and an SLE4442's) programming time per byte written. */
const PROGRAM_MS = 2.5;
const header = { kind: 'user' as const, region: 320, cardNo: '1000000000000099', accountNo: '010101000099' };

async function waitFor(fn: () => boolean, what: string) {
  for (let i = 0; i < 2400 && !fn(); i++) await new Promise((r) => setTimeout(r, 25));
  if (!fn()) throw new Error(`timed out waiting for ${what}`);
}

async function startEmulator(dir: string, baud: number): Promise<{ b: string; base: string; stop(): void }> {
  const a = join(dir, `A${baud}`);
  const b = join(dir, `B${baud}`);
  const socat = spawn('socat', [`pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: 'ignore' });
  await waitFor(() => existsSync(a) && existsSync(b), 'socat');
  const emu: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, 'cli/bin/gasdesk.js'), 'emulate', 'reader', '--serial', a, '--baud', String(baud)],
    { cwd: ROOT },
  );
  let out = '';
  emu.stdout!.on('data', (c) => {
    out += c;
  });
  await waitFor(() => /control at/.test(out), 'the emulator');
  const base = /control at (\S+)/.exec(out)![1]!;
  return {
    b,
    base,
    stop: () => {
      emu.kill('SIGTERM');
      socat.kill('SIGTERM');
    },
  };
}

const post = (base: string, path: string, body: unknown) =>
  fetch(`${base}${path}`, { method: 'POST', body: JSON.stringify(body) }).then(
    (r) => r.json() as Promise<{ id: string }>,
  );

export async function serialBench(RUNS: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gasdesk-bench-card-'));
  writeFileSync(join(dir, 'k'), MASTER);
  try {
    for (const baud of [9600, 115200]) {
      const emu = await startEmulator(dir, baud);
      const card = await post(emu.base, '/cards', {});
      await post(emu.base, '/slot/insert', { cardId: card.id });
      const reader = new CardReader(await openSerial({ path: emu.b, baudRate: baud }), { timeoutMs: 2000 });
      await referenceFormat.issue(reader, header, keys);
      let programmed = 0;
      const update = reader.updateMain.bind(reader);
      reader.updateMain = (addr, bytes) => {
        programmed += bytes.length;
        return update(addr, bytes);
      };
      const times: number[] = [];
      const floors: number[] = [];
      let wire = 0;
      let perSale = 0;
      for (let i = 0; i <= RUNS; i++) {
        const bytes0 = reader.bytesIn + reader.bytesOut;
        const programmed0 = programmed;
        const t0 = performance.now();
        // As a sale does it: one read (no error counter: the verification reads it), then the write.
        const { image, record } = await referenceFormat.read(reader, { triesLeft: false });
        const count = record.state === 'ok' ? (record.purchase?.count ?? 0) + 1 : 1;
        await referenceFormat.writePurchase(
          reader,
          header.cardNo,
          {
            count,
            volume: 1000,
            cumulative: 1000 * count,
            writtenAt: 1_790_000_000 + 3600 * count,
            counterCode: '010101',
          },
          keys,
          { image },
        );
        if (i === 0) continue; // the first cycle warms up the JIT on both sides
        times.push(performance.now() - t0);
        wire = reader.bytesIn + reader.bytesOut - bytes0;
        perSale = programmed - programmed0;
        floors.push((wire * 10 * 1000) / baud + (programmed - programmed0) * PROGRAM_MS);
      }
      await reader.close();
      emu.stop();
      log(`${baud} baud: ${wire} bytes on the wire and ${perSale} bytes programmed per sale`);
      emit('card', `serial.${baud}.p50`, percentile(times, 50), percentile(floors, 50));
      emit('card', `serial.${baud}.max`, Math.max(...times), Math.max(...floors));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
