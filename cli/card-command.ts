/**
 * `gasdesk card info --reader SPEC [--json]` (SPEC: any reader kind of reader-spec.ts — serial, hid, pcsc, lib:mwic,
 * lib:dcrf, maker): the field technician's diagnostic —
 * reader firmware, card present, ATR, PSC tries left and the decoded record (a meter maker's library: its own
 * reading, no ATR). It never verifies a PSC. A reader
 * it cannot use is said in Chinese with a stable code (exit 1): the port held by another program (named),
 * missing, not permitted, or a reader that does not answer. Runtime: Node.
 */
import { parseArgs } from 'node:util';
import { decodeCard } from '../core/card/gas-card';
import { formatCubicMetres } from '../core/quantities';
import { AppError } from '../core/errors';
import { exitProcess, stuckCalls } from '../drivers/card-reader/ffi/ffi-call';
import { openReaderSpec, ReaderSpecError, readerKinds } from '../drivers/card-reader/open-spec';
import type { Sle4442Reader } from '../drivers/card-reader/sle4442-reader';
import { ownFormatOf } from '../drivers/card-formats/maker/maker-format';
import { guard } from '../services/cards/card-station';
import { problemText, readerOpenProblem } from '../services/cards/reader-problem';

export async function cardCommand(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { reader: { type: 'string' }, json: { type: 'boolean' } },
  });
  if (positionals[0] !== 'info' || !values.reader) {
    const kinds = readerKinds()
      .map((k) => k.syntax)
      .join('|');
    process.stderr.write(`用法 usage: gasdesk card info --reader ${kinds} [--json]\n`);
    return 2;
  }
  let reader: Sle4442Reader;
  try {
    reader = await openReaderSpec(values.reader, { timeoutMs: 2000 });
  } catch (e) {
    if (e instanceof ReaderSpecError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    const code = fail(readerOpenProblem(e), values.json);
    if (stuckCalls > 0) await exitProcess(code);
    return code;
  }
  try {
    const out = await guard(async () => {
      const firmware = await reader.info();
      const present = await reader.cardPresent();
      let atr: string | null = null;
      let triesLeft: number | null = null;
      let record: ReturnType<typeof decodeCard> | null = null;
      const own = ownFormatOf(reader);
      if (present && own) {
        const read = await own.read(reader);
        triesLeft = read.triesLeft;
        record = read.record;
      } else if (present) {
        atr = Buffer.from(await reader.powerOn()).toString('hex');
        triesLeft = await reader.triesLeft();
        record = decodeCard(await reader.readImage());
      }
      return { firmware, present, atr, triesLeft, record };
    });
    if (values.json) process.stdout.write(`${JSON.stringify(out)}\n`);
    else process.stdout.write(describe(out.firmware, out.present, out.atr, out.triesLeft, out.record));
    return 0;
  } catch (e) {
    if (e instanceof AppError) return fail(e, values.json);
    throw e;
  } finally {
    await reader.close();
    // A library call that never returned (the reader stuck) would keep the process from exiting.
    if (stuckCalls > 0) await exitProcess(1);
  }
}

/** A reader problem in Chinese (naming the program that holds the port, when that is it), with its code. */
function fail(e: AppError, json: boolean | undefined): number {
  if (json) process.stdout.write(`${JSON.stringify({ error: e.toBody() })}\n`);
  process.stderr.write(`读卡失败 [${e.code}]：${problemText(e)}\n`);
  return 1;
}

function describe(
  firmware: string,
  present: boolean,
  atr: string | null,
  tries: number | null,
  r: ReturnType<typeof decodeCard> | null,
): string {
  const lines = [
    `读卡器 reader:   ${firmware}`,
    `卡片 card:       ${present ? '在位 present' : '无卡 none'}`,
  ];
  if (present && atr) lines.push(`ATR:            ${atr}`);
  if (present) lines.push(`密码剩余次数 PSC tries left: ${tries}${tries === 0 ? '（已锁死 locked）' : ''}`);
  if (r?.state === 'ok') {
    lines.push(
      `卡号 card no:    ${r.header.cardNo}  类型 kind: ${r.header.kind}  区域 region: ${r.header.region}`,
      `用户编号 account: ${r.header.accountNo || '—'}`,
    );
    if (r.purchase)
      lines.push(
        `购气次数 count:  ${r.purchase.count}  本次 ${formatCubicMetres(r.purchase.volume)} m³  累计 ${formatCubicMetres(r.purchase.cumulative)} m³  ${r.pending ? '未入表 not yet loaded' : '已入表 loaded'}`,
      );
    const w = r.writeBack;
    if (w.meterNo)
      lines.push(
        `表回写 meter ${w.meterNo}: 剩余 ${formatCubicMetres(w.remaining)} m³  累计用气 ${formatCubicMetres(w.cumulativeUsed)} m³  状态 ${JSON.stringify(w.status)}`,
      );
  } else if (r) lines.push(`卡片状态 state: ${r.state}${'reason' in r ? ` (${r.reason})` : ''}`);
  return `${lines.join('\n')}\n`;
}
