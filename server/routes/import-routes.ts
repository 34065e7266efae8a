/**
 * The import API under /admin (behind the administrator's gate): a file arrives as base64 in JSON, is written
 * to a private temporary file and read from there in a stream like the CLI's; the run's requestId is its batch
 * (server/import/run.ts), so a repeat resumes or answers it rather than going through adminOnce's single
 * transaction — an import is many short ones. Runtime: Node.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/errors';
import { SYNC_ROUTES as R } from '../../core/sync/routes';
import { IMPORT_KINDS, importFileInputSchema, importMappingInputSchema } from '../../core/sync/wire-import';
import { adminRequestIdSchema } from '../../core/sync/wire-revert';
import { adminOnce } from '../admin/once';
import type { HeadOffice } from '../context';
import { parseBody, validate } from '../http/errors';
import { getBatch, listBatches, revertBatch } from '../import/batches';
import { saveMapping } from '../import/mapping';
import { dryRun, type ImportOptions, runImport } from '../import/run';

const idParams = z.object({ id: z.string().max(64) });
const kindParams = z.object({ kind: z.enum(IMPORT_KINDS, { error: '导入类别不正确' }) });

/** Runs `fn` on the uploaded file, removed afterwards. */
async function withFile<T>(
  body: z.output<typeof importFileInputSchema>,
  fn: (path: string) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'gasdesk-import-'));
  try {
    const path = join(dir, `upload${body.fileName.slice(body.fileName.lastIndexOf('.')).toLowerCase()}`);
    await writeFile(path, Buffer.from(body.contentBase64, 'base64'), { mode: 0o600 });
    return await fn(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function registerImportRoutes(app: FastifyInstance, ho: HeadOffice): void {
  const options = (b: z.output<typeof importFileInputSchema>, path: string): ImportOptions => ({
    kind: b.kind,
    path,
    fileName: b.fileName,
    mapping: b.mapping,
    hallCode: b.hallCode ?? null,
    encoding: b.encoding,
    skipBadRows: b.skipBadRows,
    now: () => ho.now(),
  });
  app.post(R.importDryRun.path, { bodyLimit: R.importDryRun.bodyLimit }, async (req) => {
    const b = parseBody(importFileInputSchema, req.body);
    return withFile(b, (path) => dryRun(ho.store, options(b, path)));
  });
  app.post(R.importRun.path, { bodyLimit: R.importRun.bodyLimit }, async (req, reply: FastifyReply) => {
    const { requestId } = parseBody(z.object({ requestId: adminRequestIdSchema }), req.body);
    const b = parseBody(importFileInputSchema, req.body);
    const r = await withFile(b, (path) => runImport(ho.store, requestId, options(b, path)));
    if (r.batch) return r.batch;
    const e = new AppError('IMPORT_HAS_ERRORS', { detail: `${r.dry!.badRows} bad rows` }).toBody();
    return reply.status(409).send({ ...e, dryRun: r.dry });
  });
  app.get(R.listImports.path, async () => ({ batches: await listBatches(ho.store) }));
  app.get(R.getImport.path, async (req) => getBatch(ho.store, validate(idParams, req.params).id));
  app.post(R.revertImport.path, async (req) => {
    const { requestId } = parseBody(z.object({ requestId: adminRequestIdSchema }), req.body);
    return revertBatch(ho.store, validate(idParams, req.params).id, requestId, ho.now());
  });
  app.post(R.saveImportMapping.path, (req) =>
    adminOnce(
      ho.store,
      req,
      async (store, body) => {
        const { kind } = validate(kindParams, req.params);
        const { mapping } = parseBody(importMappingInputSchema, body);
        return { kind, mapping: await saveMapping(store, kind, mapping, ho.now()) };
      },
      ho.now(),
    ),
  );
}
