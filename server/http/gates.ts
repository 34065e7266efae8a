/**
 * Head office refuses cheaply, before it reads a body: each route's `auth` in the route table
 * (core/sync/routes.ts) puts a gate in front of it, an onRequest hook that sees only the headers. A signed /v1
 * request is checked for well-formed, fresh signature headers and an enrolled, unrevoked counter (one query,
 * its row kept for the signature check after the body), and counted against its counter's rate; enrollment
 * and whatever is refused before its counter is known count against the client's address; the admin API
 * counts per address and checks its token. Of a signed request only the signature and the nonce wait for the
 * body. Runtime: Node.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type RouteAuth, type RouteDef, SYNC_ROUTES } from '../../core/sync/routes';
import { checkAdmin } from '../auth/admin-auth';
import { consoleAdmin, sessionUser } from '../console/gate';
import { cookieToken } from '../console/sessions';
import {
  acceptCounter,
  findCounter,
  readSignatureHeaders,
  rememberCounter,
  type SignatureHeaders,
} from '../auth/counter-auth';
import { type Limiters, type RateLimits, registerRateLimits } from '../auth/rate-limit';
import type { HeadOffice } from '../context';

type Gate = (req: FastifyRequest, reply: FastifyReply) => Promise<void>;

const AUTH_BY_ROUTE = new Map<string, RouteAuth>(
  (Object.values(SYNC_ROUTES) as RouteDef[]).map((r) => [`${r.method} ${r.path}`, r.auth]),
);

/** A route's auth from the table (HEAD as its GET); every /v1 and /admin route must be in it. */
function authOf(method: string, url: string): RouteAuth {
  const auth = AUTH_BY_ROUTE.get(`${method === 'HEAD' ? 'GET' : method} ${url}`);
  if (auth) return auth;
  // The receipt page a phone opens from a QR (public, no token): counted per address as enrollment is.
  if (url.startsWith('/r/')) return 'enroll';
  if (url.startsWith('/v1/') || url.startsWith('/admin/') || url.startsWith('/console/api/'))
    throw new Error(`${method} ${url} is not in SYNC_ROUTES: head office would not know how to guard it`);
  return 'none';
}

/** The signed /v1 routes' gate: every check but the signature, with the rates charged as the checks go. */
function counterGate(ho: HeadOffice, limits: Limiters): Gate {
  return async (req, reply) => {
    let headers: SignatureHeaders;
    try {
      headers = readSignatureHeaders(req, ho.now());
    } catch (e) {
      await limits.anonymous.charge(req, reply);
      throw e;
    }
    const counter = await findCounter(ho.store, headers.counterId);
    if (!counter) await limits.anonymous.charge(req, reply);
    else await limits.counter.charge(req, reply, counter.counterId);
    acceptCounter(counter);
    rememberCounter(req, headers, counter);
  };
}

/** Puts each route's gate in front of it, as routes are added (call before registering any route). */
export function registerGates(app: FastifyInstance, ho: HeadOffice, rateLimits: RateLimits): void {
  const limits = registerRateLimits(app, rateLimits);
  const gates: Record<RouteAuth, Gate | null> = {
    none: null,
    enroll: (req, reply) => limits.anonymous.charge(req, reply),
    counter: counterGate(ho, limits),
    admin: async (req, reply) => {
      await limits.admin.charge(req, reply);
      // The administrator's token when one is presented; otherwise a console session, if there is one.
      if (req.headers.authorization === undefined && cookieToken(req)) await consoleAdmin(ho, req);
      else await checkAdmin(ho.store, req, ho.adminTokenEnv);
    },
    login: (req, reply) => limits.anonymous.charge(req, reply),
    console: async (req, reply) => {
      await limits.admin.charge(req, reply);
      await sessionUser(ho, req);
    },
  };
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const auths = new Set(methods.map((m) => authOf(m, route.url)));
    if (auths.size !== 1) throw new Error(`${route.url}: one route, one kind of auth`);
    const gate = gates[[...auths][0]!];
    if (!gate) return;
    const own = route.onRequest;
    route.onRequest = [gate, ...(own === undefined ? [] : Array.isArray(own) ? own : [own])];
  });
}
