/**
 * The application version: package.json's from the sources; from the bundle, the build-info.json that
 * `npm run build` writes beside out/cli (so the bundle needs no package.json). Runtime: Node.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FROM_BUNDLE, PROJECT_ROOT } from './paths';

export function readVersion(): string {
  const file = FROM_BUNDLE
    ? fileURLToPath(new URL('../build-info.json', import.meta.url))
    : join(PROJECT_ROOT, 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
