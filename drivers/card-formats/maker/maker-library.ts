/**
 * A meter maker's card library as a card-format plug-in (MakerCardLibrary), driven by its manifest: each
 * operation calls the function the manifest names, with the arguments in its order, volumes converted to the
 * maker's unit (exactly, or refused), and the return code turned into the counter's error through the
 * manifest's table. The library runs in a library host process (drivers/ffi), so a call that hangs is cut at
 * the manifest's timeout. Runtime: Node.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import {
  type CardHeader,
  type CardKind,
  METER_STATUS_BITS,
  type MeterStatus,
  type PurchaseRecord,
} from '../../../core/card/gas-card';
import type { ErrorCode } from '../../../core/errors';
import { HostGone, HostProcess, type HostScript, HostTimeout, hostScript } from '../../ffi/host-process';
import { libraryFileProblem } from '../../ffi/library-file';
import type { LibArg, LibReply, LibRequest } from '../../ffi/lib-messages';
import type { MakerCardLibrary, MakerCardState } from '../card-format';
import {
  type InValue,
  isTextValue,
  type MakerManifest,
  makerManifestSchema,
  type OutValue,
  TOOL_KINDS,
  type ToolKind,
  UNIT_FACTORS,
  VOLUME_VALUES,
} from './manifest';
import { TOOL_CARD_NAMES } from '../../../core/card/maker-errors';

export class MakerCardError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    /** The call did not answer within the manifest's timeout and was cut (its host process killed). */
    readonly cut = false,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'MakerCardError';
  }
}

