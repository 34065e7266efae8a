/**
 * Showing failures politely: the server's translated message (never raw error text or a stack trace), and
 * field-level issues put back under their form fields. Runtime: browser.
 */
import { App as AntApp, type FormInstance } from 'antd';
import { useCallback } from 'react';
import type { FieldIssue } from '../../core/errors';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n';

/** Codes the shell itself answers (lock screen, login page), so a feature shows nothing more. */
const SHELL_HANDLED = new Set(['SESSION_LOCKED', 'NOT_LOGGED_IN', 'SETUP_REQUIRED']);

export type PathMap = (path: (string | number)[]) => (string | number)[];

export function isApiError(e: unknown, code?: string): e is ApiError {
  return e instanceof ApiError && (code === undefined || e.code === code);
}

/** Returns `report(err)`: a message for the operator in the current language. */
export function useReportError() {
  const { message } = AntApp.useApp();
  const { lang, t } = useI18n();
  return useCallback(
    (err: unknown) => {
      if (err instanceof ApiError) {
        if (SHELL_HANDLED.has(err.code)) return;
        message.error(lang === 'en' ? err.body.messageEn : err.body.message);
        return;
      }
      message.error(t.errors.unexpected);
    },
    [message, lang, t],
  );
}

/** Returns `text(err)`: the operator's sentence for a failure (never raw error text). */
export function useErrorText() {
  const { lang, t } = useI18n();
  return useCallback(
    (err: unknown): string =>
      err instanceof ApiError ? (lang === 'en' ? err.body.messageEn : err.body.message) : t.errors.unexpected,
    [lang, t],
  );
}

/** Puts field issues under the form's fields; returns how many were placed. */
export function applyIssues(
  form: FormInstance,
  issues: readonly FieldIssue[],
  map: PathMap = (p) => p,
): number {
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const issue of issues) {
    const name = map(issue.path);
    if (name.length === 0) continue;
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(issue.message)) entry.errors.push(issue.message);
    byField.set(key, entry);
  }
  const fields = [...byField.values()];
  form.setFields(fields);
  if (fields[0]) form.scrollToField(fields[0].name, { block: 'center' });
  return fields.length;
}

/** Reports an error and, for validation failures, also shows the issues under the fields. */
export function useFormErrors(form: FormInstance, map?: PathMap) {
  const report = useReportError();
  return useCallback(
    (err: unknown) => {
      if (err instanceof ApiError && err.body.issues?.length) applyIssues(form, err.body.issues, map);
      report(err);
    },
    [form, map, report],
  );
}
