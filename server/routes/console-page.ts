/**
 * The console's page: `gasdesk server` serves the built console (out/renderer/console.html and its assets)
 * under /console/, when the build is there. The page is public; everything it shows comes from the API behind
 * the session. Runtime: Node.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-cache',
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** Registers /console/ when `dir` holds the built console; answers whether it did. */
export function registerConsolePage(app: FastifyInstance, dir: string | undefined): boolean {
  const page = dir ? join(dir, 'console.html') : undefined;
  if (!dir || !page || !existsSync(page)) return false;
  const html = readFileSync(page, 'utf8');
  app.get('/console', (_req, reply) => reply.redirect('/console/'));
  app.get('/console/', (_req, reply) => reply.headers(HEADERS).send(html));
  void app.register(fastifyStatic, { root: join(dir, 'assets'), prefix: '/console/assets/', index: false });
  return true;
}