/** Reads and checks a manifest file; its library path is taken from the manifest's folder when relative. */
export function loadMakerManifest(path: string): { manifest: MakerManifest; library: string } {
  const parsed = makerManifestSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `表厂卡库清单有误 bad maker manifest ${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const m = parsed.data;
  return { manifest: m, library: isAbsolute(m.library) ? m.library : resolve(dirname(path), m.library) };
}

type Op = Exclude<keyof MakerManifest['operations'], 'toolCards'> | `toolCards.${ToolKind}`;
type Values = Partial<Record<InValue, string | number>>;

export class MakerCardPlugin implements MakerCardLibrary {
  private readonly host: HostProcess<LibRequest, LibReply>;
  readonly id: string;
  readonly name: string;

  constructor(
    private readonly m: MakerManifest,
    readonly library: string,
    script?: HostScript,
  ) {
    this.id = m.id;
    this.name = m.name;
    this.host = new HostProcess(
      script ?? hostScript('lib-host', new URL('../../ffi/lib-host.ts', import.meta.url)),
    );
  }

  /** GasDesk's 0.01 m³ in the maker's unit; a volume the unit cannot hold exactly is refused. */
  private toMaker(v: number): number {
    const [mul, div] = UNIT_FACTORS[this.m.units.volume];
    if ((v * mul) % div !== 0)
      throw new MakerCardError(
        'CARD_WRITE_FAILED',
        `${v / 100} m³ 不能用表厂的单位 ${this.m.units.volume} 精确表示`,
      );
    return (v * mul) / div;
  }

  private fromMaker(v: number): number {
    const [mul, div] = UNIT_FACTORS[this.m.units.volume];
    return (v * div) / mul;
  }

  private async run(op: Op, values: Values): Promise<Partial<Record<OutValue, string | number>>> {
    const problem = libraryFileProblem(this.library);
    if (problem?.kind === 'missing') throw new MakerCardError('CARD_LIBRARY_MISSING', this.library);
    if (problem)
      throw new MakerCardError(
        'CARD_LIBRARY_INVALID',
        problem.kind === 'wrong-architecture'
          ? `${problem.found} 架构的库，本机为 ${problem.expected}`
          : this.library,
      );
    const spec = op.startsWith('toolCards.')
      ? this.m.operations.toolCards?.[op.slice('toolCards.'.length) as ToolKind]
      : this.m.operations[op as Exclude<Op, `toolCards.${string}`>];
    if (!spec) throw new Error(`${op}: not in the manifest`);
    const args: LibArg[] = spec.args.map((a): LibArg => {
      if ('out' in a) return a.size ? { kind: 'out-buf', size: a.size } : { kind: 'out-int' };
      const v = a.in === 'port' ? this.m.port : values[a.in];
      if (v === undefined) throw new Error(`${op}: no value for ${a.in}`);
      if (isTextValue(a.in)) return { kind: 'str', value: new TextEncoder().encode(String(v)) };
      return { kind: 'int', value: VOLUME_VALUES.has(a.in) ? this.toMaker(Number(v)) : Number(v) };
    });
    const writes = op !== 'read';
    let reply: LibReply;
    try {
      reply = await this.host.request(
        {
          op: 'call',
          library: this.library,
          stdcall: this.m.callingConvention === 'stdcall',
          fn: spec.function,
          args,
        },
        this.m.timeoutMs,
      );
    } catch (e) {
      if (!(e instanceof HostTimeout || e instanceof HostGone)) throw e;
      // A write cut short may or may not have reached the card: the journal settles it from the next read.
      throw new MakerCardError(
        writes ? 'CARD_WRITE_UNCERTAIN' : 'READER_UNAVAILABLE',
        `${spec.function}: ${e.message}`,
        e instanceof HostTimeout,
      );
    }
    if (!reply.ok) {
      this.host.kill();
      if (reply.kind === 'missing-export') throw new MakerCardError('CARD_LIBRARY_EXPORTS', reply.fn);
      throw new MakerCardError(
        reply.kind === 'load-failed' ? 'CARD_LIBRARY_INVALID' : 'READER_UNAVAILABLE',
        reply.detail,
      );
    }
    const outcome = this.m.returnCodes[String(reply.ret)];
    if (outcome !== 'ok')
      throw new MakerCardError(
        outcome ?? (writes ? 'CARD_WRITE_UNCERTAIN' : 'READER_UNAVAILABLE'),
        `${spec.function} = ${reply.ret}${outcome ? '' : '（清单中没有这个返回码）'}`,
      );
    const out: Partial<Record<OutValue, string | number>> = {};
    let i = 0;
    for (const a of spec.args) {
      if (!('out' in a)) continue;
      const v = reply.outs[i++]!;
      out[a.out] =
        v instanceof Uint8Array
          ? new TextDecoder('latin1').decode(v)
          : VOLUME_VALUES.has(a.out)
            ? this.fromMaker(v)
            : v;
    }
    return out;
  }

  async readCard(): Promise<MakerCardState> {
    const o = await this.run('read', {});
    const num = (k: OutValue) => (typeof o[k] === 'number' ? (o[k] as number) : 0);
    return {
      header: {
        kind: this.kindOf(o.cardKind),
        region: num('region'),
        cardNo: String(o.cardNo ?? ''),
        accountNo: String(o.accountNo ?? ''),
        generation: num('generation'),
      },
      purchase:
        num('count') > 0
          ? { count: num('count'), volume: num('volume'), cumulative: num('cumulative') }
          : null,
      meter:
        o.meterRemaining !== undefined || o.meterUsed !== undefined
          ? {
              remaining: num('meterRemaining'),
              cumulativeUsed: num('meterUsed'),
              ...(o.meterNo !== undefined && {
                meterNo: String(o.meterNo).trim(),
                readAt: this.readAtOf(o.meterReadAt),
                loadedCount: num('meterLoadedCount'),
                status: this.statusOf(num('meterStatus')),
              }),
            }
          : null,
    };
  }

  /** The maker's kind code as GasDesk's card kind; a code the manifest does not list reads as a user card. */
  private kindOf(code: string | number | undefined): CardKind {
    if (code === undefined) return 'user';
    return this.m.cardKinds?.[String(code)] ?? 'user';
  }

  /** Unix seconds, or the meter's clock as text (YYYYMMDDhhmmss, any separators) at the manifest's offset; 0 if unreadable. */
  private readAtOf(v: string | number | undefined): number {
    if (typeof v === 'number') return v;
    const d = String(v ?? '').replace(/\D/g, '');
    if (d.length !== 14) return 0;
    const iso = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${d.slice(8, 10)}:${d.slice(10, 12)}:${d.slice(12, 14)}${this.m.meter?.clock ?? '+08:00'}`;
    const ms = Date.parse(iso);
    // Date.parse rolls 2026-02-30 over to March: a date that does not exist is unreadable, not another day.
    return Number.isNaN(ms) || new Date(ms + offsetMs(iso)).toISOString().slice(0, 19) !== iso.slice(0, 19)
      ? 0
      : ms / 1000;
  }

  private statusOf(bits: number): MeterStatus {
    const masks = this.m.meter?.statusBits ?? {};
    return Object.fromEntries(
      Object.keys(METER_STATUS_BITS).map((k) => {
        const mask = masks[k as keyof MeterStatus];
        return [k, mask !== undefined && (bits & mask) !== 0];
      }),
    ) as MeterStatus;
  }

  async writePurchase(
    cardNo: string,
    p: Pick<PurchaseRecord, 'count' | 'volume' | 'cumulative'>,
  ): Promise<void> {
    await this.run('writePurchase', { cardNo, count: p.count, volume: p.volume, cumulative: p.cumulative });
  }

  async issue(h: CardHeader): Promise<void> {
    await this.run('issue', { ...headerValues(h) });
  }

  async clear(cardNo: string): Promise<void> {
    await this.run('clear', { cardNo });
  }

  async replace(h: CardHeader, carried: Pick<PurchaseRecord, 'count' | 'cumulative'>): Promise<void> {
    await this.run('replace', { ...headerValues(h), count: carried.count, cumulative: carried.cumulative });
  }

  get toolKinds(): ToolKind[] {
    return TOOL_KINDS.filter((k) => this.m.operations.toolCards?.[k]);
  }

  async makeToolCard(kind: Exclude<CardKind, 'user'>, cardNo: string, region: number): Promise<void> {
    if (!this.m.operations.toolCards?.[kind])
      throw new MakerCardError(
        'CARD_TOOL_UNSUPPORTED',
        `${this.m.name} 的清单没有写明制作${TOOL_CARD_NAMES[kind]}的函数（operations.toolCards.${kind}）`,
      );
    await this.run(`toolCards.${kind}`, { cardNo, region });
  }

  async close(): Promise<void> {
    this.host.kill();
  }
}

/** The offset (ms) an ISO time with ±hh:mm is ahead of UTC. */
function offsetMs(iso: string): number {
  const m = /([+-])(\d\d):(\d\d)$/.exec(iso);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
}

function headerValues(h: CardHeader): Values {
  return { cardNo: h.cardNo, accountNo: h.accountNo, region: h.region, generation: h.generation ?? 0 };
}
