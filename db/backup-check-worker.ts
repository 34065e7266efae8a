/**
 * The backup check's worker thread (started by backup-check-host.ts): opens the copy read-only, runs
 * checkBackupCopy and posts its result, so the counter's thread keeps serving while the copy is read through.
 * Runtime: Node (worker thread).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type CopyCheck, checkBackupCopy } from './backup-check';

export interface BackupCheckWorkerData {
  readonly file: string;
}

export type BackupCheckMessage = { readonly result: CopyCheck } | { readonly error: string };

const { file } = workerData as BackupCheckWorkerData;
let message: BackupCheckMessage;
try {
  message = { result: checkBackupCopy(file) };
} catch (e) {
  message = { error: e instanceof Error ? e.message : String(e) };
}
parentPort!.postMessage(message);
