/**
 * One pass over an import file, in chunks: each row read by its template columns and validated (rows.ts),
 * duplicates within the file refused, and each chunk checked against what head office holds in one query per
 * chunk — the customer an account number names, an account, card or user name another file already holds, the
 * old-system id's import record (unchanged, changed or new). The dry run and the run make the same pass; only
 * the run writes its chunks. Runtime: Node.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../core/errors';
import type { Store } from '../pg/store';
import type { Cell } from './cells';
import { resolveHeader, type Mapping } from './mapping';
import { readRows } from './read-rows';
import { RowReader } from './row-fields';
import { type ParsedRow, parseRow } from './rows';
import type { FileShape } from './sniff';
import { type ImportKind, TEMPLATES } from './templates';

export interface ReportIssue {
  readonly rowNo: number;
  readonly column: string;
  readonly code: string;
  readonly message: string;
}

export interface Existing {
  readonly entityId: string;
  readonly rowHash: string;
  readonly data: Record<string, unknown>;
}

export interface CheckedRow extends ParsedRow {
  readonly rowNo: number;
  readonly hallId: string;
  /** The customer an account number names (linked kinds); for customers, an existing file's id. */
  readonly customerId: string | null;
  readonly hash: string;
  readonly existing: Existing | null;
}

export interface ScanOptions {
  readonly kind: ImportKind;
  readonly shape: FileShape;
  readonly mapping: Mapping;
  /** The hall of rows that name none. */
  readonly hallCode: string | null;
  readonly chunkRows: number;
}

const headerOf = (kind: ImportKind, key: string) => TEMPLATES[kind].find((c) => c.key === key)?.header ?? key;

/** Yields each chunk's good rows and issues. The header problems throw (AppError). */
export async function* scanFile(
  store: Store,
  path: string,
  o: ScanOptions,
): AsyncGenerator<{ rows: CheckedRow[]; issues: ReportIssue[]; lastRowNo: number }> {
  const halls = new Map(
    (await store.query<{ id: string; code: string }>('SELECT id, code FROM halls')).map((h) => [
      h.code,
      h.id,
    ]),
  );
  const seen = new Set<string>();
  let columns: Map<string, number> | null = null;
  let batch: { rowNo: number; parsed: ParsedRow }[] = [];
  let issues: ReportIssue[] = [];
  let lastRowNo = 1;
  const flush = async () => {
    const rows = await checkAgainstStore(store, o.kind, batch, halls, o.hallCode, issues);
    const out = { rows, issues, lastRowNo };
    batch = [];
    issues = [];
    return out;
  };
  for await (const { rowNo, cells } of readRows(path, o.shape)) {
    if (columns === null) {
      columns = resolveHeader(o.kind, cells, o.mapping);
      continue;
    }
    lastRowNo = rowNo;
    const byKey: Record<string, Cell> = {};
    for (const [key, i] of columns) byKey[key] = cells[i] ?? null;
    if (Object.values(byKey).every((c) => c === null)) continue; // an empty row
    const reader = new RowReader(byKey);
    const parsed = parseRow(o.kind, reader);
    for (const i of reader.issues)
      issues.push({ rowNo, column: headerOf(o.kind, i.column), code: i.code, message: i.message });
    if (parsed) {
      if (seen.has(parsed.legacyId)) {
        const key = TEMPLATES[o.kind][0]!.key;
        issues.push({
          rowNo,
          column: headerOf(o.kind, key),
          code: 'DUPLICATE_IN_FILE',
          message: `与文件中前面的行重复：${parsed.legacyId}`,
        });
      } else {
        seen.add(parsed.legacyId);
        batch.push({ rowNo, parsed });
      }
    }
    if (batch.length >= o.chunkRows) yield await flush();
  }
  if (columns === null) throw new AppError('IMPORT_FILE_EMPTY');
  yield await flush();
}

const rowHash = (p: ParsedRow, hallId: string) =>
  createHash('sha256')
    .update(JSON.stringify([hallId, p.accountNo, p.value]))
    .digest('hex')
    .slice(0, 32);

