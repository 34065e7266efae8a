/**
 * `npm run bench -- card [RUNS] [TRANSPORT…]`: the card part of a sale on each reader transport, one line per
 * transport (serial: one per baud rate, and its worst case), each against a floor measured in the same run:
 *   serial  the reference protocol over a socat pty to the emulator (support-card-serial.ts): the bytes on the
 *           wire × 10 / baud plus the card's 2.5 ms a byte programmed
 *   pcsc    pcscd + vpcd + the virtual card: the time inside the PC/SC calls the sale made (SCardTransmit,
 *           SCardReconnect, SCardGetStatusChange), timed at the binding
 *   mwic, dcrf  the 明华/德卡 stub libraries: the time inside the native calls the sale made
 *   maker   the worked manifest's stub library through the card station's maker format and the library host
 *           process: the same library calls made in-process, without the host process or the format
 * RUNS (default 8) sales after one warm-up; TRANSPORT (default all) picks some. Stub libraries are test doubles
 * built with cc; the drivers above them are the counter's own. Runtime: Node.
 */
import { removeTempDirs } from '../tests/support/temp-dir';
import { log } from './support';
import { libBench, makerBench, pcscBench } from './support-card-rigs';
import { serialBench } from './support-card-serial';

const args = process.argv.slice(2);
const RUNS = /^\d+$/.test(args[0] ?? '') ? Number(args.shift()) : 8;
const ALL = ['serial', 'pcsc', 'mwic', 'dcrf', 'maker'] as const;
const picked = args.length ? ALL.filter((t) => args.includes(t)) : ALL;

try {
  for (const t of picked) {
    log(`card: ${t}, ${RUNS} sales`);
    if (t === 'serial') await serialBench(RUNS);
    if (t === 'pcsc') await pcscBench(RUNS);
    if (t === 'mwic' || t === 'dcrf') await libBench(t, RUNS);
    if (t === 'maker') await makerBench(RUNS);
  }
} finally {
  removeTempDirs(true);
}
