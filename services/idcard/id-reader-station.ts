/**
 * The counter's resident-ID reader: which one (setting `idcardReader`, or `gasdesk serve --idcard …` for this
 * run), opened on first use and kept, and closed when the counter stops. A reader that cannot be used leaves
 * the counter working: every failure is an IDCARD_* error the screen shows, and the clerk types the details.
 * Runtime: Node.
 */
import { parseIdCardSpec } from '../../core/idcard/spec';
import { AppError } from '../../core/errors';
import { IdReaderError, TermbIdReader } from '../../drivers/idcard/id-reader';
import { getSetting } from '../../db';
import type { App } from '../app';

interface Station {
  readonly spec: string;
  readonly reader: TermbIdReader;
}

const stations = new WeakMap<App, Station>();
/** Specs given for this run (--idcard), which the stored setting does not override. */
const overrides = new WeakMap<App, string>();

/** The longest one SDK call may take (GASDESK_IDCARD_TIMEOUT_MS, 8 s unless set). */
function timeoutMs(): number | undefined {
  const n = Number(process.env.GASDESK_IDCARD_TIMEOUT_MS);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export function idReaderSpec(app: App): string | null {
  return overrides.get(app) ?? getSetting(app.db, 'idcardReader') ?? null;
}

export function storeIdPhoto(app: App): boolean {
  return getSetting(app.db, 'idcardStorePhoto') === '1';
}

/** `gasdesk serve --idcard SPEC`: this run's reader, whatever the settings say. */
export function plugIdReader(app: App, spec: string): void {
  if (!parseIdCardSpec(spec))
    throw new Error(`身份证阅读器地址不正确 bad --idcard: ${spec}（idcard:动态库路径[:端口]）`);
  overrides.set(app, spec);
}

/** The reader for the current spec (made on first use, remade when the spec changed); null when none is set. */
export function idReader(app: App): TermbIdReader | null {
  const spec = idReaderSpec(app);
  const current = stations.get(app);
  if (current && current.spec === spec) return current.reader;
  if (current) void current.reader.close();
  stations.delete(app);
  const parsed = spec ? parseIdCardSpec(spec) : null;
  if (!spec || !parsed) return null;
  const reader = new TermbIdReader({ ...parsed, timeoutMs: timeoutMs() });
  stations.set(app, { spec, reader });
  return reader;
}

/** Runs a reader call; a driver error becomes the counter's error of the same code. */
export async function withIdReader<T>(app: App, f: (r: TermbIdReader) => Promise<T>): Promise<T> {
  const reader = idReader(app);
  if (!reader) throw new AppError('IDCARD_NOT_CONFIGURED');
  try {
    return await f(reader);
  } catch (e) {
    if (e instanceof IdReaderError) throw new AppError(e.code, { detail: e.detail });
    throw e;
  }
}

/**
 * At start: opens the configured reader (library loaded, port opened) so that a reader that cannot be used is
 * said at once, in Chinese with its code, for the log; the counter starts either way. Null when none is set.
 */
export async function checkIdReaderAtStart(
  app: App,
): Promise<{ ok: true } | { ok: false; problem: string } | null> {
  if (!idReader(app)) return null;
  try {
    await withIdReader(app, (r) => r.open());
    return { ok: true };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const body = e.toBody();
    return {
      ok: false,
      problem: `身份证阅读器不可用：${body.message}${body.detail ? `（${body.detail}）` : ''} [${body.code}]`,
    };
  }
}

/** The counter stops: the reader's port closed and its host process ended. */
export async function releaseIdReader(app: App): Promise<void> {
  const s = stations.get(app);
  stations.delete(app);
  await s?.reader.close();
}
