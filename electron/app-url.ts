/**
 * The app's own pages are served from `app://gasdesk/` (app-protocol.ts), never from `file://`. A URL is the
 * app's when its scheme and host are exactly these (no user, no port): the IPC sender check and the navigation
 * guard compare that, not a path prefix. `appFile` maps such a URL to its file inside the renderer folder,
 * compared as paths (`..`, encoded separators and a folder beside it are refused). Runtime: Electron main (plain Node).
 */
import { basename, join } from 'node:path';
import { isInside } from '../services/system/inside';

export const APP_SCHEME = 'app';
export const APP_HOST = 'gasdesk';
export const APP_INDEX = `${APP_SCHEME}://${APP_HOST}/index.html`;

function parse(url: string): URL | undefined {
  try {
    const u = new URL(url);
    if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST || u.username || u.password) return undefined;
    return u;
  } catch {
    return undefined;
  }
}

export function isAppUrl(url: string): boolean {
  return parse(url) !== undefined;
}

/** The renderer file an app URL names; null for another origin, a path outside the folder, or head office's console page. */
export function appFile(url: string, rendererDir: string): string | null {
  const u = parse(url);
  if (!u) return null;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const file = join(rendererDir, path === '/' ? 'index.html' : path);
  if (!isInside(rendererDir, file) || basename(file) === 'console.html') return null;
  return file;
}
