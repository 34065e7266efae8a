/**
 * A reader that cannot be used, as the counter's error: a port held by another program (named), missing or not
 * permitted, or a reader that does not answer. Shared by `gasdesk card info`, the counter's start-up and the
 * card station. Runtime: Node.
 */
import { AppError, type ErrorCode } from '../../core/errors';
import { PortOpenError, type PortProblem } from '../../drivers/card-reader/port-open-error';
import type { ReaderConnection } from '../../drivers/card-reader/connection';
import { isStuck, LibraryError } from '../../drivers/card-reader/ffi/ffi-call';
import { ReaderError } from '../../drivers/card-reader/reader-error';
import { ReaderSpecError } from '../../drivers/card-reader/reader-spec';

const CODE_OF: Record<PortProblem, ErrorCode> = {
  BUSY: 'READER_PORT_BUSY',
  NOT_FOUND: 'READER_PORT_NOT_FOUND',
  DENIED: 'READER_PORT_DENIED',
  FAILED: 'READER_UNAVAILABLE',
};

/** The error of a reader port that did not open; anything else is a reader that is unavailable. */
export function readerOpenProblem(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (e instanceof PortOpenError)
    return new AppError(CODE_OF[e.problem], {
      detail: e.message,
      fields: {
        port: e.path,
        ...(e.holder ? { holderPid: e.holder.pid, holder: e.holder.command } : {}),
      },
    });
  if (e instanceof LibraryError)
    return new AppError('READER_LIBRARY', {
      detail: e.message,
      fields: { library: e.library, problem: e.problem },
    });
  if (isStuck(e)) return new AppError('READER_STUCK', { detail: (e as ReaderError).detail });
  if (e instanceof ReaderError)
    return new AppError('READER_UNAVAILABLE', { detail: e.detail ? `${e.code}：${e.detail}` : e.code });
  if (e instanceof ReaderSpecError) return new AppError('VALIDATION_FAILED', { detail: e.message });
  return new AppError('READER_UNAVAILABLE', { detail: e instanceof Error ? e.message : String(e) });
}

/** Why the connection has no reader now (its last failure), as the counter's error. */
export function connectionProblem(connection: ReaderConnection): AppError {
  const failure = connection.lastFailure;
  return failure ? readerOpenProblem(failure) : new AppError('READER_UNAVAILABLE');
}

/**
 * One line for the operator or the log: the detail where it is itself a Chinese sentence (a port problem, naming
 * the port and the program holding it), else the code's Chinese message with the detail after it.
 */
export function problemText(e: AppError): string {
  const zh = e.toBody().message;
  if (e.detail && /[\u4e00-\u9fff]/.test(e.detail)) return e.detail;
  return e.detail ? `${zh}（${e.detail}）` : zh;
}
