import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderApiDocs } from '../../build/api-docs';
import { OP_NAMES } from '../../core/contract';
import { handlers } from '../../services/api';

const ROOT = join(import.meta.dirname, '../..');

describe('docs/api.md', () => {
  it('is exactly what the contract generates (run `npm run docs:api` after changing the contract)', () => {
    expect(readFileSync(join(ROOT, 'docs/api.md'), 'utf8')).toBe(renderApiDocs());
  });
  it('documents every operation, and every operation has a handler', () => {
    const text = readFileSync(join(ROOT, 'docs/api.md'), 'utf8');
    for (const op of OP_NAMES) {
      expect(text).toContain(`### \`${op}\``);
      expect(typeof handlers[op]).toBe('function');
    }
    expect(Object.keys(handlers).sort()).toEqual([...OP_NAMES].sort());
  });
});
