/**
 * `gasdesk emulate reader --serial PATH [--baud N] [--control-port N] [--key-file FILE]`: a reader emulator on a
 * serial device with its control API on 127.0.0.1. Runtime: Node.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { cardKeys } from '../drivers/card-formats/keys';
import { serveOnSerial } from '../drivers/card-reader/serial-emulator';
import { TrainingWorld } from '../drivers/emulator/world';
import { controlServer } from './emulator-control';
import { emulatePrinter } from './emulate-printer';

export async function emulateCommand(argv: string[]): Promise<number> {
  if (argv[0] === 'printer') return emulatePrinter(argv.slice(1));
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      serial: { type: 'string' },
      baud: { type: 'string', default: '9600' },
      'control-port': { type: 'string', default: '0' },
      'key-file': { type: 'string' },
    },
  });
  if (positionals[0] !== 'reader' || !values.serial) {
    process.stderr.write(
      '用法 usage: gasdesk emulate reader --serial PATH [--baud 9600|115200] [--control-port N] [--key-file FILE]\n',
    );
    return 2;
  }
  const baudRate = Number(values.baud);
  if (![1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200].includes(baudRate))
    throw new Error(`unsupported baud rate ${values.baud}`);
  // Meters need the counter's master key (hex, 32 bytes) to write their readings back.
  const keys = values['key-file']
    ? cardKeys(Buffer.from(readFileSync(values['key-file'], 'utf8').trim(), 'hex'))
    : undefined;
  const world = new TrainingWorld(keys);
  const link = await serveOnSerial(world.reader, { path: values.serial, baudRate });
  const server = controlServer(world, {
    // The reader goes dead, as if its cable were pulled (closing a pty would end the socat pair); `plug` revives it.
    '/reader/unplug': () => {
      link.pause();
      return { plugged: false };
    },
    '/reader/plug': () => {
      link.resume();
      return { plugged: true };
    },
  });
  await new Promise<void>((resolve) => server.listen(Number(values['control-port']), '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  process.stdout.write(
    `reader emulator on ${values.serial} at ${baudRate} baud; control at http://127.0.0.1:${port}\n`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  server.close();
  await link.close();
  return 0;
}
