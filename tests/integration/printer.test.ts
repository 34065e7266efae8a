import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testPage } from '../../core/receipts/test-page';
import { EscPos } from '../../drivers/printer/escpos';
import { openTcp } from '../../drivers/printer/link';
import { type PrinterProblem, PrinterError, printJob } from '../../drivers/printer/printer';
import { PrinterServer } from '../../drivers/printer/printer-server';
import { renderEscPos } from '../../drivers/printer/render';
import { tempDir } from '../support/app';
import { goldenHex } from '../support/golden';
import { gasdesk, ROOT } from '../support/socat';

const servers: PrinterServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.powerOff();
});

async function printer() {
  const s = new PrinterServer();
  servers.push(s);
  const port = await s.listenTcp(0);
  return { s, open: () => openTcp('127.0.0.1', port, 500) };
}

const job = () => new EscPos(58).init().line('燃气费收据').line('合计 ￥55.00').cut().bytes();

const problem = async (p: Promise<unknown>): Promise<PrinterProblem | 'ok'> => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof PrinterError) return e.problem;
    throw e;
  }
};

describe('printing on an ESC/POS printer over TCP 9100', () => {
  it('prints a job and reads the status before and after', async () => {
    const { s, open } = await printer();
    expect(await printJob(open, job())).toMatchObject({ paperNearEnd: false });
    expect(s.emulator.receipts).toHaveLength(1);
    s.emulator.flags.paperNearEnd = true;
    expect(await printJob(open, job())).toMatchObject({ paperNearEnd: true });
  });

  it('says why it cannot print: paper out before the job, cover open, cutter error', async () => {
    const { s, open } = await printer();
    s.emulator.flags.paperEnd = true;
    expect(await problem(printJob(open, job()))).toBe('PAPER_OUT');
    s.emulator.flags = { ...s.emulator.flags, paperEnd: false, coverOpen: true };
    expect(await problem(printJob(open, job()))).toBe('COVER_OPEN');
    s.emulator.flags = { ...s.emulator.flags, coverOpen: false, cutterError: true };
    expect(await problem(printJob(open, job()))).toBe('CUTTER_ERROR');
    expect(s.emulator.receipts).toHaveLength(0);
  });

  it('notices paper running out in the middle of a job', async () => {
    const { s, open } = await printer();
    const handle = s.emulator.handle.bind(s.emulator);
    s.emulator.handle = (chunk) => {
      if (chunk.length > 10) s.emulator.flags.paperEnd = true; // the roll ends while the job prints
      return handle(chunk);
    };
    expect(await problem(printJob(open, job()))).toBe('PAPER_OUT');
    expect(s.emulator.receipts).toHaveLength(0);
  });

  it('a printer switched off (connection refused) or dropping the connection mid-job', async () => {
    const { s, open } = await printer();
    await s.powerOff();
    expect(await problem(printJob(open, job()))).toBe('NOT_CONNECTED');
    const p2 = await printer();
    p2.s.faults.dropAfterBytes = 12 + 10; // the four status requests, then part of the job
    expect(['DROPPED', 'TIMEOUT']).toContain(await problem(printJob(p2.open, job())));
  });

  it('copes with a slow printer, split status replies and garbage bytes', async () => {
    const { s, open } = await printer();
    s.faults.replyDelayMs = 150;
    expect(await problem(printJob(open, job()))).toBe('ok');
    s.faults = { garbageBeforeReplies: [0x00, 0xff, 0x55, 0x81] };
    expect(await problem(printJob(open, job()))).toBe('ok');
    expect(s.emulator.receipts).toHaveLength(2);
  });

  it('gasdesk print test prints the test page, gasdesk emulate printer writes it as text', async () => {
    const out = tempDir();
    const emu = await gasdesk(
      ['emulate', 'printer', '--tcp', '0', '--out', out, '--width', '58'],
      /on tcp:127\.0\.0\.1:(\d+)/,
    );
    try {
      const r = spawnSync(
        process.execPath,
        [
          join(ROOT, 'cli/bin/gasdesk.js'),
          'print',
          'test',
          '--printer',
          `tcp:127.0.0.1:${emu.match[1]}`,
          '--width',
          '58',
        ],
        { encoding: 'utf8' },
      );
      expect(r.stdout).toContain('测试页已打印');
      for (let i = 0; i < 40 && !existsSync(join(out, 'receipt-0001.txt')); i++)
        await new Promise((res) => setTimeout(res, 25));
      for (let i = 0; i < 40 && !existsSync(join(out, 'receipt-0001.svg')); i++)
        await new Promise((res) => setTimeout(res, 25));
      expect(readdirSync(out).sort()).toEqual(['receipt-0001.svg', 'receipt-0001.txt']);
      const text = readFileSync(join(out, 'receipt-0001.txt'), 'utf8');
      expect(text).toContain('GasDesk 打印测试');
      expect(text).toContain('壹仟贰佰叁拾肆元伍角整');
      expect(text).toContain('[QR gasdesk:test]');
      expect(text).toContain('✂');
      const svg = readFileSync(join(out, 'receipt-0001.svg'), 'utf8');
      expect(svg).toMatch(/^<svg [^>]*width="408"/); // 58 mm: 32 columns of 12 px and the margins
      expect(svg).toContain('壹仟贰佰叁拾肆元伍角整');
      expect(svg).toContain('二维码 gasdesk:test');
    } finally {
      emu.child.kill('SIGTERM');
    }
    const refused = spawnSync(
      process.execPath,
      [join(ROOT, 'cli/bin/gasdesk.js'), 'print', 'test', '--printer', 'tcp:127.0.0.1:1'],
      { encoding: 'utf8' },
    );
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('打印机未连接');
  });

  it('renders the test page to the committed golden bytes at both widths', async () => {
    for (const cols of [32, 48] as const) {
      const bytes = renderEscPos(testPage(cols, { hall: '东海', counter: '1号', at: '2026-11-26 09:00' }));
      await expect(goldenHex(bytes)).toMatchFileSnapshot(`../fixtures/golden/test-page-${cols}.hex`);
    }
  });
});
