/**
 * Whom a head-office report covers: the company, one hall (by its code) or one counter (by its counter id or
 * slot id), as the list of counter ids whose figures it adds up, with the names the report shows for each
 * counter and hall. Runtime: Node.
 */
import { AppError } from '../../core/errors';
import type { Queryable } from '../pg/store';

export interface CounterName {
  readonly counterId: string;
  readonly counter: string;
  readonly hall: string;
}

export interface Scope {
  /** null: the company (every counter, head office's own correcting entries included). */
  readonly counterIds: string[] | null;
  /** In words, for the report's heading. */
  readonly label: string;
  readonly names: Map<string, CounterName>;
}

export async function resolveScope(q: Queryable, f: { hall?: string; counter?: string }): Promise<Scope> {
  const rows = await q.query<{
    counter_id: string;
    slot_id: string;
    code: string;
    name: string;
    hall_code: string;
    hall_name: string;
  }>(
    `SELECT c.counter_id, c.slot_id, c.code, c.name, h.code AS hall_code, h.name AS hall_name
       FROM counters c JOIN halls h ON h.id = c.hall_id WHERE c.counter_id IS NOT NULL`,
  );
  const names = new Map(
    rows.map((r) => [
      r.counter_id,
      {
        counterId: r.counter_id,
        counter: `${r.hall_code}-${r.code} ${r.name}`,
        hall: `${r.hall_code} ${r.hall_name}`,
      },
    ]),
  );
  if (f.counter !== undefined) {
    const c = rows.find((r) => r.counter_id === f.counter || r.slot_id === f.counter);
    if (!c || (f.hall !== undefined && c.hall_code !== f.hall))
      throw new AppError('NOT_FOUND', { detail: `counter ${f.counter}` });
    return { counterIds: [c.counter_id], label: `柜台 ${names.get(c.counter_id)!.counter}`, names };
  }
  if (f.hall !== undefined) {
    const inHall = rows.filter((r) => r.hall_code === f.hall);
    const [hall] = await q.query<{ name: string }>('SELECT name FROM halls WHERE code = $1', [f.hall]);
    if (!hall) throw new AppError('NOT_FOUND', { detail: `hall ${f.hall}` });
    return { counterIds: inHall.map((r) => r.counter_id), label: `营业厅 ${f.hall} ${hall.name}`, names };
  }
  return { counterIds: null, label: '全公司', names };
}
