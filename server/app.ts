/**
 * Builds head office's HTTP server: Fastify with structured (pino) logs, raw JSON bodies kept for signature
 * checks, body limits, a gate in front of every guarded route that refuses on the headers alone (and counts
 * the rate limits) before a body is read, the public, counter and admin routes, and errors as stable codes
 * with Chinese messages. Every reply carries head office's time. Runtime: Node.
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { HEADERS } from '../core/sync/signing';
import { DEFAULT_BODY_LIMIT } from '../core/sync/routes';
import { DEFAULT_RATE_LIMITS, type RateLimits } from './auth/rate-limit';
import type { HeadOffice } from './context';
import type { Store } from './pg/store';
import { registerJsonBodies } from './http/raw-body';
import { registerErrorHandling } from './http/errors';
import { registerGates } from './http/gates';
import { registerAdminRoutes } from './routes/admin-routes';
import { registerImportRoutes } from './routes/import-routes';
import { registerAttachmentRoute } from './routes/attachment-route';
import { registerCounterRoutes } from './routes/counter-routes';
import { registerPublicRoutes } from './routes/public-routes';
import { registerConsolePage } from './routes/console-page';
import { registerConsoleRoutes } from './routes/console-routes';
import { registerAudit } from './console/audit';
import { DEFAULT_IDLE_MS } from './console/sessions';
import { registerListRoutes } from './routes/list-routes';
import { registerReportRoutes } from './routes/report-routes';

export interface HeadOfficeOptions {
  readonly store: Store;
  readonly version?: string;
  readonly now?: () => number;
  readonly adminTokenEnv?: string;
  readonly rateLimits?: RateLimits;
  readonly logger?: FastifyServerOptions['logger'];
  /** A console session ends after this long without a request (default 30 minutes). */
  readonly consoleIdleMs?: number;
  /** The built UI (out/renderer): its console.html is served under /console/. */
  readonly consoleDir?: string;
  /** Mark the console's cookie Secure (head office served over HTTPS). */
  readonly secureCookies?: boolean;
}

export function buildHeadOffice(opts: HeadOfficeOptions): { app: FastifyInstance; ho: HeadOffice } {
  const now = opts.now ?? Date.now;
  const ho: HeadOffice = {
    store: opts.store,
    now,
    version: opts.version ?? '0.1.0',
    adminTokenEnv: opts.adminTokenEnv,
    consoleIdleMs: opts.consoleIdleMs ?? DEFAULT_IDLE_MS,
    secureCookies: opts.secureCookies ?? false,
    ready: true,
  };
  const app = Fastify({
    logger: opts.logger ?? { level: 'info' },
    bodyLimit: DEFAULT_BODY_LIMIT,
  });
  app.removeAllContentTypeParsers();
  registerJsonBodies(app);
  app.addHook('onSend', async (_req, reply, payload) => {
    void reply.header(HEADERS.serverTime, String(now()));
    return payload;
  });
  registerErrorHandling(app);
  registerGates(app, ho, opts.rateLimits ?? DEFAULT_RATE_LIMITS);
  registerAudit(app, ho);
  registerPublicRoutes(app, ho);
  registerCounterRoutes(app, ho);
  registerAttachmentRoute(app, ho);
  registerAdminRoutes(app, ho);
  registerConsoleRoutes(app, ho);
  registerConsolePage(app, opts.consoleDir);
  registerReportRoutes(app, ho);
  registerListRoutes(app, ho);
  registerImportRoutes(app, ho);
  return { app, ho };
}
