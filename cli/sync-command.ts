/**
 * `gasdesk sync [--data DIR]`: one sync with head office (push, pull, reconcile), then exit 0 on success.
 * `gasdesk sync enroll --server URL --code CODE [--data DIR]`: enroll this counter.
 * `gasdesk sync status [--data DIR] [--json]`: what is pending, quarantined, last success and error.
 * Runtime: Node.
 */
import { parseArgs } from 'node:util';
import { AppError } from '../core/errors';
import { syncEnrollInput } from '../core/contract/sync';
import { App } from '../services/app';
import { enrollCounter } from '../services/sync/enroll';
import { runSync } from '../services/sync/run-sync';
import { syncStatus } from '../services/sync/status';
import { defaultDataDir } from './paths';
import { readVersion } from './version';

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

export async function syncCommand(argv: string[]): Promise<number> {
  const sub = argv[0] && !argv[0].startsWith('-') ? argv[0] : 'run';
  const rest = sub === 'run' ? argv : argv.slice(1);
  const { values } = parseArgs({
    args: rest,
    options: {
      data: { type: 'string' },
      server: { type: 'string' },
      code: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const app = new App({ dataDir: values.data ?? defaultDataDir(), version: readVersion() });
  try {
    if (!app.counter()) throw new AppError('SETUP_REQUIRED');
    if (sub === 'enroll') {
      const input = syncEnrollInput.safeParse({ server: values.server, code: values.code });
      if (!input.success)
        throw new Error(
          `用法 usage: gasdesk sync enroll --server URL --code XXXX-XXXX-XXXX (${input.error.issues[0]?.message})`,
        );
      const res = await enrollCounter(app, input.data);
      say(
        `已登记到总部 enrolled: ${res.hallName} ${res.counterName} (${res.counterId})，营业日时区 time zone: ${res.timeZone}`,
      );
      return 0;
    }
    if (sub === 'status') {
      const s = syncStatus(app);
      if (values.json) say(JSON.stringify(s));
      else {
        say(
          `待上传 pending: ${s.pendingOps}  已确认 acked: ${s.ackedSeq}/${s.lastSeq}  最近成功 last success: ${s.lastSuccessAt ?? '—'}`,
        );
        if (s.lastError) say(`最近错误 last error: ${s.lastError.code} ${s.lastError.message}`);
        for (const q of s.quarantined) say(`隔离 quarantined #${q.seq} ${q.type}: ${q.code} ${q.reason}`);
        for (const m of s.digestMismatches) say(`对账不符 digest mismatch: ${m.day} (${m.field})`);
      }
      return 0;
    }
    if (sub !== 'run') throw new Error(`未知子命令 unknown: sync ${sub}`);
    const r = await runSync(app);
    if (values.json) say(JSON.stringify(r));
    else if (r.ok)
      say(
        `同步完成 synced: 上传 pushed ${r.pushed}, 下载 pulled ${r.pulled}, 隔离 quarantined ${r.quarantined}, 对账不符 mismatches ${r.mismatches}`,
      );
    else say(`同步未完成 sync failed: ${r.error?.code} ${r.error?.message}`);
    return r.ok ? 0 : 1;
  } finally {
    app.close();
  }
}
