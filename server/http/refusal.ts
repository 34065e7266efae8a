/**
 * A refusal that says, for head office's log only, why it was made: the client gets the code's Chinese message
 * (and any detail) like every AppError; the reason goes to the warn line (server/http/errors.ts). Runtime: Node.
 */
import { AppError, type ErrorCode, type FieldIssue } from '../../core/errors';

export class Refusal extends AppError {
  constructor(
    code: ErrorCode,
    /** Short, for the log (English is fine: nobody parses it). */
    readonly reason: string,
    opts: { issues?: FieldIssue[]; detail?: string } = {},
  ) {
    super(code, opts);
  }
}
