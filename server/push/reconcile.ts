/**
 * Reconciliation (reliability.md 7): the counter's per-day digests against head office's, compared only when
 * both agree on the last operation; each day that differs is recorded with the counter and reported back,
 * and a day that agrees again clears its finding. Runtime: Node.
 */
import { type DayDigest, digestMismatch } from '../../core/sync/digest';
import type { DigestMismatchReport, ReconcileRequest, ReconcileResponse } from '../../core/sync/wire';
import { type CounterCtx, claimNonce } from '../auth/counter-auth';
import type { Store } from '../pg/store';

export async function reconcile(
  store: Store,
  ctx: CounterCtx,
  req: ReconcileRequest,
  nowMs: number,
): Promise<ReconcileResponse> {
  return store.tx(async (q) => {
    await claimNonce(q, ctx, nowMs);
    const [c] = await q.query<{ head_seq: number }>('SELECT head_seq FROM counters WHERE slot_id = $1', [
      ctx.slotId,
    ]);
    const headSeq = c?.head_seq ?? 0;
    if (headSeq !== req.upToSeq) return { compared: false, headSeq, mismatches: [] };
    const rows = await q.query<DayDigest>(
      `SELECT day, count, amount, volume, ids_hash AS "idsHash", last_seq AS "lastSeq" FROM day_digests WHERE counter_id = $1`,
      [ctx.counterId],
    );
    const ours = new Map(rows.map((r) => [r.day, r]));
    const theirs = new Map(req.days.map((d) => [d.day, d]));
    const mismatches: DigestMismatchReport[] = [];
    for (const day of new Set([...ours.keys(), ...theirs.keys()])) {
      const field = digestMismatch(theirs.get(day), ours.get(day));
      if (field)
        mismatches.push({ day, field, counter: theirs.get(day) ?? null, headOffice: ours.get(day) ?? null });
    }
    const bad = mismatches.map((m) => m.day);
    await q.query('DELETE FROM reconciliation_issues WHERE counter_id = $1 AND NOT (day = ANY($2))', [
      ctx.counterId,
      bad,
    ]);
    if (mismatches.length > 0)
      await q.query(
        `INSERT INTO reconciliation_issues (counter_id, day, field, detail)
         SELECT $2, x.day, x.field, x.detail FROM json_to_recordset($1::json) AS x(day text, field text, detail jsonb)
         ON CONFLICT (counter_id, day) DO UPDATE SET field = excluded.field, detail = excluded.detail, reported_at = now()`,
        [JSON.stringify(mismatches.map((m) => ({ day: m.day, field: m.field, detail: m }))), ctx.counterId],
      );
    return { compared: true, headSeq, mismatches: mismatches.sort((a, b) => a.day.localeCompare(b.day)) };
  });
}
