/**
 * Test doubles for auto-update in plain Node (no Electron binary here): electron-updater's AppAdapter in place of
 * Electron's `app`, and electron-updater's own HTTP executor with Node's http.request in place of Electron's `net`. The update folder itself
 * is real: a generic-provider folder (latest-linux.yml, its .sig, the .deb) served over real HTTP.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { type ClientRequest, createServer, type IncomingMessage, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type AppUpdater, DebUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor';

/** Electron's `app` as electron-updater sees it, for a packaged app of `version` whose files live in `dir`. */
export function testAppAdapter(dir: string, version: string, feedUrl: string): AppAdapter {
  mkdirSync(join(dir, 'cache'), { recursive: true });
  const config = join(dir, 'app-update.yml');
  writeFileSync(config, `provider: generic\nurl: ${feedUrl}\nupdaterCacheDirName: gasdesk-updater\n`);
  return {
    version,
    name: 'GasDesk',
    isPackaged: true,
    appUpdateConfigPath: config,
    userDataPath: join(dir, 'userData'),
    baseCachePath: join(dir, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => {},
    quit: () => {},
    onQuit: () => {},
  };
}

/** electron-updater's executor (downloads, redirects, sha512 check) with Node's http in place of `net.request`. */
class NodeNetTestDouble extends ElectronHttpExecutor {
  override createRequest(options: object, callback: (res: IncomingMessage) => void): never {
    return request(options, callback) as ClientRequest as never;
  }
}

/** electron-updater's .deb updater over the test double of `app`, downloading through Node's http. */
export function debUpdaterForTests(app: AppAdapter): AppUpdater {
  const updater = new DebUpdater(null, app);
  (updater as unknown as { httpExecutor: ElectronHttpExecutor }).httpExecutor = new NodeNetTestDouble();
  updater.logger = null;
  return updater;
}

export const sha512 = (bytes: Buffer) => createHash('sha512').update(bytes).digest('base64');

/** latest-linux.yml as electron-builder writes it for one .deb. */
export function latestYml(version: string, file: string, bytes: Buffer): string {
  return [
    `version: ${version}`,
    'files:',
    `  - url: ${file}`,
    `    sha512: ${sha512(bytes)}`,
    `    size: ${bytes.length}`,
    `path: ${file}`,
    `sha512: ${sha512(bytes)}`,
    "releaseDate: '2026-12-01T08:00:00.000Z'",
    '',
  ].join('\n');
}

export interface UpdateFolder {
  url: string;
  /** The names asked for, in order. */
  requests: string[];
  /** What a name is served as from its second request on (a folder changed while a counter reads it). */
  later: Map<string, Buffer>;
  server: Server;
}

/** A company update folder `dir` served over HTTP under /gasdesk/. */
export async function updateFolder(dir: string): Promise<UpdateFolder> {
  const requests: string[] = [];
  const later = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/gasdesk\//, '');
    const again = requests.includes(name);
    requests.push(name);
    try {
      const body = (again && later.get(name)) || readFileSync(join(dir, name));
      res.writeHead(200, { 'content-length': body.length }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/gasdesk/`,
    requests,
    later,
    server,
  };
}
