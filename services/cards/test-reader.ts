/**
 * 测试 in the reader settings: opens the reader an address names — any kind — reads its identification and
 * whether a card is in, and lets it go; never a PSC, never a write. The reader this counter already uses (the
 * same address) is asked through its station, in its turn, since its port may be held. And the PC/SC reader
 * names this machine has, for choosing `pcsc:NAME`. Problems come back in Chinese, not as failures: the counter
 * keeps running without that reader. Runtime: Node.
 */
import { openReaderSpec } from '../../drivers/card-reader/open-spec';
import type { Sle4442Reader } from '../../drivers/card-reader/sle4442-reader';
import type { Handlers } from '../call';
import { guard } from './card-station';
import { problemText, readerOpenProblem } from './reader-problem';

const TEST_TIMEOUT_MS = 3000;

async function probe(reader: Sle4442Reader) {
  const info = await reader.info();
  return { ok: true, info, cardPresent: await reader.cardPresent(), problem: null };
}

export const devicesTestReader: Handlers['devices.testReader'] = async (input, { app }) => {
  const station = app.cardStation;
  try {
    if (station && !station.world && station.description === input.spec)
      return await station.exclusive(async () => guard(async () => probe(await station.reader())));
    const reader = await openReaderSpec(input.spec, { timeoutMs: TEST_TIMEOUT_MS });
    try {
      return await guard(() => probe(reader));
    } finally {
      await reader.close().catch(() => {});
    }
  } catch (e) {
    return { ok: false, info: null, cardPresent: null, problem: problemText(readerOpenProblem(e)) };
  }
};

export const devicesReaderNames: Handlers['devices.readerNames'] = async () => {
  try {
    const { listPcscReaders } = await import('../../drivers/card-reader/pcsc/pcsc-reader');
    return { pcsc: await listPcscReaders(TEST_TIMEOUT_MS), problem: null };
  } catch (e) {
    return { pcsc: [], problem: problemText(readerOpenProblem(e)) };
  }
};
