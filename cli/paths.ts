/** Where things live on disk. Runtime: Node. */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = import.meta.url;
/** Running from the built bundle (out/cli/gasdesk.cjs), not from the TypeScript sources (tsx, vitest). */
export const FROM_BUNDLE = !HERE.endsWith('.ts');
/** The checkout or installed package: cli/.. from the sources, out/cli/../.. from the bundle. */
export const PROJECT_ROOT = fileURLToPath(new URL(FROM_BUNDLE ? '../..' : '..', HERE));
/** The built UI: out/renderer, found beside the bundle's own folder when running from it. */
export const RENDERER_DIST = FROM_BUNDLE
  ? fileURLToPath(new URL('../renderer', HERE))
  : join(PROJECT_ROOT, 'out', 'renderer');

/** The counter's data folder: --data, else $GASDESK_DATA, else the platform's per-user data folder. */
export function defaultDataDir(): string {
  if (process.env.GASDESK_DATA) return process.env.GASDESK_DATA;
  if (process.platform === 'win32')
    return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'GasDesk');
  return join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'gasdesk');
}
