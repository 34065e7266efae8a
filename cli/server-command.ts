/**
 * `gasdesk server [--data DIR] [--port N] [--host H]`: head office. Embedded PGlite in DIR by default; the
 * PostgreSQL of DATABASE_URL when set (then several instances may share it). Applies the migrations, makes
 * sure an administrator token exists (GASDESK_ADMIN_TOKEN, or one generated and printed once), and prints
 * one line `head office ready at <URL>`. Logs are JSON lines (pino) on stdout. Runtime: Node.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildHeadOffice } from '../server/app';
import { ensureAdminToken } from '../server/auth/admin-auth';
import { migrateServer } from '../server/pg/migrate';
import { openStore } from '../server/pg/store';
import { defaultDataDir, RENDERER_DIST } from './paths';
import { importCommand } from './import-command';
import { readVersion } from './version';

export async function serverCommand(argv: string[]): Promise<number> {
  if (argv[0] === 'import' || argv[0] === 'imports') return importCommand(argv);
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      port: { type: 'string', default: '7300' },
      host: { type: 'string', default: '127.0.0.1' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`端口不正确 bad port: ${values.port}`);
  const url = process.env.DATABASE_URL || undefined;
  const dataDir = values.data ?? join(defaultDataDir(), 'head-office');
  const store = await openStore(url ? { url } : { dataDir });
  await migrateServer(store);
  const adminTokenEnv = process.env.GASDESK_ADMIN_TOKEN || undefined;
  const created = await ensureAdminToken(store, adminTokenEnv);
  const { app } = buildHeadOffice({
    store,
    version: readVersion(),
    adminTokenEnv,
    consoleDir: RENDERER_DIST,
    secureCookies: process.env.GASDESK_SECURE_COOKIES === '1',
    logger: { level: process.env.GASDESK_LOG_LEVEL ?? 'info' },
  });
  const address = await app.listen({ host: values.host, port });
  if (created) process.stdout.write(`administrator token (shown once, keep it safe): ${created}\n`);
  process.stdout.write(
    `head office ready at ${address.replace('localhost', '127.0.0.1')} (${url ? 'PostgreSQL' : `PGlite in ${dataDir}`}); console at /console/\n`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await app.close();
  await store.close();
  return 0;
}
