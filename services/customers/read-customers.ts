/** 查询: one file, its full history, and search. Runtime: Node. */
import { sql } from 'drizzle-orm';
import type { HistoryEntry } from '../../core/contract';
import { AppError } from '../../core/errors';
import { findCustomer, searchCustomers, visitingOf } from '../../db';
import type { Handlers } from '../call';
import { loadCustomer } from './customer-rows';

/** The file; a customer of another hall fetched from head office names its hall. */
export const customersGet: Handlers['customers.get'] = (input, { app }) => {
  const v = visitingOf(app.gdb.sqlite, input.id);
  return { ...loadCustomer(app, input.id), otherHall: v ? { code: v.hallCode, name: v.hallName } : null };
};

export const customersSearch: Handlers['customers.search'] = (input, { app }) =>
  searchCustomers(app.db, input.query, input.kind, input.limit);

interface AuditJoin {
  id: string;
  at: string;
  action: string;
  summary: string;
  reason: string | null;
  changes: string | null;
  operatorId: string | null;
  operatorName: string | null;
  approverId: string | null;
  approverName: string | null;
}

export const customersHistory: Handlers['customers.history'] = (input, { app }) => {
  if (!findCustomer(app.db, input.id)) throw new AppError('CUSTOMER_NOT_FOUND');
  const rows = app.db.all<AuditJoin>(sql`SELECT a.id, a.at, a.action, a.summary, a.reason, a.changes,
      a.operator_id AS operatorId, o.display_name AS operatorName, a.approver_id AS approverId, p.display_name AS approverName
    FROM audit a LEFT JOIN staff o ON o.id = a.operator_id LEFT JOIN staff p ON p.id = a.approver_id
    WHERE a.entity_type = 'customer' AND a.entity_id = ${input.id} ORDER BY a.at, a.rowid`);
  const items: HistoryEntry[] = rows.map((r) => ({
    id: r.id,
    at: r.at,
    action: r.action,
    summary: r.summary,
    reason: r.reason,
    operator: { id: r.operatorId ?? '', displayName: r.operatorName ?? '—' },
    approver: r.approverId ? { id: r.approverId, displayName: r.approverName ?? '—' } : null,
    changes: r.changes ? (JSON.parse(r.changes) as HistoryEntry['changes']) : [],
  }));
  return { items };
};
