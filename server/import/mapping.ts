/**
 * Which column of the file holds each template column: found by header text, in any order; a mapping the
 * administrator saved (or passes as a JSON file) names another header for a template column, e.g.
 * { "accountNo": "用户编号", "phone": "联系电话" }. A required column that is not there is refused up front,
 * naming every missing one. Runtime: Node.
 */
import { importMappingSchema } from '../../core/sync/wire-import';
import { AppError } from '../../core/errors';
import type { Store } from '../pg/store';
import { type Cell, cleanText } from './cells';
import { type ImportKind, TEMPLATES } from './templates';

export type Mapping = Record<string, string>;

export const mappingSchema = importMappingSchema;

/** Header text compared without spaces, full-width brackets or case. */
const norm = (s: string) =>
  (cleanText(s) ?? '').replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').toLowerCase();

/** Column index (0-based) per template key present in the file. */
export function resolveHeader(kind: ImportKind, header: Cell[], mapping: Mapping): Map<string, number> {
  const at = new Map<string, number>();
  header.forEach((h, i) => {
    if (typeof h === 'string' && !at.has(norm(h))) at.set(norm(h), i);
  });
  const out = new Map<string, number>();
  const missing: string[] = [];
  for (const c of TEMPLATES[kind]) {
    const wanted = mapping[c.key] ?? c.header;
    const i = at.get(norm(wanted)) ?? at.get(norm(c.header)) ?? at.get(norm(c.key));
    if (i !== undefined) out.set(c.key, i);
    else if (c.required) missing.push(mapping[c.key] ? `${c.header}（对应“${mapping[c.key]}”）` : c.header);
  }
  if (missing.length > 0)
    throw new AppError('IMPORT_COLUMNS', {
      detail: `缺少列：${missing.join('、')}`,
      fields: { missing: missing.join('、') },
    });
  return out;
}

export async function savedMapping(store: Store, kind: ImportKind): Promise<Mapping> {
  const [row] = await store.query<{ mapping: Mapping }>(
    'SELECT mapping FROM import_mappings WHERE kind = $1',
    [kind],
  );
  return row?.mapping ?? {};
}

export async function saveMapping(
  store: Store,
  kind: ImportKind,
  mapping: Mapping,
  nowMs: number,
): Promise<Mapping> {
  const keys = new Set(TEMPLATES[kind].map((c) => c.key));
  const unknown = Object.keys(mapping).filter((k) => !keys.has(k));
  if (unknown.length > 0)
    throw new AppError('VALIDATION_FAILED', { detail: `unknown columns: ${unknown.join(', ')}` });
  await store.query(
    `INSERT INTO import_mappings (kind, mapping, updated_at) VALUES ($1, $2, $3)
     ON CONFLICT (kind) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at`,
    [kind, JSON.stringify(mapping), new Date(nowMs).toISOString()],
  );
  return mapping;
}