async function checkAgainstStore(
  store: Store,
  kind: ImportKind,
  batch: { rowNo: number; parsed: ParsedRow }[],
  halls: Map<string, string>,
  defaultHall: string | null,
  issues: ReportIssue[],
): Promise<CheckedRow[]> {
  if (batch.length === 0) return [];
  const ids = batch.map((b) => b.parsed.legacyId);
  const existing = new Map(
    (
      await store.query<{
        legacy_id: string;
        entity_id: string;
        row_hash: string;
        data: Record<string, unknown>;
      }>(
        'SELECT legacy_id, entity_id, row_hash, data FROM import_records WHERE kind = $1 AND legacy_id = ANY($2)',
        [kind, ids],
      )
    ).map((r) => [r.legacy_id, { entityId: r.entity_id, rowHash: r.row_hash, data: r.data }]),
  );
  const accounts = [...new Set(batch.map((b) => b.parsed.accountNo).filter((a): a is string => a !== null))];
  const customers = new Map<string, { id: string; hallId: string; imported: boolean }[]>();
  if (accounts.length > 0) {
    // Two index lookups, not a correlated EXISTS: with the tables' statistics stale in the middle of an import
    // the planner ran that subquery once per customer over every imported customer (300 ms a chunk at 10,000).
    const held = await store.query<{ id: string; hall_id: string; account_no: string }>(
      'SELECT id, hall_id, account_no FROM customers WHERE account_no = ANY($1)',
      [accounts],
    );
    const imported = new Set(
      (
        await store.query<{ entity_id: string }>(
          `SELECT entity_id FROM import_records WHERE entity_id = ANY($1) AND kind = 'customers'`,
          [held.map((c) => c.id)],
        )
      ).map((r) => r.entity_id),
    );
    for (const c of held)
      customers.set(c.account_no, [
        ...(customers.get(c.account_no) ?? []),
        { id: c.id, hallId: c.hall_id, imported: imported.has(c.id) },
      ]);
  }
  const taken = await takenElsewhere(store, kind, batch);
  const out: CheckedRow[] = [];
  const col0 = headerOf(kind, TEMPLATES[kind][0]!.key);
  for (const { rowNo, parsed } of batch) {
    const bad = (column: string, code: string, message: string) =>
      issues.push({ rowNo, column, code, message });
    const code = parsed.hallCode ?? defaultHall;
    let hallId = code ? halls.get(code) : undefined;
    const held = parsed.accountNo ? (customers.get(parsed.accountNo) ?? []) : [];
    let customerId: string | null = null;
    if (kind === 'customers') {
      const other = held.find((c) => !c.imported);
      if (other) bad('户号', 'DUPLICATE_ACCOUNT_NO', `户号 ${parsed.accountNo} 已被总部现有的其他档案使用`);
      if (!hallId)
        bad(
          '营业厅编号',
          'HALL_NOT_FOUND',
          code ? `营业厅 ${code} 在总部没有登记` : '没有营业厅：请填写营业厅编号或导入时指定营业厅',
        );
      if (other || !hallId) continue;
    } else if (kind === 'staff') {
      if (!hallId) {
        bad('营业厅编号', 'HALL_NOT_FOUND', `营业厅 ${code} 在总部没有登记`);
        continue;
      }
    } else {
      if (held.length !== 1) {
        bad(
          '户号',
          held.length === 0 ? 'CUSTOMER_NOT_FOUND' : 'ACCOUNT_AMBIGUOUS',
          held.length === 0
            ? `户号 ${parsed.accountNo} 没有档案：请先导入用户档案`
            : `户号 ${parsed.accountNo} 在多个营业厅都有档案`,
        );
        continue;
      }
      customerId = held[0]!.id;
      hallId = held[0]!.hallId;
    }
    const clash = taken.get(parsed.legacyId);
    const mine = existing.get(parsed.legacyId);
    if (clash !== undefined && clash !== (mine?.entityId ?? null) && clash !== customerId) {
      bad(col0, 'DUPLICATE_EXISTING', `${col0} ${parsed.legacyId} 已被总部现有的其他记录使用`);
      continue;
    }
    out.push({
      ...parsed,
      rowNo,
      hallId: hallId!,
      customerId,
      hash: rowHash(parsed, hallId!),
      existing: mine ?? null,
    });
  }
  return out;
}

/** Numbers another record already holds: card → its customer id; user name → the staff id (per hall). */
async function takenElsewhere(
  store: Store,
  kind: ImportKind,
  batch: { parsed: ParsedRow }[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (kind === 'cards') {
    const rows = await store.query<{ card_no: string; customer_id: string }>(
      'SELECT card_no, customer_id FROM cards WHERE card_no = ANY($1)',
      [batch.map((b) => b.parsed.legacyId)],
    );
    for (const r of rows) out.set(r.card_no, r.customer_id);
  }
  if (kind === 'meters') {
    const rows = await store.query<{ meter_no: string; id: string }>(
      `SELECT m->>'meterNo' AS meter_no, c.id FROM customers c CROSS JOIN jsonb_array_elements(c.data->'meters') m
        WHERE c.account_no = ANY($2) AND m->>'meterNo' = ANY($1)`,
      [batch.map((b) => b.parsed.legacyId), batch.map((b) => b.parsed.accountNo)],
    );
    for (const r of rows) out.set(r.meter_no, r.id);
  }
  if (kind === 'staff') {
    const rows = await store.query<{ username: string; id: string }>(
      'SELECT lower(username) AS username, id FROM staff WHERE lower(username) = ANY($1)',
      [batch.map((b) => String(b.parsed.value.username).toLowerCase())],
    );
    const byName = new Map(rows.map((r) => [r.username, r.id]));
    for (const b of batch) {
      const id = byName.get(String(b.parsed.value.username).toLowerCase());
      if (id) out.set(b.parsed.legacyId, id);
    }
  }
  return out;
}
