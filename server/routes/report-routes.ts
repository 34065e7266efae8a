/**
 * The reports under /admin/reports (core/reports) and the usage analysis under /admin/usage-analysis
 * (core/usage): JSON, and the same streamed as .xlsx; a suspect sent to its hall for a work order
 * (server/usage/referrals.ts). Behind the
 * admin gate for now (server/http/gates.ts, from the route table); the console's session auth goes in front
 * of these routes when it exists. Runtime: Node.
 */
import { dayIn } from '../../core/business-day';
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { monthBounds } from '../../core/usage/analyse';
import { usageQuerySchema } from '../../core/usage/thresholds';
import { z } from 'zod';
import { REPORT_KINDS, reportQuerySchema } from '../../core/reports/definitions';
import { SYNC_ROUTES as R } from '../../core/sync/routes';
import type { HeadOffice } from '../context';
import { validate } from '../http/errors';
import { reportForExport, runReport } from '../reports/run';
import { writeReportXlsx, XLSX_TYPE } from '../reports/xlsx';
import { runUsageAnalysis, SUSPECTS_TABLE, suspectRow } from '../usage/run';
import { listUsageReferrals, sendUsageReferral } from '../usage/referrals';
import { adminOnce } from '../admin/once';
import { consoleUserOf, hallScope } from '../console/permissions';
import { parseBody } from '../http/errors';
import { usageReferralInputSchema, usageReferralQuerySchema } from '../../core/sync/wire-referral';

const params = z.object({ kind: z.enum(REPORT_KINDS, { error: '没有这种报表' }) });
const hallParams = z.object({ hallCode: z.string().regex(/^\d{4}$/, { error: '网点编号为 4 位数字' }) });

function sendXlsx(
  reply: FastifyReply,
  name: string,
  write: (out: PassThrough) => Promise<void>,
  log: FastifyRequest['log'],
) {
  const out = new PassThrough();
  write(out).catch((e: unknown) => {
    log.error({ err: e }, 'report export failed');
    out.destroy(e as Error);
  });
  return reply
    .header('content-type', XLSX_TYPE)
    .header(
      'content-disposition',
      `attachment; filename="report.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
    )
    .send(out);
}

export function registerReportRoutes(app: FastifyInstance, ho: HeadOffice): void {
  // A suspect sent to its hall for a work order: once per requestId (and per household and month), audited.
  app.post(R.sendUsageReferral.path, (req) =>
    adminOnce(
      ho.store,
      req,
      (store, body) => {
        const { hallCode } = validate(hallParams, req.params);
        const user = consoleUserOf(req);
        const by = user ? `${user.displayName}（${user.username}）` : '管理员令牌';
        return sendUsageReferral(store, hallCode, parseBody(usageReferralInputSchema, body), by, ho.now());
      },
      ho.now(),
    ),
  );
  app.get(R.listUsageReferrals.path, async (req) => ({
    referrals: await listUsageReferrals(
      ho.store,
      validate(usageReferralQuerySchema, req.query ?? {}),
      hallScope(req),
    ),
  }));
  app.get(R.usageAnalysis.path, async (req) =>
    runUsageAnalysis(ho.store, validate(usageQuerySchema, req.query ?? {}), ho.now()),
  );
  app.get(R.usageAnalysisExport.path, async (req, reply) => {
    const a = await runUsageAnalysis(ho.store, validate(usageQuerySchema, req.query ?? {}), ho.now());
    const { start, end } = monthBounds(a.month, a.zone);
    const day = (sec: number) => dayIn(a.zone, sec * 1000);
    const heading = { title: a.title, filter: a.filter, from: day(start), to: day(end - 1) };
    const table = { def: SUSPECTS_TABLE, rows: [a.suspects.map(suspectRow)] };
    return sendXlsx(
      reply,
      `${a.title}-${a.month}.xlsx`,
      (out) => writeReportXlsx(heading, [table], out, new Date(ho.now()).toISOString()),
      req.log,
    );
  });
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
    return sendXlsx(
      reply,
      `${heading.title}-${heading.from}-${heading.to}.xlsx`,
      (out) =>
        writeReportXlsx(heading, tables, out, new Date(ho.now()).toISOString(), (rows) =>
          req.log.info({ kind, rows }, 'report export progress'),
        ),
      req.log,
    );
  });
}
