/** `gasdesk print test --printer tcp:HOST:PORT|serial:PATH|file:PATH [--width 58|80]`. Runtime: Node. */
import { parseArgs } from 'node:util';
import { testPage } from '../core/receipts/test-page';
import { openPrinterSpec } from '../drivers/printer/link';
import { PRINTER_PROBLEM_ZH, PrinterError, printJob } from '../drivers/printer/printer';
import { renderEscPos } from '../drivers/printer/render';

export async function printCommand(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { printer: { type: 'string' }, width: { type: 'string', default: '80' } },
  });
  if (positionals[0] !== 'test' || !values.printer || !['58', '80'].includes(values.width!)) {
    process.stderr.write(
      '用法 usage: gasdesk print test --printer tcp:HOST:PORT|serial:PATH|file:PATH [--width 58|80]\n',
    );
    return 2;
  }
  const doc = testPage(values.width === '58' ? 32 : 48, {
    hall: 'GasDesk',
    counter: values.printer,
    at: new Date().toLocaleString('zh-CN'),
  });
  try {
    const out = await printJob(() => openPrinterSpec(values.printer!), renderEscPos(doc));
    process.stdout.write(
      `测试页已打印 test page printed${out.paperNearEnd ? '（纸将尽 paper near end）' : ''}\n`,
    );
    return 0;
  } catch (e) {
    if (e instanceof PrinterError) {
      process.stderr.write(`打印失败 print failed: ${PRINTER_PROBLEM_ZH[e.problem]} (${e.problem})\n`);
      return 1;
    }
    throw e;
  }
}
