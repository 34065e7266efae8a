/**
 * The `app://` protocol: the counter's UI served from the renderer folder with a strict Content Security Policy
 * on every answer (the page's own meta tag says the same), instead of `file://`, whose pages share one origin
 * with every file on the disk. Registered as a standard, secure scheme before the app is ready. Runtime:
 * Electron main (plain Node: `Response` is Node's).
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { appFile } from './app-url';

export const APP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; " +
  "frame-ancestors 'none'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
} as const;

/** The answer to one request of the app's page. */
export async function serveApp(
  rendererDir: string,
  request: { url: string; method: string },
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
  const file = appFile(request.url, rendererDir);
  const body = file ? await readFile(file).catch(() => undefined) : undefined;
  if (!file || !body)
    return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
  return new Response(request.method === 'HEAD' ? null : body, {
    headers: {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': APP_CSP,
      'x-content-type-options': 'nosniff',
    },
  });
}
