/**
 * The reports' summary (report_days) of a revert's correcting sales: each reverted sale taken back out of its
 * own counter's figures on its own business day (its class, operator, tiers, fees, tenders and kind, as its
 * push summed them, with the status it holds now), and each correction counted there under kind
 * `correction|completed` (the corrections report's 总部冲回). A hall's reports then read as if the reverted sale
 * had never been believed, and say that head office took it back. Runtime: Node.
 */
import type { Queryable } from '../pg/store';
import { reportDayRows, type SaleFacts, upsertReportDaysSql } from '../push/report-days';
import type { Rec } from '../push/world';

type Line = SaleFacts['lines'][number] & { sale_id: string };
type Tender = SaleFacts['tenders'][number] & { sale_id: string };

const facts = (s: Rec, lines: SaleFacts['lines'], tenders: SaleFacts['tenders']): SaleFacts => ({
  kind: s.kind as SaleFacts['kind'],
  status: s.status as SaleFacts['status'],
  businessDate: String(s.business_date),
  userClass: (s.user_class ?? null) as SaleFacts['userClass'],
  operatorId: String(s.operator_id),
  volume: Number(s.volume),
  amount: Number(s.amount),
  amountPaid: Number(s.amount_paid),
  lines,
  tenders,
});

/** Writes the summary of `corrections` (rows as revert-effects.ts builds them) of the `sales` they correct. */
export async function writeRevertSummary(
  q: Queryable,
  sales: ReadonlyMap<string, Rec>,
  corrections: readonly Rec[],
): Promise<void> {
  if (corrections.length === 0) return;
  const ids = corrections.map((c) => String(c.corrects_sale_id));
  const lines = await q.query<Line>(
    `SELECT sale_id, kind, tier, volume, amount, name, qty FROM sale_lines WHERE sale_id = ANY($1)`,
    [ids],
  );
  const tenders = await q.query<Tender>(
    `SELECT sale_id, method, amount FROM sale_tenders WHERE sale_id = ANY($1)`,
    [ids],
  );
  const byCounter = new Map<string, SaleFacts[]>();
  for (const c of corrections) {
    const sale = sales.get(String(c.corrects_sale_id))!;
    const id = String(sale.id);
    const list = byCounter.get(String(sale.counter_id)) ?? [];
    list.push(
      {
        ...facts(
          sale,
          lines.filter((l) => l.sale_id === id),
          tenders.filter((t) => t.sale_id === id),
        ),
        takenBack: true,
      },
      { ...facts({ ...c, status: 'completed' }, [], []), userClass: null },
    );
    byCounter.set(String(sale.counter_id), list);
  }
  for (const [counterId, list] of byCounter)
    await q.query(upsertReportDaysSql('json_to_recordset($1::json)', '$2'), [
      JSON.stringify(reportDayRows(list)),
      counterId,
    ]);
}
