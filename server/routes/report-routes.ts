/**
 * The reports under /admin/reports (core/reports): JSON, and the same report streamed as .xlsx. Behind the
 * admin gate for now (server/http/gates.ts, from the route table); the console's session auth goes in front
 * of these routes when it exists. Runtime: Node.
 */
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { REPORT_KINDS, reportQuerySchema } from '../../core/reports/definitions';
import { SYNC_ROUTES as R } from '../../core/sync/routes';
import type { HeadOffice } from '../context';
import { validate } from '../http/errors';
import { reportForExport, runReport } from '../reports/run';
import { writeReportXlsx, XLSX_TYPE } from '../reports/xlsx';

const params = z.object({ kind: z.enum(REPORT_KINDS, { error: '没有这种报表' }) });

export function registerReportRoutes(app: FastifyInstance, ho: HeadOffice): void {
  app.get(R.report.path, async (req) => {
    const { kind } = validate(params, req.params);
    return runReport(ho.store, kind, validate(reportQuerySchema, req.query ?? {}), ho.now());
  });
  app.get(R.reportExport.path, async (req, reply) => {
    const { kind } = validate(params, req.params);
    // Everything that can refuse is checked before the first byte is sent.
    const { heading, tables } = await reportForExport(
      ho.store,
      kind,
      validate(reportQuerySchema, req.query ?? {}),
      ho.now(),
    );
    const out = new PassThrough();
    const name = `${heading.title}-${heading.from}-${heading.to}.xlsx`;
    writeReportXlsx(heading, tables, out, new Date(ho.now()).toISOString(), (rows) =>
      req.log.info({ kind, rows }, 'report export progress'),
    ).catch((e: unknown) => {
      req.log.error({ err: e }, 'report export failed');
      out.destroy(e as Error);
    });
    return reply
      .header('content-type', XLSX_TYPE)
      .header(
        'content-disposition',
        `attachment; filename="report.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      )
      .send(out);
  });
}
