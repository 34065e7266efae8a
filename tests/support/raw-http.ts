/**
 * Test support: an HTTP/1.1 request written on a raw TCP socket with only part of its body, so a test can see
 * head office answer before the rest was ever sent — and send the rest when it wants the request to go on.
 */
import net from 'node:net';
import type { Json } from './json';

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: Json;
}

export interface PartialRequest {
  /** Resolves with head office's answer, whenever it comes. */
  readonly answer: Promise<RawAnswer>;
  /** Body bytes written so far. */
  sent(): number;
  /** Writes the rest of the body. */
  sendRest(): void;
  close(): void;
}

function parseAnswer(buf: Buffer): RawAnswer | null {
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const [statusLine = '', ...lines] = buf.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const l of lines) {
    const i = l.indexOf(':');
    headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
  }
  if (headers['transfer-encoding']) throw new Error('raw-http reads Content-Length answers only');
  const length = Number(headers['content-length'] ?? 0);
  if (buf.length < end + 4 + length) return null;
  const text = buf.subarray(end + 4, end + 4 + length).toString('utf8');
  let body: Json;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}

/**
 * Sends `method path` to `baseUrl` with `headers`, a Content-Length of the whole `body`, and only its first
 * `firstBytes` bytes.
 */
export async function partialRequest(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: Buffer,
  firstBytes: number,
): Promise<PartialRequest> {
  const u = new URL(baseUrl);
  const socket = net.connect(Number(u.port), u.hostname);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let sent = 0;
  const answer = new Promise<RawAnswer>((resolve, reject) => {
    let got = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      got = Buffer.concat([got, chunk]);
      try {
        const a = parseAnswer(got);
        if (a) resolve(a);
      } catch (e) {
        reject(e);
      }
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new Error('connection closed before a whole answer')));
  });
  const head = [
    `${method} ${path} HTTP/1.1`,
    `host: ${u.host}`,
    'content-type: application/json',
    `content-length: ${body.length}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    '',
    '',
  ].join('\r\n');
  socket.write(head);
  socket.write(body.subarray(0, firstBytes));
  sent = Math.min(firstBytes, body.length);
  return {
    answer,
    sent: () => sent,
    sendRest() {
      socket.write(body.subarray(sent));
      sent = body.length;
    },
    close() {
      socket.destroy();
    },
  };
}
