/**
 * The operations part of docs/sync-protocol.md's generated reference: every operation type of the sync
 * contract (core/sync/ops) with its version, entity, authority, what head office does with it and its
 * payload's fields, and the quarantine reasons (core/sync/quarantine.ts). Runtime: Node.
 */
import type { z } from 'zod';
import { OP_SPECS } from '../core/sync/ops';
import type { Authority, HeadOfficeUse } from '../core/sync/ops/define';
import { QUARANTINE_CODES } from '../core/sync/quarantine';

const AUTHORITY: Record<Authority, string> = {
  hall: 'a counter of the record’s own hall',
  counter: 'the counter itself (what it names must be its hall’s or its own)',
  local: 'the counter itself (its local record)',
};

const USE: Record<HeadOfficeUse, string> = {
  applies: 'checked and applied',
  stores: 'kept in the ledger',
};

export function renderOpsReference(table: (schema: z.ZodType, io: 'input' | 'output') => string): string[] {
  const parts = [
    '### Operations',
    '',
    'Every operation type a counter writes, as `core/sync/ops` declares it. A stored payload carries its version',
    'as `v` (absent: version 1, the payloads written before the contract, read through an upgrade per type).',
    '',
    '| type | version | entity | may be said by | head office | |',
    '|---|---|---|---|---|---|',
    ...OP_SPECS.map(
      (s) =>
        `| \`${s.type}\` | ${s.version} | ${s.entityType} | ${AUTHORITY[s.authority]} | ${USE[s.headOffice]} | ${s.summary} |`,
    ),
    '',
  ];
  for (const s of OP_SPECS)
    parts.push(`#### \`${s.type}\` (version ${s.version})`, '', s.summary, '', table(s.schema, 'input'));
  parts.push(
    '### Quarantine reasons',
    '',
    '| code | meaning |',
    '|---|---|',
    ...Object.entries(QUARANTINE_CODES).map(([code, zh]) => `| \`${code}\` | ${zh} |`),
    '',
  );
  return parts;
}
