/**
 * The check of a backup copy: SQLite's integrity check, then the ledger (verify.ts), on the copy opened
 * read-only. The one function behind a backup (run in a worker thread by backup-check-host.ts) and a restore
 * (run where it is called: no process has the data open then). Runtime: Node.
 */
import BetterSqlite from 'better-sqlite3';
import { verifyLedger } from './verify';

export type CopyCheck =
  | { readonly ok: true; readonly checkedOps: number }
  | { readonly ok: false; readonly failed: 'integrity' | 'ledger'; readonly problem: string };

export function checkBackupCopy(file: string): CopyCheck {
  const copy = new BetterSqlite(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = copy.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return { ok: false, failed: 'integrity', problem: String(integrity) };
    const v = verifyLedger(copy);
    if (!v.ok) return { ok: false, failed: 'ledger', problem: `#${v.firstBad?.seq}: ${v.firstBad?.problem}` };
    return { ok: true, checkedOps: v.checkedOps };
  } finally {
    copy.close();
  }
}
