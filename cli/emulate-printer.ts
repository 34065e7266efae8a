/**
 * `gasdesk emulate printer --tcp PORT | --serial PATH [--out DIR] [--width 58|80]`: an ESC/POS printer
 * emulator that writes every finished receipt into DIR as a UTF-8 text file and as an SVG picture of the paper.
 * Runtime: Node.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { textWidth } from '../drivers/printer/gb18030';
import { PrinterServer } from '../drivers/printer/printer-server';
import { receiptText } from '../core/receipts/printed';
import { receiptSvg } from '../core/receipts/svg';

export async function emulatePrinter(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      tcp: { type: 'string' },
      serial: { type: 'string' },
      out: { type: 'string' },
      width: { type: 'string', default: '80' },
      'control-port': { type: 'string' },
    },
  });
  if ((!values.tcp && !values.serial) || !['58', '80'].includes(values.width!)) {
    process.stderr.write(
      '用法 usage: gasdesk emulate printer --tcp PORT | --serial PATH [--out DIR] [--width 58|80] [--control-port N]\n',
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
    const name = `receipt-${String(n).padStart(4, '0')}`;
    if (values.out) {
      writeFileSync(join(values.out, `${name}.txt`), text);
      writeFileSync(join(values.out, `${name}.svg`), receiptSvg(r, columns, textWidth));
    } else process.stdout.write(text);
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
  const control =
    values['control-port'] !== undefined
      ? await printerControl(server, Number(values['control-port']))
      : null;
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  control?.close();
  await server.powerOff();
  return 0;
}

const flagsInput = z
  .object({
    paperEnd: z.boolean(),
    paperNearEnd: z.boolean(),
    coverOpen: z.boolean(),
    cutterError: z.boolean(),
    offline: z.boolean(),
  })
  .partial()
  .strict();

/** The printer emulator's control API: GET /state, POST /flags (paper end, cover open …) on 127.0.0.1. */
async function printerControl(server: PrinterServer, port: number): Promise<Server> {
  const http = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const emu = server.emulator;
      if (req.method === 'GET' && req.url === '/state')
        return reply(200, { flags: emu.flags, receipts: emu.receipts.length });
      if (req.method === 'POST' && req.url === '/flags') {
        const parsed = flagsInput.safeParse(raw ? JSON.parse(raw) : {});
        if (!parsed.success)
          return reply(400, { error: { code: 'BAD_REQUEST', message: parsed.error.message } });
        emu.flags = { ...emu.flags, ...parsed.data };
        emu.resume();
        return reply(200, { flags: emu.flags });
      }
      reply(404, { error: { code: 'NOT_FOUND' } });
    });
  });
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  process.stdout.write(`printer control at http://127.0.0.1:${(http.address() as AddressInfo).port}\n`);
  return http;
}
