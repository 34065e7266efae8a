/** docs/sync-protocol.md and GET /openapi.json follow the zod schemas of core/sync; every route is served. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RouteDef, SYNC_ROUTES } from '../../core/sync/routes';
import { openApiDocument } from '../../server/openapi';
import { normalizeTables, withReference } from '../../server/sync-docs';
import { startHeadOffice, type TestHeadOffice } from '../support/head-office';
import type { Json } from '../support/json';

const ROOT = join(import.meta.dirname, '../..');
let ho: TestHeadOffice;
beforeAll(async () => {
  ho = await startHeadOffice();
});
afterAll(async () => ho?.close());

describe('the sync protocol’s documents', () => {
  it('docs/sync-protocol.md holds exactly the generated reference (run `npm run docs:sync` after a change)', () => {
    const doc = readFileSync(join(ROOT, 'docs/sync-protocol.md'), 'utf8');
    expect(normalizeTables(doc)).toBe(normalizeTables(withReference(doc)));
    for (const r of Object.values(SYNC_ROUTES) as RouteDef[])
      expect(doc).toContain(`### \`${r.method} ${r.path}\``);
  });

  it('serves the OpenAPI document generated from the same schemas', async () => {
    const r = await fetch(`${ho.url}/openapi.json`);
    const doc = (await r.json()) as Json;
    expect(doc).toEqual(JSON.parse(JSON.stringify(openApiDocument('0.1.0'))));
    expect(Object.keys(doc.paths)).toContain('/v1/push');
    expect(doc.paths['/admin/conflicts/{id}/resolve'].post.requestBody).toBeDefined();
  });

  it('serves every route of the table (none answers 404)', async () => {
    for (const r of Object.values(SYNC_ROUTES) as RouteDef[]) {
      const path = r.path.replace(/:(\w+)/g, 'x');
      const res = await fetch(`${ho.url}${path}`, {
        method: r.method,
        ...(r.method === 'POST' ? { headers: { 'content-type': 'application/json' }, body: '{}' } : {}),
      });
      expect(res.status, `${r.method} ${r.path}`).not.toBe(404);
    }
  });
});
