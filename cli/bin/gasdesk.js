#!/usr/bin/env node
// The `gasdesk` command. Runs the bundle `npm run build` writes (out/cli/gasdesk.cjs: plain JavaScript, no
// TypeScript compiler at run time) when it is there. It runs cli/main.ts through tsx — a development
// dependency — instead when there is no bundle (a checkout before its first build), with GASDESK_FROM_SOURCE=1
// (the tests, which run the sources), and in a checkout whose sources changed after the build (out/cli/inputs.json
// lists them), saying so; without tsx (an installation), the bundle it is.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const bundle = here('../../out/cli/gasdesk.cjs');

/** A source file of the bundle newer than it (or gone). Only where the sources are: a development checkout. */
function stale() {
  if (!existsSync(here('../main.ts'))) return false;
  try {
    const built = statSync(bundle).mtimeMs;
    const root = here('../../');
    return JSON.parse(readFileSync(here('../../out/cli/inputs.json'), 'utf8')).some((f) => {
      const s = statSync(root + f, { throwIfNoEntry: false });
      return !s || s.mtimeMs > built;
    });
  } catch {
    return false;
  }
}

async function tsx() {
  try {
    return await import('tsx/esm/api');
  } catch {
    return null;
  }
}

const hasBundle = existsSync(bundle);
const old = hasBundle && process.env.GASDESK_FROM_SOURCE !== '1' && stale();
const compiler = !hasBundle || process.env.GASDESK_FROM_SOURCE === '1' || old ? await tsx() : null;
let main;
if (compiler) {
  if (old)
    process.stderr.write(
      'gasdesk: out/cli 比源代码旧，运行源代码 older than the sources: running them (npm run build)\n',
    );
  compiler.register();
  ({ main } = await import('../main.ts'));
} else if (hasBundle) ({ main } = createRequire(import.meta.url)(bundle));
else {
  process.stderr.write(
    `gasdesk: ${bundle} 不存在，且未安装 tsx；请先运行 npm run build\n` +
      `gasdesk: ${bundle} is missing and tsx (a development dependency) is not installed: run npm run build\n`,
  );
  process.exit(1);
}
process.exitCode = await main(process.argv.slice(2));
