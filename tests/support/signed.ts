/** Test support: hand-made signed requests to head office, with any part forged. */
import { createHash, randomBytes } from 'node:crypto';
import { HEADERS, signingString } from '../../core/sync/signing';
import type { DeviceKey } from '../../services/sync/device-key';
import type { Json } from './json';

export interface Forge {
  readonly timestamp?: number;
  readonly nonce?: string;
  /** Sign with this key instead (a stranger's). */
  readonly key?: DeviceKey;
  /** The body actually sent, when it differs from the one signed. */
  readonly sendBody?: string;
  readonly omit?: (keyof typeof HEADERS)[];
}

export interface Reply {
  status: number;
  body: Json;
  sent: { headers: Record<string, string>; body: string | Buffer | undefined; path: string; method: string };
}

/** The signature headers for a request (with any part forged or left out). */
export function signedHeaders(
  dev: { counterId: string; key: DeviceKey },
  method: string,
  path: string,
  body: string | Buffer,
  forge: Forge = {},
): Record<string, string> {
  const timestamp = String(forge.timestamp ?? Date.now());
  const nonce = forge.nonce ?? randomBytes(18).toString('base64url');
  const sig = (forge.key ?? dev.key).sign(
    signingString({
      method,
      path,
      timestamp,
      nonce,
      counterId: dev.counterId,
      bodySha256: createHash('sha256').update(body).digest('hex'),
    }),
  );
  const headers: Record<string, string> = {
    [HEADERS.counter]: dev.counterId,
    [HEADERS.timestamp]: timestamp,
    [HEADERS.nonce]: nonce,
    [HEADERS.signature]: sig,
  };
  for (const h of forge.omit ?? []) delete headers[HEADERS[h]];
  return headers;
}

export async function signed(
  baseUrl: string,
  dev: { counterId: string; key: DeviceKey },
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  forge: Forge = {},
): Promise<Reply> {
  const text =
    body === undefined ? '' : typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  const headers = signedHeaders(dev, method, path, text, forge);
  if (method === 'POST') headers['content-type'] = 'application/json';
  const sent = { headers, body: method === 'POST' ? (forge.sendBody ?? text) : undefined, path, method };
  return resend(baseUrl, sent);
}

/** Sends exactly the same request again (a replay). */
export async function resend(baseUrl: string, sent: Reply['sent']): Promise<Reply> {
  const r = await fetch(`${baseUrl}${sent.path}`, {
    method: sent.method,
    headers: sent.headers,
    body: sent.body,
  });
  const t = await r.text();
  let json: Json;
  try {
    json = JSON.parse(t);
  } catch {
    json = t;
  }
  return { status: r.status, body: json, sent };
}
