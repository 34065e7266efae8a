/**
 * `gasdesk emulate printer --tcp PORT | --serial PATH [--out DIR] [--width 58|80]`: an ESC/POS printer
 * emulator that writes every finished receipt as a UTF-8 text file into DIR. Runtime: Node.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { textWidth } from '../drivers/printer/gb18030';
import { PrinterServer } from '../drivers/printer/printer-server';
import { receiptText } from '../core/receipts/printed';

export async function emulatePrinter(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      tcp: { type: 'string' },
      serial: { type: 'string' },
      out: { type: 'string' },
      width: { type: 'string', default: '80' },
    },
  });
  if ((!values.tcp && !values.serial) || !['58', '80'].includes(values.width!)) {
    process.stderr.write(
      '用法 usage: gasdesk emulate printer --tcp PORT | --serial PATH [--out DIR] [--width 58|80]\n',
    );
    return 2;
  }
  const columns = values.width === '58' ? 32 : 48;
  const server = new PrinterServer();
  let n = 0;
  if (values.out) mkdirSync(values.out, { recursive: true });
  server.emulator.onReceipt = (r) => {
    n++;
    const text = receiptText(r, columns, textWidth);
    if (values.out) writeFileSync(join(values.out, `receipt-${String(n).padStart(4, '0')}.txt`), text);
    else process.stdout.write(text);
  };
  if (values.tcp) {
    const port = await server.listenTcp(Number(values.tcp));
    process.stdout.write(
      `printer emulator on tcp:127.0.0.1:${port}${values.out ? `, receipts into ${values.out}` : ''}\n`,
    );
  } else {
    await server.serveSerial(values.serial!);
    process.stdout.write(`printer emulator on serial:${values.serial}\n`);
  }
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.powerOff();
  return 0;
}
