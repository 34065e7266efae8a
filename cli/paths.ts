/** Where things live on disk. Runtime: Node. */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const RENDERER_DIST = join(PROJECT_ROOT, 'out', 'renderer');

/** The counter's data folder: --data, else $GASDESK_DATA, else the platform's per-user data folder. */
export function defaultDataDir(): string {
  if (process.env.GASDESK_DATA) return process.env.GASDESK_DATA;
  if (process.platform === 'win32')
    return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'GasDesk');
  return join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'gasdesk');
}
