/**
 * Is a URL one of the app's own pages? A `file:` URL whose path lies inside the renderer folder, compared as
 * paths (`…/renderer-evil/x.html` is not inside `…/renderer`; `..`, encoded separators and other hosts are
 * refused). Used by the IPC sender check and the navigation guard. Runtime: Electron main (plain Node).
 */
import { fileURLToPath } from 'node:url';
import { isInside } from '../services/system/inside';

export function isAppUrl(url: string, rendererDir: string): boolean {
  let path: string;
  try {
    const u = new URL(url);
    if (u.protocol !== 'file:' || (u.host !== '' && u.host !== 'localhost')) return false;
    path = fileURLToPath(u);
  } catch {
    return false;
  }
  return isInside(rendererDir, path);
}
