#!/usr/bin/env node
// The `gasdesk` command. Runs the bundle `npm run build` writes (out/cli/gasdesk.cjs: plain JavaScript, no
// TypeScript compiler at run time) when it is there. Without it — a development checkout before its first build
// — or with GASDESK_FROM_SOURCE=1 (the tests, which run the sources), it runs cli/main.ts through tsx, a
// development dependency.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../../out/cli/gasdesk.cjs', import.meta.url));
const fromSource = process.env.GASDESK_FROM_SOURCE === '1' || !existsSync(bundle);
let main;
if (!fromSource) ({ main } = createRequire(import.meta.url)(bundle));
else {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write(
      `gasdesk: ${bundle} 不存在，且未安装 tsx；请先运行 npm run build\n` +
        `gasdesk: ${bundle} is missing and tsx (a development dependency) is not installed: run npm run build\n`,
    );
    process.exit(1);
  }
  register();
  ({ main } = await import('../main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
