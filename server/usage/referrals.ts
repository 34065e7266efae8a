/**
 * 核表请求: head office sends a suspect of the usage analysis to the household's hall for a 工单. Head office
 * does not author the work order itself (work orders are the hall's records, numbered by the counter that
 * opens them and dispatched from its service desk): it records the request, once per household and month,
 * and publishes it on the hall's feed; every counter of the hall shows it on the clerk's to-do board until
 * one opens the work order from it (source type `referral`), which reaches head office with the counter's
 * push as every work order does. The list shows each request with that work order's number once received.
 * Runtime: Node.
 */
import type { z } from 'zod';
import { dayIn } from '../../core/business-day';
import { AppError } from '../../core/errors';
import { uuidv7 } from '../../core/ids';
import type {
  UsageReferral,
  UsageReferralInput,
  usageReferralListSchema,
  usageReferralQuerySchema,
} from '../../core/sync/wire-referral';
import { FLAG_NAMES, type FlagCode } from '../../core/usage/analyse';
import { hallsOf } from '../admin/lists';
import { lockFeed, publish } from '../feed';
import type { Queryable, Store } from '../pg/store';

/** The most a work order's 工单内容 holds (workOrders.open). */
const DESCRIPTION_MAX = 500;

/** The 工单内容: what the analysis saw, each flag with its evidence, cut to what a work order holds. */
export function referralDescription(month: string, flags: UsageReferralInput['flags']): string {
  const [y, m] = month.split('-').map(Number);
  const head = `总部燃气用量分析（${y}年${m}月）疑似表具异常，请上门核查表具：`;
  const text = head + flags.map((f) => `${FLAG_NAMES[f.code as FlagCode]}——${f.text}`).join('；');
  return text.length <= DESCRIPTION_MAX ? text : `${text.slice(0, DESCRIPTION_MAX - 1)}…`;
}

export async function sendUsageReferral(
  store: Store,
  hallCode: string,
  input: UsageReferralInput,
  createdBy: string,
  nowMs: number,
): Promise<UsageReferral> {
  return store.tx(async (q) => {
    const [hall] = await q.query<{ id: string; time_zone: string }>(
      'SELECT id, time_zone FROM halls WHERE code = $1',
      [hallCode],
    );
    if (!hall) throw new AppError('NOT_FOUND', { detail: `hall ${hallCode}` });
    if (input.month < '2000-01') throw new AppError('REPORT_PERIOD_TOO_EARLY');
    if (input.month > dayIn(hall.time_zone, nowMs).slice(0, 7)) throw new AppError('REPORT_PERIOD_IN_FUTURE');
    const [c] = await q.query<{ account_no: string; name: string | null; address: string | null }>(
      `SELECT account_no, data->>'name' AS name, data->>'fullAddress' AS address
         FROM customers WHERE id = $1 AND hall_id = $2`,
      [input.customerId, hall.id],
    );
    if (!c) throw new AppError('NOT_FOUND', { detail: `customer ${input.customerId} in hall ${hallCode}` });
    await lockFeed(q);
    const r: UsageReferral = {
      id: uuidv7(nowMs),
      no: `HB${input.month.replace('-', '')}-${c.account_no}`,
      hallCode,
      customerId: input.customerId,
      accountNo: c.account_no,
      name: c.name ?? '',
      address: c.address ?? '',
      month: input.month,
      flags: input.flags,
      description: referralDescription(input.month, input.flags),
      createdBy,
      createdAt: new Date(nowMs).toISOString(),
    };
    const stored = await q.query(
      `INSERT INTO usage_referrals (id, no, hall_id, customer_id, account_no, month, flags, description,
         created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (customer_id, month) DO NOTHING RETURNING id`,
      [
        r.id,
        r.no,
        hall.id,
        r.customerId,
        r.accountNo,
        r.month,
        JSON.stringify(r.flags),
        r.description,
        r.createdBy,
        r.createdAt,
      ],
    );
    if (stored.length === 0) throw new AppError('USAGE_ALREADY_REFERRED');
    await publish(q, [
      { hallId: hall.id, kind: 'usage_referral', key: r.id, data: r, originCounterId: null },
    ]);
    return r;
  });
}

export async function listUsageReferrals(
  q: Queryable,
  query: z.output<typeof usageReferralQuerySchema>,
  scope: ReadonlySet<string> | null,
): Promise<z.infer<typeof usageReferralListSchema>['referrals']> {
  const halls = await hallsOf(q, query.hall, scope);
  const rows = await q.query<{
    id: string;
    no: string;
    hall_id: string;
    customer_id: string;
    account_no: string;
    name: string | null;
    address: string | null;
    month: string;
    flags: UsageReferral['flags'];
    description: string;
    created_by: string;
    created_at: string;
    work_order_no: string | null;
  }>(
    // The work order a counter opened from it: the service desk's record whose source is this request.
    `SELECT r.*, c.data->>'name' AS name, c.data->>'fullAddress' AS address,
        (SELECT s.no FROM service_records s
          WHERE s.hall_id = r.hall_id AND s.kind = 'work_order'
            AND s.data->>'sourceType' = 'referral' AND s.data->>'sourceId' = r.id
          ORDER BY s.created_at LIMIT 1) AS work_order_no
       FROM usage_referrals r JOIN customers c ON c.id = r.customer_id
      WHERE r.month = $1 AND r.hall_id = ANY($2::text[])
      ORDER BY r.created_at`,
    [query.month, [...halls.keys()]],
  );
  return rows.map((r) => ({
    id: r.id,
    no: r.no,
    hallCode: halls.get(r.hall_id) ?? '',
    customerId: r.customer_id,
    accountNo: r.account_no,
    name: r.name ?? '',
    address: r.address ?? '',
    month: r.month,
    flags: r.flags,
    description: r.description,
    createdBy: r.created_by,
    createdAt: r.created_at,
    workOrderNo: r.work_order_no,
  }));
}
