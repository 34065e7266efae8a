import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/app';

const ROOT = join(import.meta.dirname, '../..');

/** Lints probe files laid out like the project with the project's own biome.json; returns the flagged files. */
function flagged(probes: Record<string, string>): string[] {
  const dir = tempDir('gasdesk-lint-');
  copyFileSync(join(ROOT, 'biome.json'), join(dir, 'biome.json'));
  for (const [path, text] of Object.entries(probes)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), `${text}\nexport const probe = 1;\n`);
  }
  const r = spawnSync(
    join(ROOT, 'node_modules/.bin/biome'),
    ['lint', '--vcs-enabled=false', '--reporter=github', '.'],
    { cwd: dir, encoding: 'utf8' },
  );
  const files = [...r.stdout.matchAll(/noRestrictedImports,file=([^,]+),/g)].map((m) => relative(dir, m[1]!));
  return [...new Set(files)].sort();
}

describe('the layering lint rule', () => {
  it('flags imports against the direction core ← db, drivers ← services ← electron/cli → renderer', () => {
    const bad = {
      'core/a.ts': "import './../db/open';",
      'core/b.ts': "import 'node:fs';",
      'core/c.ts': "import 'react';",
      'db/a.ts': "import '../services/api';",
      'drivers/a.ts': "import '../db/open';",
      'services/a.ts': "import '../electron/main';",
      'renderer/a.ts': "import '../services/api';",
      'renderer/b.ts': "import 'node:path';",
      'server/a.ts': "import '../db/open';",
      'electron/a.ts': "import '../renderer/main';",
    };
    expect(flagged(bad)).toEqual(Object.keys(bad).sort());
  });

  it('lets each layer import what it may', () => {
    expect(
      flagged({
        'core/ok.ts': "import { z } from 'zod';\nimport './other';\nimport '../core/x';",
        'db/ok.ts': "import '../core/errors';\nimport 'better-sqlite3';\nimport 'node:fs';",
        'drivers/ok.ts': "import '../core/errors';\nimport 'serialport';",
        'services/ok.ts': "import '../db/open';\nimport '../drivers/x';\nimport '../core/y';",
        'renderer/ok.ts': "import '../core/contract';\nimport 'antd';",
        'server/ok.ts': "import '../core/contract';\nimport 'fastify';",
        'cli/ok.ts': "import '../services/api';",
      }),
    ).toEqual([]);
  });
});
