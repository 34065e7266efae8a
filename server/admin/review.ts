/**
 * What administrators review: conflicts (and their resolution, published to every counter of the hall),
 * quarantined operations and reconciliation findings. Runtime: Node.
 */
import type { GasUseBy } from '../../core/sync/gas-use';
import { AppError } from '../../core/errors';
import type { Conflict } from '../../core/sync/feed';
import type { Store } from '../pg/store';
import { lockFeed, publish } from '../feed';
import { hlcAfter } from '../hlc';
import { customerFeedData } from '../push/feed-rows';
import type { CustomerState, Rec } from '../push/world';

const CONFLICT_VIEW = `SELECT x.id, h.code AS "hallCode", x.hall_id AS "hallId", x.kind, x.entity_type AS "entityType",
  x.entity_id AS "entityId", x.field, x.current, x.incoming, x.current_counter_id AS "currentCounterId",
  x.incoming_counter_id AS "incomingCounterId", x.op_id AS "opId", x.status, x.resolution, x.created_at AS "createdAt"
  FROM conflicts x JOIN halls h ON h.id = x.hall_id`;

export async function listConflicts(store: Store, status: 'open' | 'resolved' | 'all'): Promise<Conflict[]> {
  const rows =
    status === 'all'
      ? await store.query<Conflict>(`${CONFLICT_VIEW} ORDER BY x.created_at, x.id`)
      : await store.query<Conflict>(`${CONFLICT_VIEW} WHERE x.status = $1 ORDER BY x.created_at, x.id`, [
          status,
        ]);
  return rows.map(({ hallId: _h, ...c }: Conflict & { hallId?: string }) => c);
}

/** Applies the decision: for a customer field, the chosen value becomes head office's, newer than any counter's. */
export async function resolveConflict(
  store: Store,
  id: string,
  input: { choice: 'current' | 'incoming'; note: string; by: string },
  nowMs: number,
): Promise<Conflict> {
  return store.tx(async (q) => {
    await lockFeed(q);
    const [x] = await q.query<Conflict & { hallId: string }>(
      `${CONFLICT_VIEW} WHERE x.id = $1 FOR UPDATE OF x`,
      [id],
    );
    if (!x) throw new AppError('NOT_FOUND');
    if (x.status !== 'open') throw new AppError('CONFLICT_ALREADY_RESOLVED');
    const resolution = { ...input, at: new Date(nowMs).toISOString() };
    await q.query(`UPDATE conflicts SET status = 'resolved', resolution = $2 WHERE id = $1`, [
      id,
      JSON.stringify(resolution),
    ]);
    if (x.kind === 'customer_field' && x.field) await decideField(q, x, input.choice, nowMs);
    const { hallId, ...view } = x;
    const out: Conflict = { ...view, status: 'resolved', resolution };
    await publish(q, [{ hallId, kind: 'conflict', key: id, data: out, originCounterId: null }]);
    return out;
  });
}

async function decideField(
  q: Parameters<Parameters<Store['tx']>[0]>[0],
  x: Conflict,
  choice: string,
  nowMs: number,
) {
  const [r] = await q.query<Rec>(
    'SELECT id, hall_id, data, field_meta, updated_hlc, purchase_count, balance, balance_by, gas_use_by FROM customers WHERE id = $1 FOR UPDATE',
    [x.entityId],
  );
  if (!r) return;
  const data = r.data as Rec;
  const meta = r.field_meta as CustomerState['fieldMeta'];
  if (choice === 'incoming') {
    const [head, tail] = x.field!.split('.') as [string, string | undefined];
    if (x.field === 'address' && typeof x.incoming === 'object' && x.incoming !== null)
      Object.assign(data, x.incoming);
    else if (x.field === 'address') data.fullAddress = x.incoming;
    else if (x.field === 'contract.no') data.contract = { ...(data.contract as Rec), no: x.incoming };
    else if (tail) data[head] = { ...(data[head] as Rec), [tail]: x.incoming };
    else data[head] = x.incoming;
  }
  const hlc = hlcAfter(nowMs, r.updated_hlc as string);
  const c = {
    data,
    updatedHlc: hlc,
    purchaseCount: r.purchase_count as number,
    balance: r.balance as number,
    balanceBy: r.balance_by as Record<string, number>,
    gasUseBy: r.gas_use_by as GasUseBy,
  };
  const cursors = await publish(q, [
    {
      hallId: r.hall_id as string,
      kind: 'customer',
      key: x.entityId,
      data: customerFeedData(c),
      originCounterId: null,
    },
  ]);
  meta[x.field!] = { hlc, counterId: 'headoffice', cursor: cursors.get(`customer:${x.entityId}`) ?? 0 };
  await q.query('UPDATE customers SET data = $2, field_meta = $3, updated_hlc = $4 WHERE id = $1', [
    x.entityId,
    JSON.stringify(data),
    JSON.stringify(meta),
    hlc,
  ]);
}

export async function listQuarantine(store: Store) {
  return store.query(
    `SELECT seq, op_id AS id, type, code, reason, counter_id AS "counterId", at FROM quarantine ORDER BY at, counter_id, seq`,
  );
}

export async function listReconciliation(store: Store) {
  return store.query(
    `SELECT r.counter_id AS "counterId", h.code AS "hallCode", c.code AS "counterCode", r.day, r.field, r.detail,
            r.reported_at AS "reportedAt"
       FROM reconciliation_issues r JOIN counters c ON c.counter_id = r.counter_id JOIN halls h ON h.id = c.hall_id
      ORDER BY r.day, h.code, c.code`,
  );
}
