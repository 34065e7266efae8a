/** What the counter and the termb host process (termb-host.ts) say to each other. Runtime: Node. */
import type { TextField } from './termb-api';

export type HostRequest =
  | { readonly op: 'open'; readonly library: string; readonly port: number; readonly stdcall: boolean }
  | { readonly op: 'read' }
  | { readonly op: 'close' };

export type HostReply =
  | {
      readonly ok: true;
      /** open: CVR_InitComm's answer, and whether the library gives photos (GetBMPData). */
      readonly init?: number;
      readonly photoSupported?: boolean;
      /** read: CVR_Authenticate's and CVR_Read_Content's answers, then the fields' bytes (GBK). */
      readonly auth?: number;
      readonly read?: number;
      readonly fields?: Record<TextField, Uint8Array>;
      /** Getters that answered other than 1. */
      readonly failed?: TextField[];
      /** GetBMPData's bytes; null when the library has no GetBMPData or it failed. */
      readonly photo?: Uint8Array | null;
      readonly close?: number;
    }
  | { readonly ok: false; readonly kind: 'load-failed' | 'call-failed'; readonly detail: string }
  | { readonly ok: false; readonly kind: 'missing-exports'; readonly missing: string[] }
  | { readonly ok: false; readonly kind: 'not-open' };
