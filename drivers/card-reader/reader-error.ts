/** What the reader driver reports when an exchange fails. Runtime: any. */
export type ReaderErrorCode =
  | 'TIMEOUT'
  | 'NO_CARD'
  | 'WRONG_CARD_TYPE'
  | 'PSC_WRONG'
  | 'CARD_LOCKED'
  | 'NOT_VERIFIED'
  | 'WRITE_PROTECTED'
  | 'OUT_OF_RANGE'
  | 'FRAME_ERROR'
  | 'UNKNOWN_COMMAND'
  | 'DISCONNECTED'
  | 'LAST_TRY_NEEDS_CONFIRMATION'
  | 'WRITE_NOT_CONFIRMED';

export class ReaderError extends Error {
  constructor(
    readonly code: ReaderErrorCode,
    readonly triesLeft?: number,
    /** What the backend saw, in Chinese (a status word, a library's return code, a stuck call). */
    readonly detail?: string,
  ) {
    super(
      `reader: ${code}${triesLeft !== undefined ? ` (tries left ${triesLeft})` : ''}${detail ? ` — ${detail}` : ''}`,
    );
    this.name = 'ReaderError';
  }
}
