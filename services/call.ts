/** What every use case receives besides its validated input. Runtime: Node. */
import type { OpName, OpOutput, OpParsedInput } from '../core/contract';
import type { App } from './app';
import type { Session } from './auth/sessions';

export interface Call {
  readonly app: App;
  /** Present for every operation whose access is not 'public' (the dispatcher checks it). */
  readonly session?: Session;
  /** The caller's terminal (InvokeMeta.terminal; LOCAL_TERMINAL for in-process callers). */
  readonly terminal?: string;
}

/** The terminal of callers inside the process (tests, tools) that name none. */
export const LOCAL_TERMINAL = 'local';

export type Handler<N extends OpName> = (
  input: OpParsedInput<N>,
  call: Call,
) => OpOutput<N> | Promise<OpOutput<N>>;
export type Handlers = { [N in OpName]: Handler<N> };

export function operatorOf(call: Call): Session {
  if (!call.session) throw new Error('operation needs a session but the dispatcher passed none');
  return call.session;
}
