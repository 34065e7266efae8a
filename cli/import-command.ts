/**
 * `gasdesk server import KIND FILE` and `gasdesk server imports`: bringing a company in at head office, on the
 * database `gasdesk server` uses (DATABASE_URL, else PGlite in --data: stop the server first, PGlite has one
 * user). A dry run writes the error report; a run is first a dry run, and writes only when no row is bad (or
 * with --skip-bad-rows). The requestId defaults to the kind and the file's hash, so running the same file
 * again answers the finished batch, and a run that was cut resumes. Exit 0 done, 2 bad rows, 1 refused.
 * Runtime: Node.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../core/errors';
import { getBatch, listBatches, revertBatch } from '../server/import/batches';
import { mappingSchema, saveMapping } from '../server/import/mapping';
import { writeErrorReport } from '../server/import/report';
import { type DryRun, dryRun, fileSha256, runImport } from '../server/import/run';
import { sniffFile, type TextEncoding } from '../server/import/sniff';
import { isImportKind, KIND_ZH } from '../server/import/templates';
import { migrateServer } from '../server/pg/migrate';
import { openStore } from '../server/pg/store';
import { defaultDataDir } from './paths';

const ENCODINGS: Record<string, TextEncoding> = {
  utf8: 'utf8',
  'utf-8': 'utf8',
  gbk: 'gb18030',
  gb18030: 'gb18030',
};

function say(json: boolean, value: unknown, text: string): void {
  process.stdout.write(json ? `${JSON.stringify(value)}\n` : `${text}\n`);
}

const dryText = (d: DryRun) =>
  `${KIND_ZH[d.kind]} ${d.fileName}: 共 ${d.rows} 行，正确 ${d.valid} 行，错误 ${d.badRows} 行（${d.issueCount} 处）；` +
  `将新建 ${d.wouldCreate}，更新 ${d.wouldUpdate}，无变化 ${d.unchanged}`;

export async function importCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'skip-bad-rows': { type: 'boolean', default: false },
      hall: { type: 'string' },
      encoding: { type: 'string' },
      mapping: { type: 'string' },
      'save-mapping': { type: 'boolean', default: false },
      report: { type: 'string' },
      'request-id': { type: 'string' },
      'chunk-rows': { type: 'string' },
      json: { type: 'boolean', default: false },
      progress: { type: 'boolean', default: false },
    },
  });
  const json = values.json!;
  const url = process.env.DATABASE_URL || undefined;
  const store = await openStore(
    url ? { url } : { dataDir: values.data ?? join(defaultDataDir(), 'head-office') },
  );
  try {
    await migrateServer(store);
    const [verb, a, b] = positionals;
    if (verb === 'imports') {
      if (a === 'show' && b) {
        const one = await getBatch(store, b);
        say(json, one, JSON.stringify(one, null, 2));
        return 0;
      }
      if (a === 'revert' && b) {
        const r = await revertBatch(store, b, values['request-id'] ?? `revert-${b}`, Date.now());
        say(json, r, `已撤销批次 ${b}：冲正 ${r.summary.reverted ?? 0} 条（撤销批次 ${r.id}）`);
        return 0;
      }
      const all = await listBatches(store);
      say(
        json,
        all,
        all
          .map((x) => `${x.id}  ${x.kind}  ${x.status}  ${x.fileName}  ${JSON.stringify(x.summary)}`)
          .join('\n') || '没有导入批次',
      );
      return 0;
    }
    if (!a || !isImportKind(a) || !b) throw new AppError('IMPORT_KIND_UNKNOWN', { detail: a });
    const encoding = values.encoding ? ENCODINGS[values.encoding.toLowerCase()] : undefined;
    if (values.encoding && !encoding) throw new AppError('IMPORT_ENCODING', { detail: values.encoding });
    await sniffFile(b, encoding); // the file is what it says, before anything else
    const mapping = values.mapping
      ? mappingSchema.parse(JSON.parse(readFileSync(values.mapping, 'utf8')))
      : undefined;
    if (mapping && values['save-mapping']) await saveMapping(store, a, mapping, Date.now());
    const o = {
      kind: a,
      path: b,
      mapping,
      hallCode: values.hall ?? null,
      encoding,
      skipBadRows: values['skip-bad-rows'],
      chunkRows: values['chunk-rows'] ? Number(values['chunk-rows']) : undefined,
      now: Date.now,
      onChunk: values.progress ? (n: number) => process.stderr.write(`已写入至第 ${n} 行\n`) : undefined,
    };
    const report = values.report ?? `${b}.错误报告.xlsx`;
    if (values['dry-run']) {
      const d = await dryRun(store, o);
      if (d.issueCount > 0) await writeErrorReport(report, d.issues, d.issueCount);
      say(
        json,
        { ...d, issues: d.issues.slice(0, 100), report: d.issueCount > 0 ? report : null },
        `试导入（未写入）：${dryText(d)}${d.issueCount > 0 ? `\n错误报告：${report}` : ''}`,
      );
      return d.issueCount > 0 ? 2 : 0;
    }
    const requestId = values['request-id'] ?? `import-${a}-${(await fileSha256(b)).slice(0, 32)}`;
    const r = await runImport(store, requestId, o);
    if (r.dry && r.dry.issueCount > 0) await writeErrorReport(report, r.dry.issues, r.dry.issueCount);
    if (!r.batch) {
      say(
        json,
        { ...r.dry, issues: r.dry!.issues.slice(0, 100), report, code: 'IMPORT_HAS_ERRORS' },
        `未写入任何数据：${dryText(r.dry!)}\n错误报告：${report}\n改正后重新导入，或加 --skip-bad-rows 跳过错误行`,
      );
      return 2;
    }
    const s = r.batch.summary;
    say(
      json,
      r.batch,
      `导入批次 ${r.batch.id}（${r.batch.status}）：新建 ${s.created}，更新 ${s.updated}，无变化 ${s.unchanged}，跳过错误行 ${s.skipped}`,
    );
    return 0;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const body = e.toBody();
    say(json, body, `${body.code}: ${body.message}${body.detail ? `（${body.detail}）` : ''}`);
    return 1;
  } finally {
    await store.close();
  }
}
