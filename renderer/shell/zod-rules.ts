/**
 * Form rules from the contract's own zod schemas, so that the messages on screen are exactly the
 * contract's Chinese messages. Runtime: browser.
 */
import type { FormRule } from 'antd';
import { z } from 'zod';
import { toFieldIssues } from '../../core/contract/issues';
import type { FieldIssue } from '../../core/errors';

export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Validates one field's value with `schema`; `optional` skips blank values. */
export function zodRule(schema: z.ZodType, opts: { optional?: boolean; emptyAs?: string } = {}): FormRule {
  return {
    validator: async (rule, value: unknown) => {
      if (opts.optional && isBlank(value)) return;
      // `emptyAs: ''` for string schemas without their own "required" message.
      const v = value == null && opts.emptyAs !== undefined ? opts.emptyAs : value;
      // Parsed under the field's own name, so that a message without one of its own names the field
      // (core/contract/field-messages.ts).
      const key = String((rule as { field?: string }).field ?? 'value')
        .split('.')
        .at(-1)!;
      const r = z.object({ [key]: schema }).safeParse({ [key]: v });
      if (!r.success) throw new Error(r.error.issues[0]?.message);
    },
  };
}

/** Parses a whole input with its contract schema: either the parsed value or field issues. */
export function checkInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true } | { ok: false; issues: FieldIssue[] } {
  const r = schema.safeParse(input);
  return r.success ? { ok: true } : { ok: false, issues: toFieldIssues(r.error) };
}

/** '' and whitespace → undefined, so optional contract fields stay absent. */
export function blankToUndefined(value: string | undefined | null): string | undefined {
  return isBlank(value) ? undefined : (value as string);
}
