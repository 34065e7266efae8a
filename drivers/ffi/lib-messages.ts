/**
 * What the counter and a generic library host (lib-host.ts) say: call one C function of a loaded library with
 * arguments of a few plain kinds — `int`, a NUL-terminated byte string in, an `int *` out, a byte buffer out
 * (`unsigned char *buf` of a given size). Enough for the card libraries meter makers ship. Runtime: Node.
 */
export type LibArg =
  | { readonly kind: 'int'; readonly value: number }
  | { readonly kind: 'str'; readonly value: Uint8Array }
  | { readonly kind: 'out-int' }
  | { readonly kind: 'out-buf'; readonly size: number };

/** An out argument's value after the call: a number for `out-int`, the bytes up to the first NUL for `out-buf`. */
export type LibOut = number | Uint8Array;

export type LibRequest = {
  readonly op: 'call';
  readonly library: string;
  readonly stdcall: boolean;
  readonly fn: string;
  readonly args: readonly LibArg[];
};

export type LibReply =
  | { readonly ok: true; readonly ret: number; readonly outs: LibOut[] }
  | { readonly ok: false; readonly kind: 'load-failed' | 'call-failed'; readonly detail: string }
  | { readonly ok: false; readonly kind: 'missing-export'; readonly fn: string };
