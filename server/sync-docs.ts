/**
 * Generates the reference part of docs/sync-protocol.md (between its GENERATED markers) from the route table
 * and zod schemas of core/sync, so the document can never drift: a test compares. `npm run docs:sync`
 * rewrites it. Runtime: Node.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { ERRORS, type ErrorCode } from '../core/errors';
import { type RouteDef, SYNC_ROUTES } from '../core/sync/routes';
import { renderOpsReference } from './sync-docs-ops';

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  maxItems?: number;
  default?: unknown;
};

export const BEGIN = '<!-- BEGIN GENERATED (npm run docs:sync) -->';
export const END = '<!-- END GENERATED -->';

const SYNC_ERRORS: ErrorCode[] = [
  'SYNC_UNSIGNED',
  'SYNC_BAD_SIGNATURE',
  'SYNC_STALE_REQUEST',
  'SYNC_REPLAYED',
  'SYNC_UNKNOWN_COUNTER',
  'COUNTER_REVOKED',
  'SYNC_FOREIGN_OPS',
  'SYNC_CLONED_COUNTER',
  'SYNC_CHAIN_BROKEN',
  'SYNC_SEQUENCE_GAP',
  'ENROLLMENT_CODE_INVALID',
  'ENROLLMENT_MISMATCH',
  'COUNTER_ALREADY_ENROLLED',
  'VALIDATION_FAILED',
  'MALFORMED_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'ADMIN_UNAUTHORIZED',
  'ALREADY_EXISTS',
  'NOT_FOUND',
  'CONFLICT_ALREADY_RESOLVED',
  'HEAD_OFFICE_UNAVAILABLE',
  'INTERNAL',
];

function typeOf(s: Schema): string {
  if (s.anyOf) return s.anyOf.map(typeOf).join(' \\| ');
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  if (s.enum) return s.enum.map((e) => `\`${String(e)}\``).join(' \\| ');
  if (s.type === 'array') return `${s.items ? typeOf(s.items) : 'unknown'}[]`;
  return Array.isArray(s.type) ? s.type.join(' \\| ') : (s.type ?? 'any');
}

function constraints(s: Schema): string {
  const c: string[] = [];
  if (s.maxLength !== undefined) c.push(`max ${s.maxLength} chars`);
  const bound = (n: number | undefined) => n !== undefined && Math.abs(n) !== Number.MAX_SAFE_INTEGER;
  if (bound(s.minimum)) c.push(`≥ ${s.minimum}`);
  if (bound(s.maximum)) c.push(`≤ ${s.maximum}`);
  if (s.maxItems !== undefined) c.push(`max ${s.maxItems} items`);
  if (s.pattern) c.push(`\`${s.pattern.replace(/\|/g, '\\|')}\``);
  if (s.default !== undefined) c.push(`default ${JSON.stringify(s.default)}`);
  return c.join(', ');
}

function rows(s: Schema, prefix: string, out: string[]): void {
  for (const [key, prop] of Object.entries(s.properties ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    out.push(
      `| \`${path}\` | ${typeOf(prop)} | ${(s.required ?? []).includes(key) ? 'yes' : ''} | ${constraints(prop)} |`,
    );
    if (prop.properties) rows(prop, path, out);
    if (prop.type === 'array' && prop.items?.properties) rows(prop.items, `${path}[]`, out);
  }
}

function table(schema: z.ZodType, io: 'input' | 'output'): string {
  const out: string[] = [];
  rows(z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Schema, '', out);
  if (out.length === 0) return '_(empty object)_\n';
  return `${['| field | type | required | constraints |', '|---|---|---|---|', ...out].join('\n')}\n`;
}

const AUTH: Record<RouteDef['auth'], string> = {
  none: 'public',
  enroll: 'one-time enrollment code (in the body)',
  counter: 'Ed25519 signature of the enrolled counter',
  admin: 'administrator bearer token, or a console session whose role allows it',
  login: 'public (counted per address)',
  console: 'console session (cookie)',
};

export function renderSyncReference(): string {
  const parts = [
    BEGIN,
    '',
    '## Reference (generated from core/sync)',
    '',
    '### Error codes',
    '',
    '| code | HTTP | message |',
    '|---|---|---|',
  ];
  for (const code of SYNC_ERRORS) parts.push(`| \`${code}\` | ${ERRORS[code].status} | ${ERRORS[code].zh} |`);
  parts.push('', 'Every other code of `core/errors.ts` may appear as well; see docs/api.md.', '');
  for (const [name, r] of Object.entries(SYNC_ROUTES) as [string, RouteDef][]) {
    parts.push(
      `### \`${r.method} ${r.path}\` (${name})`,
      '',
      `${r.summary}. Auth: ${AUTH[r.auth]}.${r.bodyLimit ? ` Body limit: ${r.bodyLimit >= 1024 * 1024 ? `${r.bodyLimit / 1024 / 1024} MiB` : `${r.bodyLimit / 1024} KiB`}.` : ''}`,
      '',
    );
    if (r.query) parts.push('**Query**', '', table(r.query, 'input'));
    if (r.body) parts.push('**Body**', '', table(r.body, 'input'));
    parts.push('**Answer**', '', table(r.response, 'output'));
  }
  parts.push(...renderOpsReference(table), END);
  return `${parts.join('\n')}\n`;
}

/** Markdown with table cells trimmed and separator rows reduced to `---` (how Biome pads them does not matter). */
export function normalizeTables(md: string): string {
  return md
    .split('\n')
    .map((line) =>
      line.startsWith('|')
        ? line
            .split('|')
            .map((cell) => (/^\s*-+\s*$/.test(cell) ? '---' : cell.trim()))
            .join('|')
        : line,
    )
    .join('\n');
}

/** The document with its generated part replaced. */
export function withReference(doc: string): string {
  const a = doc.indexOf(BEGIN);
  const b = doc.indexOf(END);
  if (a < 0 || b < 0) throw new Error('docs/sync-protocol.md lacks the GENERATED markers');
  return doc.slice(0, a) + renderSyncReference() + doc.slice(b + END.length + 1);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''))) {
  const file = new URL('../docs/sync-protocol.md', import.meta.url);
  writeFileSync(file, withReference(readFileSync(file, 'utf8')));
  process.stdout.write('docs/sync-protocol.md reference written\n');
}
