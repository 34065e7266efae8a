/** zod issues → field issues with stable codes and Chinese messages. Runtime: any. */
import type { z } from 'zod';
import type { FieldIssue } from '../errors';

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => {
    const params = (i as { params?: { code?: unknown } }).params;
    const code = typeof params?.code === 'string' ? params.code : i.code.toUpperCase();
    return { path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), code, message: i.message };
  });
}
