/**
 * A resident-ID reader driven through its maker's termb library: opened on first use (the library file
 * checked, loaded in the host process, CVR_InitComm on the configured port), then each read places the card
 * (CVR_Authenticate), reads it (CVR_Read_Content) and takes its fields, decoded from GBK (GB18030, its
 * superset, so a rare character in a name survives). Every failure is one of the ID_CARD_ERRORS codes; a call
 * that does not answer within `timeoutMs` leaves the reader `stuck` until a later call gets an answer.
 * Runtime: Node.
 */
import iconv from 'iconv-lite';
import type { ID_CARD_ERRORS } from '../../core/idcard/id-card-errors';
import type { IdCardText } from '../../core/idcard/resident-card';
import { libraryFileProblem } from '../ffi/library-file';
import { authenticateOutcome, initOutcome, readOutcome, TEXT_GETTERS, type TextField } from './termb-api';
import type { HostReply, HostRequest } from './termb-messages';
import { HostGone, HostProcess, type HostScript, HostTimeout, hostScript } from '../ffi/host-process';

export type IdReaderErrorCode = Exclude<
  keyof typeof ID_CARD_ERRORS,
  'IDCARD_NOT_CONFIGURED' | 'IDCARD_DATA_INVALID' | 'IDCARD_PHOTO_NOT_ENABLED'
>;

export class IdReaderError extends Error {
  constructor(
    readonly code: IdReaderErrorCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'IdReaderError';
  }
}

export interface IdCardRead {
  readonly text: IdCardText;
  /** GetBMPData's BMP, or null (an SDK without it, or it failed). */
  readonly photo: Uint8Array | null;
}

export type IdReaderState = 'closed' | 'open' | 'stuck';

export interface TermbReaderOptions {
  readonly library: string;
  readonly port: number;
  /** The longest any one library call may take before the reader is reported stuck. */
  readonly timeoutMs?: number;
  /** Tests: a built host script instead of the one beside this module. */
  readonly script?: HostScript;
}

export const DEFAULT_TIMEOUT_MS = 8000;

export class TermbIdReader {
  private readonly host: HostProcess<HostRequest, HostReply>;
  private opened = false;
  state: IdReaderState = 'closed';

  constructor(private readonly o: TermbReaderOptions) {
    this.host = new HostProcess(
      o.script ?? hostScript('termb-host', new URL('./termb-host.ts', import.meta.url)),
    );
  }

  get description(): string {
    return `${this.o.library}（端口 ${this.o.port}）`;
  }

  private async call(req: HostRequest): Promise<HostReply & { ok: true }> {
    let reply: HostReply;
    try {
      reply = await this.host.request(req, this.o.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    } catch (e) {
      this.opened = false;
      if (e instanceof HostTimeout) {
        this.state = 'stuck';
        throw new IdReaderError('IDCARD_STUCK', `${req.op}: ${e.message}`);
      }
      this.state = 'closed';
      if (e instanceof HostGone) throw new IdReaderError('IDCARD_READ_FAILED', e.message);
      throw e;
    }
    if (reply.ok) return reply;
    this.opened = false;
    this.state = 'closed';
    this.host.kill();
    if (reply.kind === 'missing-exports')
      throw new IdReaderError('IDCARD_LIBRARY_EXPORTS', `缺少 ${reply.missing.join('、')}`);
    if (reply.kind === 'load-failed') throw new IdReaderError('IDCARD_LIBRARY_INVALID', reply.detail);
    throw new IdReaderError('IDCARD_READ_FAILED', reply.kind === 'call-failed' ? reply.detail : reply.kind);
  }

  /** Loads the library and opens the port (done by the first read too): the settings' 测试 button. */
  async open(): Promise<{ photoSupported: boolean }> {
    const problem = libraryFileProblem(this.o.library);
    if (problem?.kind === 'missing') throw new IdReaderError('IDCARD_LIBRARY_MISSING', this.o.library);
    if (problem?.kind === 'not-a-library')
      throw new IdReaderError('IDCARD_LIBRARY_INVALID', `${this.o.library} 不是动态库`);
    if (problem?.kind === 'wrong-architecture')
      throw new IdReaderError(
        'IDCARD_LIBRARY_INVALID',
        `${this.o.library} 是 ${problem.found} 架构的库，本机为 ${problem.expected}`,
      );
    const r = await this.call({
      op: 'open',
      library: this.o.library,
      port: this.o.port,
      stdcall: process.platform === 'win32' && process.arch === 'ia32',
    });
    const outcome = initOutcome(r.init ?? 0);
    if (outcome !== 'ok') {
      this.state = 'closed';
      throw new IdReaderError(
        outcome === 'port-failed' ? 'IDCARD_PORT_FAILED' : 'IDCARD_NO_READER',
        `CVR_InitComm(${this.o.port}) = ${r.init}`,
      );
    }
    this.opened = true;
    this.state = 'open';
    return { photoSupported: r.photoSupported === true };
  }

  /** Reads the card on the reader. */
  async read(): Promise<IdCardRead> {
    if (!this.opened) await this.open();
    const r = await this.call({ op: 'read' });
    this.state = 'open';
    const auth = authenticateOutcome(r.auth ?? 0);
    if (auth === 'no-card' || auth === 'not-selectable') throw new IdReaderError('IDCARD_NO_CARD');
    if (auth !== 'ok') {
      this.opened = false;
      throw new IdReaderError('IDCARD_NO_READER', `CVR_Authenticate = ${r.auth}`);
    }
    const read = readOutcome(r.read ?? 0);
    if (read === 'no-reader' || read === 'not-ready') {
      this.opened = false;
      throw new IdReaderError('IDCARD_NO_READER', `CVR_Read_Content = ${r.read}`);
    }
    if (read !== 'ok' || !r.fields)
      throw new IdReaderError('IDCARD_READ_FAILED', `CVR_Read_Content = ${r.read}`);
    if (r.failed && r.failed.length > 0)
      throw new IdReaderError('IDCARD_READ_FAILED', r.failed.map((f) => TEXT_GETTERS[f]).join('、'));
    const text = {} as Record<TextField, string>;
    for (const field of Object.keys(TEXT_GETTERS) as TextField[])
      text[field] = decodeGbk(r.fields[field] ?? new Uint8Array());
    return { text, photo: r.photo ?? null };
  }

  /** CVR_CloseComm and the host process ended; a stuck host is killed without a word. */
  async close(): Promise<void> {
    if (this.opened && this.state !== 'stuck') await this.call({ op: 'close' }).catch(() => {});
    this.opened = false;
    this.state = 'closed';
    this.host.kill();
  }
}

/** The SDK's text: GBK bytes (GB18030, its superset), up to the first NUL. */
export function decodeGbk(bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  return iconv.decode(Buffer.from(end === -1 ? bytes : bytes.subarray(0, end)), 'gb18030');
}
