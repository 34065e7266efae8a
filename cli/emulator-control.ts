/**
 * The emulator's control API on 127.0.0.1 (docs/emulators.md): JSON over HTTP to create, insert, remove and
 * copy cards, carry a card to a meter, burn gas, and inject faults. Every input is validated. Runtime: Node.
 */
import { createServer, type Server } from 'node:http';
import { z } from 'zod';
import { type TrainingWorld, WorldError } from '../drivers/emulator/world';

const faults = z
  .object({
    dropNextReplies: z.number().int().min(0).max(100),
    corruptNextReply: z.boolean(),
    tearNextWriteAfter: z.number().int().min(0).max(256),
    pullBeforeNextWrite: z.boolean(),
    noiseBeforeNextReply: z.array(z.number().int().min(0).max(255)).max(64),
    duplicateNextReply: z.boolean(),
    replyDelayMs: z.number().int().min(0).max(10_000),
    cutAt: z.strictObject({ write: z.number().int().min(0).max(64), byte: z.number().int().min(0).max(256) }),
  })
  .partial()
  .strict();

type Route = (world: TrainingWorld, body: unknown, params: string[]) => unknown;

const ROUTES: [string, RegExp, Route][] = [
  ['GET', /^\/state$/, (w) => w.state()],
  [
    'POST',
    /^\/cards$/,
    (w, b) =>
      w.newCard(
        z
          .object({ label: z.string().max(40).optional() })
          .strict()
          .parse(b ?? {}).label,
      ),
  ],
  ['POST', /^\/cards\/(C\d+)\/copy$/, (w, _b, [id]) => w.copyCard(id!)],
  [
    'POST',
    /^\/slot\/insert$/,
    (w, b) => {
      w.insert(
        z
          .object({ cardId: z.union([z.string().regex(/^C\d+$/), z.literal('foreign')]) })
          .strict()
          .parse(b).cardId,
      );
      return w.state();
    },
  ],
  [
    'POST',
    /^\/slot\/remove$/,
    (w) => {
      w.remove();
      return w.state();
    },
  ],
  [
    'POST',
    /^\/faults$/,
    (w, b) => {
      w.setFaults(faults.parse(b));
      return w.state().faults;
    },
  ],
  [
    'POST',
    /^\/meters$/,
    (w, b) =>
      w.addMeter(
        z
          .object({
            meterNo: z.string().regex(/^[A-Z0-9-]{1,20}$/),
            region: z.number().int().min(0).max(65535),
            overdraftLimit: z.number().int().min(0).optional(),
          })
          .strict()
          .parse(b),
      ),
  ],
  [
    'POST',
    /^\/meters\/([A-Z0-9-]+)\/insert$/,
    (w, b, [no]) => w.carryToMeter(z.object({ cardId: z.string() }).strict().parse(b).cardId, no!),
  ],
  [
    'POST',
    /^\/meters\/([A-Z0-9-]+)\/consume$/,
    (w, b, [no]) =>
      w.consume(
        no!,
        z
          .object({ volume: z.number().int().min(0) })
          .strict()
          .parse(b).volume,
      ),
  ],
];

export function controlServer(
  world: TrainingWorld,
  extra: Record<string, () => unknown | Promise<unknown>> = {},
): Server {
  return createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
      if (raw.length > 64 * 1024) req.destroy();
    });
    req.on('end', async () => {
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(body));
      };
      try {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        if (req.method === 'POST' && extra[url.pathname]) return reply(200, await extra[url.pathname]!());
        const route = ROUTES.find(([m, re]) => m === req.method && re.test(url.pathname));
        if (!route)
          return reply(404, { error: { code: 'NOT_FOUND', message: `${req.method} ${url.pathname}` } });
        const body = raw ? JSON.parse(raw) : undefined;
        reply(200, route[2](world, body, route[1].exec(url.pathname)!.slice(1)));
      } catch (e) {
        if (e instanceof WorldError) return reply(409, { error: { code: e.code, message: e.message } });
        if (e instanceof z.ZodError || e instanceof SyntaxError)
          return reply(400, { error: { code: 'BAD_REQUEST', message: e.message } });
        reply(500, { error: { code: 'INTERNAL', message: 'emulator error' } });
      }
    });
  });
}
